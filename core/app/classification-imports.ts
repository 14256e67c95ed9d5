import { basename } from 'node:path';

import { parseClassificationCsv, parseMappingFile } from '../importers/csv-classification.js';
import {
  scanSqlite,
  scanToClassificationInputs,
  type ColumnProposal,
} from '../importers/sqlite-scan.js';
import { moduleLogger } from '../log/logger.js';
import type { ComplianceServices } from '../services.js';
import type { ImportSummary } from '../classification/service.js';
import { importClassificationRecords, readInputFile, type FileImportResult } from './imports.js';

const log = moduleLogger('scan');

/** Imports classification CSV files, each whole in its own transaction. */
export function importClassificationCsvFiles(
  services: ComplianceServices,
  files: readonly string[],
  options: { mappingFile?: string; onProgress?: (done: number, total: number) => void } = {},
): FileImportResult[] {
  const mapping =
    options.mappingFile === undefined
      ? undefined
      : parseMappingFile(options.mappingFile, readInputFile(options.mappingFile));

  return files.map((file) => {
    const parsed = parseClassificationCsv(file, readInputFile(file), {
      ...(mapping === undefined ? {} : { mapping }),
    });
    return importClassificationRecords(services, file, parsed.records, options.onProgress);
  });
}

export interface ScanOutcome {
  file: string;
  system: string;
  tables: number;
  columns: ColumnProposal[];
  /** Counts of entries stored by --apply, or null when the proposals were only shown. */
  applied: ImportSummary | null;
}

/**
 * Scans a SQLite database read-only. With apply, the proposals are stored as proposed entries
 * for review, in one transaction.
 */
export function scanSqliteFile(
  services: ComplianceServices,
  file: string,
  options: { system?: string; apply: boolean },
): ScanOutcome {
  readInputFile(file);
  const result = scanSqlite(file);
  const system = options.system ?? basename(file).replace(/\.[^.]+$/, '');
  log.info({ tables: result.tables.length, columns: result.columns.length }, 'sqlite scanned');

  const applied = options.apply
    ? services.classification.importEntries(
        scanToClassificationInputs(result, system),
        `scan of ${basename(file)}`,
      )
    : null;
  return { file, system, tables: result.tables.length, columns: result.columns, applied };
}
