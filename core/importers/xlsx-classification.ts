import { InvalidInputError } from '../../shared/errors.js';
import type { ClassificationMapping } from './classification-mapping.js';
import { convertClassificationTable, type ConvertedRows } from './classification-rows.js';
import { fileStem } from './csv-classification.js';
import { splitHeader } from './tabular.js';
import type { ParsedClassification } from './types.js';
import { DEFAULT_XLSX_LIMITS, XlsxWorkbook, type XlsxLimits } from './xlsx/xlsx-workbook.js';

export interface XlsxClassificationOptions {
  /** Sheet to read; the first sheet by default. */
  sheet?: string;
  mapping?: ClassificationMapping;
  /** System for rows without one, when the mapping gives no default either. */
  system?: string;
  /** Turns a level cell into a level name; see RowConversionOptions.resolveLevel. */
  resolveLevel?: (text: string) => string | null;
  limits?: XlsxLimits;
}

/** Every row of a classification sheet, converted or with its error, and which sheet was read. */
export interface ClassificationXlsxRows extends ConvertedRows {
  sheet: string;
  sheets: string[];
  headers: string[];
  headerLine: number;
}

/**
 * Reads a classification inventory from one sheet of an XLSX workbook, with the same column
 * mapping and row rules as the CSV import. Line numbers are the sheet's row numbers.
 */
export function readClassificationXlsx(
  file: string,
  bytes: Buffer,
  options: XlsxClassificationOptions = {},
): ClassificationXlsxRows {
  const workbook = new XlsxWorkbook(file, bytes, options.limits ?? DEFAULT_XLSX_LIMITS);
  const sheet = workbook.readSheet(options.sheet);
  const table = splitHeader(sheet.rows);
  if (table.header === null) {
    throw new InvalidInputError(
      { file },
      `sheet "${sheet.name}" is empty; expected a header row and one row per field`,
    );
  }

  const converted = convertClassificationTable(file, table, {
    mapping: options.mapping,
    system: options.system ?? fileStem(file),
    dataset: fileStem(file),
    ...(options.resolveLevel === undefined ? {} : { resolveLevel: options.resolveLevel }),
  });
  return {
    ...converted,
    sheet: sheet.name,
    sheets: workbook.sheetNames,
    headers: table.header.cells,
    headerLine: table.header.line,
  };
}

/** Parses a classification sheet whole: the first invalid row rejects the file. */
export function parseClassificationXlsx(
  file: string,
  bytes: Buffer,
  options: XlsxClassificationOptions = {},
): ParsedClassification & { sheet: string } {
  const rows = readClassificationXlsx(file, bytes, options);
  const first = rows.errors[0];
  if (first !== undefined) {
    throw new InvalidInputError({ file, line: first.line }, first.message);
  }
  return {
    kind: 'classification',
    file,
    sheet: rows.sheet,
    records: rows.records.map((row) => row.record),
  };
}
