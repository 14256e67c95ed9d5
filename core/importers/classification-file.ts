import { extname } from 'node:path';

import type {
  ClassificationImportFormat,
  ClassificationImportPreview,
  ClassificationMapping,
} from '../../shared/domain/classification-import.js';
import { InvalidInputError, SynapseError } from '../../shared/errors.js';
import { mapHeaders, suggestMapping } from './classification-mapping.js';
import { convertClassificationTable, type ConvertedRows } from './classification-rows.js';
import { fileStem } from './csv-classification.js';
import { readCsvTable } from './csv-table.js';
import type { CsvDelimiter } from './csv-text.js';
import { splitHeader, type TabularTable } from './tabular.js';
import { DEFAULT_XLSX_LIMITS, XlsxWorkbook, type XlsxLimits } from './xlsx/xlsx-workbook.js';

export interface ClassificationFileOptions {
  /** csv or xlsx; taken from the file extension when left out. */
  format?: ClassificationImportFormat;
  mapping?: ClassificationMapping | undefined;
  /** Overrides the detected CSV delimiter. */
  delimiter?: CsvDelimiter;
  /** XLSX sheet to read; the first by default. */
  sheet?: string;
  /** System for rows without one, when the mapping gives no default either. */
  system?: string;
  resolveLevel?: (text: string) => string | null;
  xlsxLimits?: XlsxLimits;
}

/** A classification file split into rows, with what was detected about its format. */
export interface ClassificationTable {
  file: string;
  format: ClassificationImportFormat;
  encoding: string | null;
  delimiter: CsvDelimiter | null;
  sheet: string | null;
  sheets: string[];
  table: TabularTable;
}

/** Rows shown in a preview. */
export const PREVIEW_ROWS = 20;

/** Invalid rows listed in a preview; the count covers all of them. */
const MAX_PREVIEW_ERRORS = 1000;

/** Picks the format from the option or the file extension. */
export function classificationFormatOf(
  file: string,
  format?: ClassificationImportFormat,
): ClassificationImportFormat {
  if (format !== undefined) {
    return format;
  }
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx' || extension === '.xlsm') {
    return 'xlsx';
  }
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') {
    return 'csv';
  }
  throw new SynapseError(
    'USAGE',
    `Cannot tell the format of ${file} from its extension; pass --format csv or --format xlsx.`,
  );
}

/** Reads a CSV file or an XLSX sheet into a header row and data rows. */
export function readClassificationTable(
  file: string,
  bytes: Buffer,
  options: ClassificationFileOptions = {},
): ClassificationTable {
  const format = classificationFormatOf(file, options.format);
  if (format === 'csv') {
    const csv = readCsvTable(file, bytes, {
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      expected: 'a classification CSV with a header row',
      allowLongRows: true,
    });
    return {
      file,
      format,
      encoding: csv.encoding,
      delimiter: csv.delimiter,
      sheet: null,
      sheets: [],
      table: splitHeader(csv.rows),
    };
  }

  const workbook = new XlsxWorkbook(file, bytes, options.xlsxLimits ?? DEFAULT_XLSX_LIMITS);
  const sheet = workbook.readSheet(options.sheet);
  const table = splitHeader(sheet.rows);
  if (table.header === null) {
    throw new InvalidInputError(
      { file },
      `sheet "${sheet.name}" is empty; expected a header row and one row per field`,
    );
  }
  return {
    file,
    format,
    encoding: null,
    delimiter: null,
    sheet: sheet.name,
    sheets: workbook.sheetNames,
    table,
  };
}

/** Converts the rows of a read table with the mapping; header problems throw. */
export function convertClassificationFile(
  read: ClassificationTable,
  options: ClassificationFileOptions = {},
): ConvertedRows {
  return convertClassificationTable(read.file, read.table, {
    mapping: options.mapping,
    system: options.system ?? fileStem(read.file),
    dataset: fileStem(read.file),
    ...(options.resolveLevel === undefined ? {} : { resolveLevel: options.resolveLevel }),
    requireHeaderCellCount: read.format === 'csv',
  });
}

/**
 * Reads a classification CSV or XLSX file as the import would and returns what the user reviews
 * before accepting. That is the detected encoding and delimiter, the headers, the suggested and the
 * applied mapping, the first rows as they would be stored, and every invalid row with its line.
 * Stores nothing. A file that cannot be read at all (binary, a zip bomb) throws, and a mapping
 * that does not fit is returned as `problem`.
 */
export function previewClassificationImport(
  file: string,
  bytes: Buffer,
  options: ClassificationFileOptions = {},
): ClassificationImportPreview {
  const read = readClassificationTable(file, bytes, options);
  const headers = read.table.header?.cells ?? [];
  const base = {
    file,
    format: read.format,
    encoding: read.encoding,
    delimiter: read.delimiter,
    sheet: read.sheet,
    sheets: read.sheets,
    headers,
    headerLine: read.table.header?.line ?? 1,
    suggestedMapping: suggestMapping(headers),
  };

  let converted: ConvertedRows;
  try {
    converted = convertClassificationFile(read, options);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return {
      ...base,
      mapping: mappingByHeader(file, headers, options.mapping),
      rowCount: 0,
      validCount: 0,
      rows: [],
      errors: [],
      errorCount: 0,
      skipped: [],
      problem: error.message,
    };
  }

  const mapping: Record<string, ClassificationImportPreview['mapping'][string]> = {};
  headers.forEach((header, index) => {
    mapping[header] = converted.columns.get(index) ?? null;
  });
  return {
    ...base,
    mapping,
    rowCount: converted.records.length + converted.errors.length,
    validCount: converted.records.length,
    rows: converted.records.slice(0, PREVIEW_ROWS).map((row) => ({
      line: row.line,
      entry: row.record,
    })),
    errors: converted.errors.slice(0, MAX_PREVIEW_ERRORS),
    errorCount: converted.errors.length,
    skipped: converted.skipped,
    problem: null,
  };
}

/** Returns the field of each header under a mapping; headers that clash map to null. */
function mappingByHeader(
  file: string,
  headers: readonly string[],
  mapping: ClassificationMapping | undefined,
): ClassificationImportPreview['mapping'] {
  const result: ClassificationImportPreview['mapping'] = Object.fromEntries(
    headers.map((header) => [header, null]),
  );
  try {
    for (const [index, field] of mapHeaders(file, headers, mapping)) {
      const header = headers[index];
      if (header !== undefined) result[header] = field;
    }
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
  }
  return result;
}
