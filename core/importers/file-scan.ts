import { fileStem } from './csv-classification.js';
import { readCsvTable } from './csv-table.js';
import type { CsvDelimiter } from './csv-text.js';
import {
  findPersonTables,
  proposeTable,
  type ColumnProposal,
  type TableData,
} from './detectors/table-proposals.js';
import { DEFAULT_SAMPLE_SIZE, type SqliteScanResult } from './sqlite-scan.js';
import { splitHeader, type TabularRow } from './tabular.js';
import type { ProgressListener } from './types.js';
import { DEFAULT_XLSX_LIMITS, XlsxWorkbook, type XlsxLimits } from './xlsx/xlsx-workbook.js';

export interface FileScanOptions {
  /** Maximum non-empty values read per column; default 200. */
  sampleSize?: number;
  /** Data rows read per file or sheet; default 2,000. Only these rows are sampled. */
  rowLimit?: number;
  /** Overrides the detected CSV delimiter. */
  delimiter?: CsvDelimiter;
  xlsxLimits?: XlsxLimits;
  /** Called after each sheet with the number of sheets read and the total. */
  onProgress?: ProgressListener;
}

/** A scan of a CSV file or an XLSX workbook: one table per file or sheet, one column per header. */
export type FileScanResult = SqliteScanResult;

export const DEFAULT_SCAN_ROWS = 2_000;

/** Maximum characters of a value the detectors look at; they only need its start. */
const MAX_VALUE_CHARS = 4096;

/**
 * Scans a CSV file with the same detectors as the SQLite scan: the file is one table named after
 * the file, its header row names the columns, and the first rows give the samples. The values stay
 * in memory; the result contains counts and masked examples only.
 */
export function scanCsvFile(
  file: string,
  bytes: Buffer | string,
  options: FileScanOptions = {},
): FileScanResult {
  const rowLimit = options.rowLimit ?? DEFAULT_SCAN_ROWS;
  const csv = readCsvTable(file, bytes, {
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    rowLimit: rowLimit + 1,
    expected: 'a CSV file with a header row',
  });

  const table = tableData(fileStem(file), csv.rows, options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
  options.onProgress?.(1, 1);
  return {
    file,
    tables: table === null ? [] : [table.table],
    columns: table === null ? [] : proposeAll([table]),
    skippedTables: table === null ? [{ table: fileStem(file), reason: 'no header row' }] : [],
  };
}

/** Scans every sheet of an XLSX workbook; each sheet is a table named after the sheet. */
export function scanXlsxFile(
  file: string,
  bytes: Buffer,
  options: FileScanOptions = {},
): FileScanResult {
  const workbook = new XlsxWorkbook(file, bytes, options.xlsxLimits ?? DEFAULT_XLSX_LIMITS);
  const rowLimit = (options.rowLimit ?? DEFAULT_SCAN_ROWS) + 1;
  const tables: TableData[] = [];
  const skippedTables: FileScanResult['skippedTables'] = [];

  workbook.sheetNames.forEach((name, index) => {
    const sheet = workbook.readSheet(name, { rowLimit });
    const table = tableData(name, sheet.rows, options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
    if (table === null) {
      skippedTables.push({ table: name, reason: 'the sheet is empty' });
    } else {
      tables.push(table);
    }
    options.onProgress?.(index + 1, workbook.sheetNames.length);
  });

  return {
    file,
    tables: workbook.sheetNames,
    columns: proposeAll(tables),
    skippedTables,
  };
}

function proposeAll(tables: readonly TableData[]): ColumnProposal[] {
  const personTables = findPersonTables(tables);
  return tables.flatMap((table) => proposeTable(table, personTables));
}

/**
 * Collects the samples of one table. Columns are named by the header row; a blank header gets
 * its column letter or number so the proposal can still be shown.
 */
function tableData(
  name: string,
  rows: readonly TabularRow[],
  sampleSize: number,
): TableData | null {
  const { header, rows: body } = splitHeader(rows);
  if (header === null) {
    return null;
  }

  const names = uniqueNames(header.cells);
  const samples = new Map<string, string[]>(names.map((column) => [column, []]));
  for (const row of body) {
    names.forEach((column, index) => {
      const value = (row.cells[index] ?? '').trim();
      const values = samples.get(column);
      if (value !== '' && values !== undefined && values.length < sampleSize) {
        values.push(value.slice(0, MAX_VALUE_CHARS));
      }
    });
  }

  return {
    table: name,
    columns: names.map((column) => ({ name: column, type: '', pk: 0 })),
    foreignKeys: [],
    samples,
    blobColumns: new Set(),
  };
}

function uniqueNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell === '' ? `column ${index + 1}` : cell;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
