import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { configureConnection } from '../database.js';
import { initialSchema } from './0010-initial.js';
import { migrate, schemaVersion } from './index.js';

const INSERT_0010 = `
  INSERT INTO classification_entries (id, system, dataset, field, level, category, personal_data,
    description, owner, retention, legal_basis, source, proposed, confidence, created_at,
    updated_at)
  VALUES (@id, @system, @dataset, @field, @level, @category, @personal_data, @description, @owner,
    @retention, @legal_basis, @source, @proposed, @confidence, @created_at, @updated_at)`;

const ROWS_0010 = [
  {
    id: 7,
    system: 'CRM',
    dataset: 'contacts',
    field: 'email',
    level: 'CONFIDENTIAL',
    category: 'email',
    personal_data: 1,
    description: 'Primary address',
    owner: 'Sales',
    retention: 'P6Y',
    legal_basis: 'contract',
    source: 'manual',
    proposed: 0,
    confidence: null,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-02-01T00:00:00.000Z',
  },
  {
    id: 8,
    system: 'CRM',
    dataset: 'contacts',
    field: 'notes',
    level: 'SENSITIVE',
    category: 'free_text',
    personal_data: 1,
    description: '',
    owner: '',
    retention: null,
    legal_basis: null,
    source: 'scan',
    proposed: 1,
    confidence: 0.6,
    created_at: '2024-01-02T00:00:00.000Z',
    updated_at: '2024-01-03T00:00:00.000Z',
  },
  {
    id: 12,
    system: 'HR',
    dataset: 'staff',
    field: 'salary',
    level: 'TOP_SECRET',
    category: null,
    personal_data: 0,
    description: 'Gross pay',
    owner: 'HR',
    retention: 'P10Y',
    legal_basis: 'legal_obligation',
    source: 'import',
    proposed: 0,
    confidence: 0.85,
    created_at: '2023-05-05T00:00:00.000Z',
    updated_at: '2023-05-06T00:00:00.000Z',
  },
];

describe('migration 0020 classification map', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(':memory:');
    configureConnection(db);
    migrate(db, [initialSchema]);
    const insert = db.prepare(INSERT_0010);
    for (const row of ROWS_0010) insert.run(row);
    db.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, prev_hash, hash)
       VALUES (1, '2024-01-01T00:00:00.000Z', 'a', 'classification.create', 'classification_entry',
         '7', 'p', 'h')`,
    ).run();
    migrate(db);
  });

  afterEach(() => db.close());

  it('moves to version 20', () => {
    expect(schemaVersion(db)).toBe(20);
  });

  it('keeps every entry with its id and values', () => {
    const rows = db
      .prepare(
        `SELECT e.id, s.name AS system, d.name AS dataset, e.field, e.level, e.category,
           e.personal_data, e.description, e.owner, e.retention, e.legal_basis, e.source,
           e.proposed, e.confidence, e.created_at, e.updated_at
         FROM classification_entries e
           JOIN datasets d ON d.id = e.dataset_id
           JOIN data_systems s ON s.id = d.system_id
         ORDER BY e.id`,
      )
      .all();

    expect(rows).toEqual(ROWS_0010);
  });

  it('creates systems and datasets from names', () => {
    const systems = db.prepare('SELECT name, created_at FROM data_systems ORDER BY name').all();
    const datasets = db
      .prepare(
        `SELECT s.name AS system, d.name AS dataset, d.kind FROM datasets d
           JOIN data_systems s ON s.id = d.system_id ORDER BY s.name, d.name`,
      )
      .all();

    expect(systems).toEqual([
      { name: 'CRM', created_at: '2024-01-01T00:00:00.000Z' },
      { name: 'HR', created_at: '2023-05-05T00:00:00.000Z' },
    ]);
    expect(datasets).toEqual([
      { system: 'CRM', dataset: 'contacts', kind: 'table' },
      { system: 'HR', dataset: 'staff', kind: 'table' },
    ]);
  });

  it('fills new columns with defaults', () => {
    const row = db
      .prepare(
        `SELECT data_subjects, recipients, transfers, purpose, steward, encryption_in_place,
           next_review_on FROM classification_entries WHERE id = 7`,
      )
      .get();

    expect(row).toEqual({
      data_subjects: '[]',
      recipients: '[]',
      transfers: '[]',
      purpose: '',
      steward: '',
      encryption_in_place: 0,
      next_review_on: null,
    });
  });

  it('installs the default scale', () => {
    const levels = db
      .prepare('SELECT name, requires_encryption FROM classification_levels ORDER BY rank')
      .all();

    expect(levels).toEqual([
      { name: 'PUBLIC', requires_encryption: 0 },
      { name: 'INTERNAL', requires_encryption: 0 },
      { name: 'CONFIDENTIAL', requires_encryption: 0 },
      { name: 'SENSITIVE', requires_encryption: 1 },
      { name: 'TOP_SECRET', requires_encryption: 1 },
    ]);
  });

  it('keeps the audit trail untouched', () => {
    expect(db.prepare('SELECT entity_id, hash FROM audit_log').all()).toEqual([
      { entity_id: '7', hash: 'h' },
    ]);
  });

  it('rejects a level off the scale', () => {
    const insert = () =>
      db
        .prepare(
          `INSERT INTO classification_entries (dataset_id, field, level, source, created_at,
             updated_at) VALUES (1, 'x', 'SECRET', 'manual', 'now', 'now')`,
        )
        .run();

    expect(insert).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('rejects a duplicate field in a dataset', () => {
    const insert = () =>
      db
        .prepare(
          `INSERT INTO classification_entries (dataset_id, field, level, source, created_at,
             updated_at) VALUES (1, 'email', 'PUBLIC', 'manual', 'now', 'now')`,
        )
        .run();

    expect(insert).toThrow(/UNIQUE constraint failed/);
  });
});
