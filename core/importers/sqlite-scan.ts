import { closeSync, openSync, readSync } from 'node:fs';

import Database from 'better-sqlite3-multiple-ciphers';

import {
  classificationEntryInputSchema,
  type ClassificationEntryInput,
} from '../../shared/domain/classification.js';
import { InvalidInputError } from '../../shared/errors.js';
import {
  findPersonTables,
  proposeTable,
  type ColumnProposal,
  type ForeignKey,
  type TableColumn,
  type TableData,
} from './detectors/table-proposals.js';
import { quoteIdentifier } from './sqlite-identifiers.js';
import type { ProgressListener } from './types.js';

export type { ColumnProposal };

export interface SqliteScanOptions {
  /** Maximum non-null values read per column; default 200. */
  sampleSize?: number;
  /** Called after each table with the number of tables read and the total. */
  onProgress?: ProgressListener;
}

export interface SqliteScanResult {
  file: string;
  tables: string[];
  columns: ColumnProposal[];
  /** Tables that could not be read, e.g. virtual tables of a module this build lacks. */
  skippedTables: { table: string; reason: string }[];
}

export const DEFAULT_SAMPLE_SIZE = 200;

/** Maximum characters read from one text value, because the detectors only need its start. */
const MAX_VALUE_CHARS = 4096;

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Scans a plain (unencrypted) SQLite database read-only and proposes a classification for every
 * column of every table. It reads the first `sampleSize` non-null values of each column in storage
 * order, not a random sample.
 */
export function scanSqlite(file: string, options: SqliteScanOptions = {}): SqliteScanResult {
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  if (!Number.isInteger(sampleSize) || sampleSize < 1) {
    throw new RangeError(`sampleSize must be a positive integer, got ${sampleSize}`);
  }

  assertPlainSqlite(file);
  const db = openReadOnly(file);

  try {
    // 1. Read the schema and the samples of every table.
    const tableNames = listTables(db, file);
    const tables: TableData[] = [];
    const skippedTables: SqliteScanResult['skippedTables'] = [];
    tableNames.forEach((table, index) => {
      try {
        tables.push(readTable(db, table, sampleSize));
      } catch (error) {
        skippedTables.push({
          table,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      options.onProgress?.(index + 1, tableNames.length);
    });

    // 2. Decide which tables describe people, then propose for every column.
    const personTables = findPersonTables(tables);
    const columns = tables.flatMap((table) => proposeTable(table, personTables));

    return { file, tables: tableNames, columns, skippedTables };
  } finally {
    db.close();
  }
}

/**
 * Converts scan proposals to classification entries of one system: one entry per column, marked
 * as proposed by a scan with the proposal's confidence and reasons.
 */
export function scanToClassificationInputs(
  result: SqliteScanResult,
  systemName: string,
): ClassificationEntryInput[] {
  return result.columns.map((column) =>
    classificationEntryInputSchema.parse({
      system: systemName,
      dataset: column.table,
      field: column.column,
      level: column.level,
      category: column.category,
      personalData: column.personalData,
      description: column.reasons.join('; ').slice(0, 2000),
      source: 'scan',
      proposed: true,
      confidence: column.confidence,
    }),
  );
}

function assertPlainSqlite(file: string): void {
  let header: Buffer;
  try {
    const descriptor = openSync(file, 'r');
    try {
      header = Buffer.alloc(SQLITE_HEADER.length);
      const read = readSync(descriptor, header, 0, header.length, 0);
      header = header.subarray(0, read);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidInputError(
      { file },
      code === 'ENOENT'
        ? 'the database file was not found; check the path'
        : `the database file cannot be read (${code ?? 'unknown error'})`,
    );
  }

  if (header.length === 0) {
    throw new InvalidInputError({ file }, 'the file is empty; expected an SQLite database');
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new InvalidInputError(
      { file },
      'not a plain SQLite database: the file does not start with the SQLite header, so it is ' +
        'encrypted or another format; decrypt or export it to plain SQLite first',
    );
  }
}

function openReadOnly(file: string): Database.Database {
  try {
    return new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new InvalidInputError(
      { file },
      `the database cannot be opened read-only: ${error instanceof Error ? error.message : error}`,
    );
  }
}

function listTables(db: Database.Database, file: string): string[] {
  try {
    const rows = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' " +
          "ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string }[];
    return rows.map((row) => row.name);
  } catch (error) {
    throw new InvalidInputError(
      { file },
      `the database schema cannot be read: ${error instanceof Error ? error.message : error}`,
    );
  }
}

function readTable(db: Database.Database, table: string, sampleSize: number): TableData {
  // The table-valued pragma functions take the table name as a bound parameter.
  const columns = db
    .prepare('SELECT name, type, pk FROM pragma_table_info(?)')
    .all(table) as TableColumn[];
  const foreignKeys = db
    .prepare('SELECT "table", "from" FROM pragma_foreign_key_list(?)')
    .all(table) as ForeignKey[];

  const samples = new Map<string, string[]>();
  const blobColumns = new Set<string>();
  for (const column of columns) {
    const { values, sawBlob } = sampleColumn(db, table, column.name, sampleSize);
    samples.set(column.name, values);
    if (sawBlob) {
      blobColumns.add(column.name);
    }
  }

  return { table, columns, foreignKeys, samples, blobColumns };
}

function sampleColumn(
  db: Database.Database,
  table: string,
  column: string,
  sampleSize: number,
): { values: string[]; sawBlob: boolean } {
  const quotedColumn = quoteIdentifier(column);
  const statement = db
    .prepare(
      `SELECT CASE WHEN typeof(${quotedColumn}) = 'text' THEN substr(${quotedColumn}, 1, ?) ` +
        `ELSE ${quotedColumn} END FROM ${quoteIdentifier(table)} ` +
        `WHERE ${quotedColumn} IS NOT NULL LIMIT ?`,
    )
    .raw(true)
    // Card and account numbers stored as INTEGER exceed 2^53; BigInt keeps every digit.
    .safeIntegers(true);

  const values: string[] = [];
  let sawBlob = false;
  for (const [value] of statement.iterate(MAX_VALUE_CHARS, sampleSize) as Iterable<unknown[]>) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      values.push(String(value));
    } else {
      sawBlob = true;
    }
  }
  return { values, sawBlob };
}
