import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';

import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersion } from './index.js';

const EXPECTED_TABLES = [
  'audit_log',
  'classification_entries',
  'classification_level_aliases',
  'classification_levels',
  'data_systems',
  'datasets',
  'import_mappings',
  'incidents',
  'privacy_requests',
  'scan_proposals',
  'scan_runs',
  'security_findings',
  'vault_meta',
];

function tables(db: Database.Database): { name: string; strict: number }[] {
  return db
    .prepare(
      "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; strict: number }[];
}

describe('migrations', () => {
  it('numbers versions in ascending steps of ten', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);

    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const version of versions) expect(version % 10).toBe(0);
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('builds the latest schema with strict tables', () => {
    const db = new Database(':memory:');

    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);

    expect(tables(db).map((table) => table.name)).toEqual(EXPECTED_TABLES);
    for (const table of tables(db))
      expect({ table: table.name, strict: table.strict }).toEqual({ table: table.name, strict: 1 });
    db.close();
  });

  it('runs again without change', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO vault_meta (key, value) VALUES ('k', 'v')").run();

    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT value FROM vault_meta').pluck().get()).toBe('v');
    db.close();
  });

  it('rejects a newer schema untouched', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 20000');

    expect(() => migrate(db)).toThrow(/schema version 20000/);
    expect(schemaVersion(db)).toBe(20000);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('rolls back a failing migration whole', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: 9990,
        name: 'broken',
        up: 'CREATE TABLE half (x TEXT) STRICT; SELECT no_such_function();',
      },
    ];

    expect(() => migrate(db, broken)).toThrow(/no_such_function/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db).map((table) => table.name)).not.toContain('half');
    db.close();
  });

  it('enforces domain values in the tables', () => {
    const db = new Database(':memory:');
    migrate(db);

    expect(() =>
      db
        .prepare(
          `INSERT INTO datasets (system_id, name, kind, created_at, updated_at)
           VALUES (1, 'd', 'folder', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO audit_log (seq, at, actor, action, entity_type, prev_hash, hash) VALUES ('one', 'a', 'b', 'c', 'd', 'e', 'f')",
        )
        .run(),
    ).toThrow(/datatype mismatch/);
    db.close();
  });
});
