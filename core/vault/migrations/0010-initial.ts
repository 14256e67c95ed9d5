import type { Migration } from './types.js';

/** The first schema: the records of every domain and the hash-chained audit trail. */
export const initialSchema: Migration = {
  version: 10,
  name: 'initial',
  up: `
    CREATE TABLE vault_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE classification_entries (
      id INTEGER PRIMARY KEY,
      system TEXT NOT NULL,
      dataset TEXT NOT NULL,
      field TEXT NOT NULL,
      level TEXT NOT NULL
        CHECK (level IN ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SENSITIVE', 'TOP_SECRET')),
      category TEXT,
      personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data IN (0, 1)),
      description TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      retention TEXT,
      legal_basis TEXT,
      source TEXT NOT NULL CHECK (source IN ('manual', 'import', 'scan')),
      proposed INTEGER NOT NULL DEFAULT 0 CHECK (proposed IN (0, 1)),
      confidence REAL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (system, dataset, field)
    ) STRICT;
    CREATE INDEX classification_entries_level ON classification_entries (level);
    CREATE INDEX classification_entries_personal ON classification_entries (personal_data);

    CREATE TABLE privacy_requests (
      id INTEGER PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('access', 'rectification', 'erasure', 'restriction',
        'portability', 'objection', 'automated_decision')),
      received_on TEXT NOT NULL,
      due_on TEXT NOT NULL,
      subject_ref TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'completed', 'rejected')),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX privacy_requests_due ON privacy_requests (status, due_on);

    CREATE TABLE incidents (
      id INTEGER PRIMARY KEY,
      external_ref TEXT UNIQUE,
      title TEXT NOT NULL,
      summary TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL DEFAULT 'unknown',
      severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
      status TEXT NOT NULL CHECK (status IN ('detected', 'analysis', 'containment', 'eradication',
        'recovery', 'closed')),
      occurred_on TEXT,
      discovered_at TEXT,
      contained_at TEXT,
      personal_data TEXT NOT NULL CHECK (personal_data IN ('yes', 'potentially', 'no', 'unknown')),
      data_varieties TEXT NOT NULL DEFAULT '[]',
      records_affected INTEGER,
      source TEXT NOT NULL CHECK (source IN ('manual', 'veris')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX incidents_open ON incidents (status, severity);

    CREATE TABLE security_findings (
      id INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      tool TEXT NOT NULL,
      rule_id TEXT NOT NULL,
      title TEXT NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
      location TEXT NOT NULL DEFAULT '',
      target TEXT NOT NULL DEFAULT '',
      score REAL,
      fingerprint TEXT NOT NULL UNIQUE,
      help_uri TEXT,
      status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
      first_seen_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX security_findings_open ON security_findings (status, severity);

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity_type TEXT NOT NULL,
      entity_id TEXT,
      before_json TEXT,
      after_json TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
  `,
};
