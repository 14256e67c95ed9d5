import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  CHINOOK,
  CHINOOK_NOT_PERSONAL,
  CHINOOK_PERSONAL_COLUMNS,
} from '../../test/helpers/chinook.js';
import { catchInvalidInput } from '../../test/helpers/invalid-input.js';
import { scanSqlite, scanToClassificationInputs, type SqliteScanResult } from './sqlite-scan.js';

function byKey(result: SqliteScanResult) {
  return new Map(result.columns.map((column) => [`${column.table}.${column.column}`, column]));
}

describe('scanSqlite on Chinook', () => {
  const result = scanSqlite(CHINOOK);
  const columns = byKey(result);

  it('lists every table', () => {
    expect(result.tables).toEqual([
      'Album',
      'Artist',
      'Customer',
      'Employee',
      'Genre',
      'Invoice',
      'InvoiceLine',
      'MediaType',
      'Playlist',
      'PlaylistTrack',
      'Track',
    ]);
    expect(result.skippedTables).toEqual([]);
  });

  it.each(Object.entries(CHINOOK_PERSONAL_COLUMNS))('flags %s as %s', (key, category) => {
    const column = columns.get(key);

    expect(column?.personalData).toBe(true);
    expect(column?.category).toBe(category);
    expect(column?.level).toBe('CONFIDENTIAL');
  });

  it.each(CHINOOK_NOT_PERSONAL)('does not flag %s', (key) => {
    const column = columns.get(key);

    expect(column?.personalData).toBe(false);
    expect(column?.category).toBeNull();
    expect(column?.level).toBe('INTERNAL');
  });

  it('flags exactly the expected columns', () => {
    const flagged = result.columns
      .filter((column) => column.personalData)
      .map((column) => `${column.table}.${column.column}`)
      .sort();

    expect(flagged).toEqual(Object.keys(CHINOOK_PERSONAL_COLUMNS).sort());
  });

  it('reports samples and masked examples', () => {
    const email = columns.get('Customer.Email');

    expect(email?.declaredType).toBe('NVARCHAR(60)');
    expect(email?.sampled).toBe(59);
    expect(email?.matched).toBe(59);
    expect(email?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(email?.maskedExamples).toEqual(['l****@e****.br', 'l****@s****.de', 'f****@g****.com']);
    expect(columns.get('Employee.BirthDate')?.maskedExamples[0]).toBe('196*-**-**');
    expect(columns.get('Customer.Phone')?.maskedExamples[0]).toBe('+55 *** *** 55');
  });

  it('returns no sampled value unmasked', () => {
    const text = JSON.stringify(result);

    for (const value of [
      'luisg@embraer.com.br',
      'Gonçalves',
      '+55 (12) 3923-5555',
      '1962-02-18',
      'Theodor-Heuss',
    ]) {
      expect(text).not.toContain(value);
    }
  });

  it('caps samples at sampleSize', () => {
    const small = byKey(scanSqlite(CHINOOK, { sampleSize: 5 }));

    expect(small.get('Track.Name')?.sampled).toBe(5);
    expect(small.get('Customer.Email')?.category).toBe('email');
  });

  it('reports progress per table', () => {
    const calls: [number, number][] = [];
    scanSqlite(CHINOOK, { sampleSize: 1, onProgress: (done, total) => calls.push([done, total]) });

    expect(calls).toHaveLength(11);
    expect(calls[0]).toEqual([1, 11]);
    expect(calls[10]).toEqual([11, 11]);
  });

  it('converts proposals to entries', () => {
    const entries = scanToClassificationInputs(result, 'Chinook store');
    const email = entries.find((entry) => entry.dataset === 'Customer' && entry.field === 'Email');

    expect(entries).toHaveLength(result.columns.length);
    expect(email).toMatchObject({
      system: 'Chinook store',
      level: 'CONFIDENTIAL',
      category: 'email',
      personalData: true,
      source: 'scan',
      proposed: true,
    });
    expect(email?.confidence).toBeGreaterThan(0.9);
    expect(email?.description).toContain('sampled values are e-mail addresses');
  });
});

describe('scanSqlite on hostile and sensitive data', () => {
  let directory: string;
  let file: string;
  let result: SqliteScanResult;
  let hashBefore: string;

  const HOSTILE_TABLE = 'people"; DROP TABLE audit; --';
  const HOSTILE_COLUMN = 'e"mail';

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'synapse-scan-'));
    file = join(directory, 'app.sqlite');
    const db = new Database(file);
    db.exec(`
      CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT);
      CREATE TABLE "people""; DROP TABLE audit; --" ("e""mail" TEXT, "card number" INTEGER, iban TEXT,
        ssn TEXT, password TEXT, pw_hash TEXT, last_login_ip TEXT, notes TEXT, avatar BLOB);
      CREATE TABLE settings (key TEXT, value TEXT);
    `);
    const insert = db.prepare(
      `INSERT INTO "people""; DROP TABLE audit; --" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rows: unknown[][] = [
      [
        'ann@example.org',
        4111111111111111n,
        'DE89 3704 0044 0532 0130 00',
        '123-45-6789',
        'hunter2',
        '$2b$12$KIXQJ1ZkPq1yQ9Zk1y6l8eJ0o7m7b8q9r0s1t2u3v4w5x6y7z8A9B',
        '192.168.1.20',
        'Call back on +44 20 7946 0958 about the refund request',
        Buffer.from([1, 2, 3]),
      ],
      [
        'bob@example.net',
        5500000000000004n,
        'GB82WEST12345698765432',
        '078-05-1120',
        'correct horse',
        '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
        '10.0.0.7',
        'Prefers e-mail, write to bob.other@example.net for invoices',
        Buffer.from([4]),
      ],
    ];
    for (const row of rows) {
      insert.run(...row);
    }
    db.prepare('INSERT INTO settings VALUES (?, ?)').run('theme', 'dark');
    db.close();

    hashBefore = createHash('sha256').update(readFileSync(file)).digest('hex');
    result = scanSqlite(file);
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads hostile table and column names', () => {
    const columns = byKey(result);

    expect(result.tables).toContain(HOSTILE_TABLE);
    expect(result.tables).toContain('audit');
    expect(columns.get(`${HOSTILE_TABLE}.${HOSTILE_COLUMN}`)).toMatchObject({
      category: 'email',
      sampled: 2,
      matched: 2,
      maskedExamples: ['a****@e****.org', 'b****@e****.net'],
    });
  });

  it.each([
    ['card number', 'payment_card', 'SENSITIVE', ['**** **** **** 1111', '**** **** **** 0004']],
    ['iban', 'bank_account', 'SENSITIVE', ['DE** **** 3000', 'GB** **** 5432']],
    ['ssn', 'national_id', 'SENSITIVE', ['***-**-**89', '***-**-**20']],
    ['password', 'credentials', 'TOP_SECRET', ['********', '********']],
    ['pw_hash', 'credentials', 'SENSITIVE', ['$2b$****', '$argon2id$****']],
    ['last_login_ip', 'online_identifier', 'CONFIDENTIAL', ['192.168.*.*', '10.0.*.*']],
    [
      'notes',
      'free_text',
      'CONFIDENTIAL',
      ['[free text, 54 characters]', '[free text, 59 characters]'],
    ],
  ])('detects column %s as %s', (column, category, level, examples) => {
    const proposal = byKey(result).get(`${HOSTILE_TABLE}.${column}`);

    expect(proposal?.category).toBe(category);
    expect(proposal?.level).toBe(level);
    expect(proposal?.maskedExamples).toEqual(examples);
  });

  it('notes binary values', () => {
    const avatar = byKey(result).get(`${HOSTILE_TABLE}.avatar`);

    expect(avatar?.sampled).toBe(0);
    expect(avatar?.personalData).toBe(false);
    expect(avatar?.reasons).toContain('binary (BLOB) values were not inspected');
  });

  it('leaves settings unflagged', () => {
    const columns = byKey(result);

    expect(columns.get('settings.key')?.personalData).toBe(false);
    expect(columns.get('settings.value')?.personalData).toBe(false);
  });

  it('leaves the database unchanged', () => {
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(hashBefore);
  });

  it('returns no sampled value unmasked', () => {
    const text = JSON.stringify(result);

    for (const value of [
      'ann@example.org',
      '4111111111111111',
      'DE89',
      '123-45-6789',
      'hunter2',
      '$2b$12$KIX',
      '192.168.1.20',
      '7946',
    ]) {
      expect(text).not.toContain(value);
    }
  });
});

describe('scanSqlite bad input', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'synapse-scan-bad-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('rejects a missing file', () => {
    const error = catchInvalidInput(() => scanSqlite(join(directory, 'missing.sqlite')));

    expect(error.message).toMatch(
      /missing\.sqlite: the database file was not found; check the path$/,
    );
  });

  it('rejects an empty file', () => {
    const file = join(directory, 'empty.sqlite');
    writeFileSync(file, '');

    expect(catchInvalidInput(() => scanSqlite(file)).message).toMatch(
      /empty\.sqlite: the file is empty; expected an SQLite database/,
    );
  });

  it('rejects a CSV file', () => {
    const file = join(directory, 'inventory.sqlite');
    writeFileSync(file, 'system,dataset,field\nHR,employees,email\n');

    expect(catchInvalidInput(() => scanSqlite(file)).message).toMatch(
      /inventory\.sqlite: not a plain SQLite database: the file does not start with the SQLite header/,
    );
  });

  it('rejects an encrypted database', () => {
    const file = join(directory, 'vault.sqlite');
    const db = new Database(file);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma(`legacy=4`);
    db.pragma(`key='correct horse battery staple'`);
    db.exec('CREATE TABLE secrets (value TEXT)');
    db.close();

    expect(catchInvalidInput(() => scanSqlite(file)).message).toMatch(
      /so it is encrypted or another format/,
    );
  });

  it('rejects a zero sample size', () => {
    expect(() => scanSqlite(CHINOOK, { sampleSize: 0 })).toThrow(RangeError);
  });
});
