import { basename, extname } from 'node:path';

import { InvalidInputError } from '../../shared/errors.js';
import { parseMappingFile, type ClassificationMapping } from './classification-mapping.js';
import { convertClassificationTable, type ConvertedRows } from './classification-rows.js';
import { DEFAULT_MAX_CSV_BYTES, readCsvTable } from './csv-table.js';
import type { CsvDelimiter, CsvEncoding } from './csv-text.js';
import { splitHeader } from './tabular.js';
import type { ParsedClassification } from './types.js';

export { DEFAULT_MAX_CSV_BYTES, parseMappingFile };
export type { ClassificationMapping };

export interface CsvClassificationOptions {
  /** Overrides delimiter detection. */
  delimiter?: CsvDelimiter;
  mapping?: ClassificationMapping;
  /** System for rows without one, when the mapping file gives no default either. */
  system?: string;
  maxBytes?: number;
  /** Turns a level cell into a level name; see RowConversionOptions.resolveLevel. */
  resolveLevel?: (text: string) => string | null;
}

export interface ParsedClassificationCsv extends ParsedClassification {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Rows that were not imported, such as section headers, by their first line number. */
  skipped: { line: number; reason: string }[];
}

/** Every row of a classification CSV, converted or with its error, and how the file was read. */
export interface ClassificationCsvRows extends ConvertedRows {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  headerLine: number;
}

/**
 * Reads a classification inventory from CSV and converts every row, collecting the errors of
 * invalid rows instead of stopping at the first. Headers map to entry fields by name and common
 * synonyms, or through a mapping. Rows without a level get one proposed by the same detectors as
 * the discovery scans, marked proposed with a confidence.
 */
export function readClassificationCsv(
  file: string,
  bytes: Buffer | string,
  options: CsvClassificationOptions = {},
): ClassificationCsvRows {
  const csv = readCsvTable(file, bytes, {
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_CSV_BYTES,
    expected: 'a classification CSV with a header row',
    allowLongRows: true,
  });
  const table = splitHeader(csv.rows);
  const converted = convertClassificationTable(file, table, {
    mapping: options.mapping,
    system: options.system ?? fileStem(file),
    dataset: fileStem(file),
    ...(options.resolveLevel === undefined ? {} : { resolveLevel: options.resolveLevel }),
    requireHeaderCellCount: true,
  });
  return {
    ...converted,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    headers: table.header?.cells ?? [],
    headerLine: table.header?.line ?? 1,
  };
}

/**
 * Parses a classification inventory from CSV for an import that stores the whole file or nothing:
 * the first invalid row rejects the file with its line number.
 */
export function parseClassificationCsv(
  file: string,
  bytes: Buffer | string,
  options: CsvClassificationOptions = {},
): ParsedClassificationCsv {
  const rows = readClassificationCsv(file, bytes, options);
  const first = rows.errors[0];
  if (first !== undefined) {
    throw new InvalidInputError({ file, line: first.line }, first.message);
  }
  return {
    kind: 'classification',
    file,
    records: rows.records.map((row) => row.record),
    encoding: rows.encoding,
    delimiter: rows.delimiter,
    skipped: rows.skipped,
  };
}

export function fileStem(file: string): string {
  return basename(file, extname(file));
}
