import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';

import type { ClassificationEntryInput } from '../../shared/domain/classification.js';
import type { SecurityFindingInput } from '../../shared/domain/findings.js';
import type { IncidentInput } from '../../shared/domain/incidents.js';
import { InvalidInputError, SynapseError } from '../../shared/errors.js';
import type { ImportSummary } from '../classification/service.js';
import { parseBandit } from '../importers/bandit.js';
import { parseNpmAudit } from '../importers/npm-audit.js';
import { parseSarif } from '../importers/sarif.js';
import { parseScorecard } from '../importers/scorecard.js';
import { parseVeris } from '../importers/veris.js';
import { moduleLogger } from '../log/logger.js';
import type { ComplianceServices } from '../services.js';

const log = moduleLogger('import');

export const IMPORT_FORMATS = {
  incidents: ['veris'],
  findings: ['sarif', 'scorecard', 'npm-audit', 'bandit'],
  classification: ['csv', 'xlsx'],
} as const;

export type ImportKind = keyof typeof IMPORT_FORMATS;
export type ImportFormat = (typeof IMPORT_FORMATS)[ImportKind][number];

export interface FileImportResult extends ImportSummary {
  file: string;
  records: number;
}

/** Reads an input file whole, turning file-system errors into messages that name the file. */
export function readInputFile(file: string): Buffer {
  const path = resolve(file);
  try {
    if (statSync(path).isDirectory()) {
      throw new InvalidInputError({ file }, 'is a folder, not a file. Name the file to read.');
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof SynapseError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'file not found. Check the path.'
        : code === 'EACCES'
          ? 'permission denied. Check the file permissions.'
          : `cannot be read (${code ?? String(error)}).`;
    throw new InvalidInputError({ file }, problem);
  }
}

export function assertImportFormat(kind: string, format: string): asserts format is ImportFormat {
  const formats = IMPORT_FORMATS[kind as ImportKind] as readonly string[] | undefined;
  if (formats === undefined) {
    throw new SynapseError(
      'USAGE',
      `Unknown import kind "${kind}". Use one of: ${Object.keys(IMPORT_FORMATS).join(', ')}.`,
    );
  }
  if (!formats.includes(format)) {
    throw new SynapseError(
      'USAGE',
      `Format "${format}" does not apply to ${kind}. Use one of: ${formats.join(', ')}.`,
    );
  }
}

export function parseIncidentFile(format: ImportFormat, file: string): IncidentInput[] {
  const bytes = readInputFile(file);
  if (format === 'veris') return parseVeris(file, bytes).records;
  throw new SynapseError('USAGE', `Incidents cannot be read from format "${format}".`);
}

export function parseFindingFile(format: ImportFormat, file: string): SecurityFindingInput[] {
  const bytes = readInputFile(file);
  switch (format) {
    case 'sarif':
      return parseSarif(file, bytes).records;
    case 'scorecard':
      return parseScorecard(file, bytes).records;
    case 'npm-audit':
      return parseNpmAudit(file, bytes).records;
    case 'bandit':
      return parseBandit(file, bytes).records;
    default:
      throw new SynapseError('USAGE', `Findings cannot be read from format "${format}".`);
  }
}

/**
 * Imports several files as one unit: every file is parsed and validated first, then all are
 * stored in one transaction. A bad file stores nothing, and the error names that file.
 */
export function importIncidentFiles(
  services: ComplianceServices,
  format: ImportFormat,
  files: readonly string[],
): FileImportResult[] {
  const parsed = files.map((file) => ({ file, records: parseIncidentFile(format, file) }));

  return services.vault.transaction(() =>
    parsed.map(({ file, records }) => {
      const summary = services.incidents.importIncidents(records, basename(file));
      log.info({ format, records: records.length, ...summary }, 'incidents imported');
      return { file, records: records.length, ...summary };
    }),
  );
}

/** Imports finding files as one unit, like importIncidentFiles. */
export function importFindingFiles(
  services: ComplianceServices,
  format: ImportFormat,
  files: readonly string[],
): FileImportResult[] {
  const parsed = files.map((file) => ({ file, records: parseFindingFile(format, file) }));

  return services.vault.transaction(() =>
    parsed.map(({ file, records }) => {
      const summary = services.findings.importFindings(records, basename(file));
      log.info({ format, records: records.length, ...summary }, 'findings imported');
      return { file, records: records.length, ...summary };
    }),
  );
}

export function importClassificationRecords(
  services: ComplianceServices,
  file: string,
  records: readonly ClassificationEntryInput[],
  onProgress?: (done: number, total: number) => void,
): FileImportResult {
  const summary = services.classification.importEntries(records, basename(file), onProgress);
  log.info({ records: records.length, ...summary }, 'classification entries imported');
  return { file, records: records.length, ...summary };
}
