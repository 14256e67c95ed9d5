import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';

import type { ClassificationEntry } from '../../shared/domain/classification.js';
import type {
  ClassificationImportFormat,
  ClassificationImportResult,
  ClassificationMapping,
  ImportMode,
} from '../../shared/domain/classification-import.js';
import type { ClassificationQuery } from '../../shared/domain/classification-query.js';
import type { RecordedScan, ScanSourceKind } from '../../shared/domain/classification-review.js';
import type { RopaGrouping } from '../../shared/domain/ropa.js';
import { SynapseError } from '../../shared/errors.js';
import { parseMappingFile } from '../importers/classification-mapping.js';
import type { CsvDelimiter } from '../importers/csv-text.js';
import type { ColumnProposal } from '../importers/detectors/table-proposals.js';
import { scanCsvFile, scanXlsxFile } from '../importers/file-scan.js';
import { scanSqlite, type SqliteScanResult } from '../importers/sqlite-scan.js';
import { moduleLogger } from '../log/logger.js';
import {
  writeClassificationMap,
  writeRecordOfProcessing,
  type ExportResult,
  type MapExportFormat,
} from '../reports/map-export.js';
import type { ComplianceServices } from '../services.js';
import { readInputFile } from './imports.js';

const log = moduleLogger('classification');

/**
 * Reads a mapping given on the command line: a path to a JSON mapping file, or the name of a
 * mapping saved in the vault. A value with a path separator or a .json ending, or naming an
 * existing file, is a file.
 */
export function resolveMappingArgument(
  services: ComplianceServices,
  value: string,
): ClassificationMapping {
  const looksLikeFile = /[\\/]/.test(value) || extname(value).toLowerCase() === '.json';
  if (looksLikeFile || existsSync(value)) {
    return parseMappingFile(value, readInputFile(value));
  }
  return services.classificationImports.getMapping(value).mapping;
}

export interface ClassificationFileImport {
  format?: ClassificationImportFormat;
  /** A mapping file path or a saved mapping name. */
  mapping?: string;
  mode: ImportMode;
  delimiter?: CsvDelimiter;
  sheet?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports classification CSV or XLSX files in one transaction, under the chosen mode. Every file
 * is read and checked first, so a rejected file stores none of them and the error names it.
 */
export function importClassificationFiles(
  services: ComplianceServices,
  files: readonly string[],
  options: ClassificationFileImport,
): ClassificationImportResult[] {
  const inputs = files.map((file) => ({ file, bytes: readInputFile(file) }));
  const mapping =
    options.mapping === undefined ? undefined : resolveMappingArgument(services, options.mapping);
  const results = services.classificationImports.commitFiles(inputs, {
    mode: options.mode,
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(mapping === undefined ? {} : { mapping }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  for (const result of results) {
    log.info(
      {
        format: result.format,
        mode: result.mode,
        records: result.records,
        rejected: result.rejected,
      },
      'classification file imported',
    );
  }
  return results;
}

export interface FileScanOutcome {
  file: string;
  kind: ScanSourceKind;
  system: string;
  tables: number;
  columns: ColumnProposal[];
  skippedTables: SqliteScanResult['skippedTables'];
  /** The stored run, its diff with the previous scan and the queued proposals; null without apply. */
  recorded: RecordedScan | null;
}

/**
 * Scans a SQLite database, a CSV file or an XLSX workbook for personal data. Sampled values stay
 * in memory. With apply, the run and its proposals go to the review queue in the vault.
 */
export function scanDataFile(
  services: ComplianceServices,
  kind: ScanSourceKind,
  file: string,
  options: { system?: string; apply: boolean; onProgress?: (done: number, total: number) => void },
): FileScanOutcome {
  const bytes = readInputFile(file);
  const scanOptions = options.onProgress === undefined ? {} : { onProgress: options.onProgress };
  const result =
    kind === 'sqlite'
      ? scanSqlite(file, scanOptions)
      : kind === 'csv'
        ? scanCsvFile(file, bytes, scanOptions)
        : scanXlsxFile(file, bytes, scanOptions);
  const system = options.system ?? (basename(file, extname(file)) || basename(file));
  log.info({ kind, tables: result.tables.length, columns: result.columns.length }, 'file scanned');

  const recorded = options.apply
    ? services.classificationReview.recordScan({ kind, file, system, result })
    : null;
  return {
    file,
    kind,
    system,
    tables: result.tables.length,
    columns: result.columns,
    skippedTables: result.skippedTables,
    recorded,
  };
}

/**
 * Exports the classification map (all of it, or the entries matching `query`) to XLSX or CSV and
 * records the export in the audit trail. An unmasked export is recorded as such.
 */
export async function exportClassificationMapFile(
  services: ComplianceServices,
  outFile: string,
  options: { format?: MapExportFormat; unmasked?: boolean; query?: ClassificationQuery } = {},
): Promise<ExportResult> {
  const format = options.format ?? exportFormatOf(outFile);
  const entries =
    options.query === undefined
      ? services.classification.repository.iterate()
      : pagedEntries(services, options.query);
  const result = await writeClassificationMap(entries, outFile, {
    format,
    unmasked: options.unmasked === true,
  });

  // Written after the rows were streamed: the connection cannot write while it iterates.
  recordExport(
    services,
    result.masked ? 'classification.export' : 'classification.export_unmasked',
    {
      file: basename(result.file),
      format,
      rows: result.rows,
      masked: result.masked,
    },
  );
  return result;
}

/** Exports the Art. 30 record of processing activities to XLSX and records the export. */
export async function exportRecordOfProcessingFile(
  services: ComplianceServices,
  outFile: string,
  options: { unmasked?: boolean; groupBy?: RopaGrouping } = {},
): Promise<ExportResult> {
  if (exportFormatOf(outFile) !== 'xlsx') {
    throw new SynapseError('USAGE', `--out "${outFile}" must end in .xlsx for the Art. 30 record.`);
  }
  const record = services.recordOfProcessing.record(options.groupBy ?? 'system');
  const result = await writeRecordOfProcessing(record, outFile, {
    unmasked: options.unmasked === true,
  });
  recordExport(services, result.masked ? 'ropa.export' : 'ropa.export_unmasked', {
    file: basename(result.file),
    activities: result.rows,
    groupBy: record.groupBy,
    masked: result.masked,
  });
  return result;
}

export function exportFormatOf(outFile: string): MapExportFormat {
  const extension = extname(outFile).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  throw new SynapseError(
    'USAGE',
    `--out "${outFile}" must end in .xlsx or .csv, which decides the export format.`,
  );
}

function* pagedEntries(
  services: ComplianceServices,
  query: ClassificationQuery,
): Generator<ClassificationEntry> {
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = services.classification.list({ ...query, offset, limit });
    yield* page.rows;
    if (offset + page.rows.length >= page.total || page.rows.length === 0) return;
  }
}

function recordExport(services: ComplianceServices, action: string, after: object): void {
  services.vault.transaction(() => {
    services.vault.audit.append({
      actor: services.actor,
      action,
      entityType: 'export',
      after,
    });
  });
}
