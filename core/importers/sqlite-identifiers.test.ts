import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';

import { quoteIdentifier } from './sqlite-identifiers.js';

const HOSTILE_NAMES = [
  'plain',
  'with space',
  'double"quote',
  '""',
  '"; DROP TABLE victims; --',
  "single'quote",
  'back`tick',
  '[bracket]',
  'semi;colon',
  'line\nbreak',
  'ünïcödé 名前',
  'select',
];

describe('quoteIdentifier', () => {
  it('doubles embedded double quotes', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(quoteIdentifier('"; DROP TABLE x; --')).toBe('"""; DROP TABLE x; --"');
  });

  it('rejects a NUL character', () => {
    expect(() => quoteIdentifier('a\u0000b')).toThrow(/cannot contain a NUL character/);
  });

  it.each(HOSTILE_NAMES)('round-trips %j through SQLite', (name) => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE victims (id INTEGER)');

    db.exec(`CREATE TABLE ${quoteIdentifier(name)} (${quoteIdentifier(name)} TEXT)`);
    db.prepare(`INSERT INTO ${quoteIdentifier(name)} VALUES (?)`).run('value');

    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name);
    const value = db
      .prepare(`SELECT ${quoteIdentifier(name)} FROM ${quoteIdentifier(name)}`)
      .pluck()
      .get();
    expect(tables).toContain(name);
    expect(tables).toContain('victims');
    expect(columns).toEqual([name]);
    expect(value).toBe('value');
    db.close();
  });
});
