import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  CHINOOK_NOT_PERSONAL,
  CHINOOK_PERSONAL_COLUMNS,
  writeChinookCsvFiles,
  writeChinookWorkbook,
} from '../../test/helpers/chinook.js';
import { scanCsvFile, scanXlsxFile, type FileScanResult } from './file-scan.js';

/** Chinook values that must never leave the scanner unmasked. */
const RAW_VALUES = ['luisg@embraer.com.br', 'Gonçalves', '+55 (12) 3923-5555', '1962-02-18'];

function flagged(results: readonly FileScanResult[]): Map<string, string | null> {
  return new Map(
    results
      .flatMap((result) => result.columns)
      .filter((column) => column.personalData)
      .map((column) => [`${column.table}.${column.column}`, column.category]),
  );
}

function byKey(results: readonly FileScanResult[]) {
  return new Map(
    results
      .flatMap((result) => result.columns)
      .map((column) => [`${column.table}.${column.column}`, column]),
  );
}

describe('file scans of Chinook', () => {
  let folder: string;
  let csvResults: FileScanResult[];
  let xlsxResult: FileScanResult;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'synapse-file-scan-'));
    csvResults = writeChinookCsvFiles(folder).map((file) => scanCsvFile(file, readFileSync(file)));
    const workbook = join(folder, 'Chinook.xlsx');
    await writeChinookWorkbook(workbook);
    xlsxResult = scanXlsxFile(workbook, readFileSync(workbook));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads one dataset per CSV file and per sheet', () => {
    const csvTables = csvResults.flatMap((result) => result.tables);

    expect(csvTables).toHaveLength(11);
    expect(xlsxResult.tables).toEqual([...csvTables].sort());
    expect(xlsxResult.skippedTables).toEqual([]);
  });

  it('flags every personal column in the CSV files', () => {
    expect([...flagged(csvResults).keys()].sort()).toEqual(
      Object.keys(CHINOOK_PERSONAL_COLUMNS).sort(),
    );
  });

  it('flags every personal column in the workbook', () => {
    expect([...flagged([xlsxResult]).keys()].sort()).toEqual(
      Object.keys(CHINOOK_PERSONAL_COLUMNS).sort(),
    );
  });

  it.each(Object.entries(CHINOOK_PERSONAL_COLUMNS))('categorises %s as %s', (key, category) => {
    expect(flagged(csvResults).get(key)).toBe(category);
    expect(flagged([xlsxResult]).get(key)).toBe(category);
  });

  it.each(CHINOOK_NOT_PERSONAL)('does not flag %s', (key) => {
    expect(byKey(csvResults).get(key)?.personalData).toBe(false);
    expect(byKey([xlsxResult]).get(key)?.personalData).toBe(false);
  });

  it('keeps sampled values masked', () => {
    const text = JSON.stringify([csvResults, xlsxResult]);

    for (const value of RAW_VALUES) expect(text).not.toContain(value);
    expect(byKey(csvResults).get('Customer.Email')?.maskedExamples[0]).toBe('l****@e****.br');
    expect(byKey([xlsxResult]).get('Customer.Email')?.sampled).toBe(59);
  });

  it('samples only the first rows', () => {
    const file = join(folder, 'Track.csv');

    const result = scanCsvFile(file, readFileSync(file), { rowLimit: 10, sampleSize: 5 });

    expect(byKey([result]).get('Track.Name')?.sampled).toBe(5);
  });
});

describe('scanCsvFile', () => {
  it('names blank and repeated headers', () => {
    const result = scanCsvFile('people.csv', 'email,,email\na@example.org,x,b@example.org\n');

    expect(result.columns.map((column) => column.column)).toEqual([
      'email',
      'column 2',
      'email (2)',
    ]);
  });
});
