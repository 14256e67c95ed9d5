import type { Migration } from './types.js';

const BOOLEAN = (column: string) =>
  `${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`;
const JSON_ARRAY = (column: string) =>
  `${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`;

/**
 * The classification map in depth: systems and datasets as tables of their own, the processing
 * details of each field, a classification scale the organisation can replace, saved import
 * mappings, and discovery scans with their review queue.
 *
 * Entries move to a new table because SQLite cannot drop the fixed CHECK on the level column in
 * place. Every entry keeps its id, so audit entries keep pointing at it. Systems and datasets are
 * created from the distinct names the entries used.
 */
export const classificationMapSchema: Migration = {
  version: 20,
  name: 'classification-map',
  up: `
    -- 1. The classification scale, filled with the default scale.
    CREATE TABLE classification_levels (
      name TEXT PRIMARY KEY,
      rank INTEGER NOT NULL UNIQUE CHECK (rank >= 0),
      label TEXT NOT NULL,
      color TEXT NOT NULL,
      ${BOOLEAN('requires_encryption')}
    ) STRICT;
    INSERT INTO classification_levels (name, rank, label, color, requires_encryption) VALUES
      ('PUBLIC', 0, 'Public', '#2E6B30', 0),
      ('INTERNAL', 1, 'Internal', '#3D5A80', 0),
      ('CONFIDENTIAL', 2, 'Confidential', '#A65300', 0),
      ('SENSITIVE', 3, 'Sensitive', '#C62828', 1),
      ('TOP_SECRET', 4, 'Top secret', '#6A1B9A', 1);

    CREATE TABLE classification_level_aliases (
      alias TEXT PRIMARY KEY,
      level TEXT NOT NULL
        REFERENCES classification_levels (name) DEFERRABLE INITIALLY DEFERRED
    ) STRICT;

    -- 2. Systems and datasets, created from the names the entries use.
    CREATE TABLE data_systems (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      description TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      location TEXT NOT NULL DEFAULT '',
      ${BOOLEAN('dpa_in_place')},
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE datasets (
      id INTEGER PRIMARY KEY,
      system_id INTEGER NOT NULL REFERENCES data_systems (id),
      name TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'table' CHECK (kind IN ('table', 'file', 'bucket', 'other')),
      description TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (system_id, name)
    ) STRICT;

    INSERT INTO data_systems (name, created_at, updated_at)
      SELECT system, min(created_at), max(updated_at)
      FROM classification_entries GROUP BY system ORDER BY system;
    INSERT INTO datasets (system_id, name, created_at, updated_at)
      SELECT s.id, e.dataset, min(e.created_at), max(e.updated_at)
      FROM classification_entries e JOIN data_systems s ON s.name = e.system
      GROUP BY s.id, e.dataset ORDER BY s.id, e.dataset;

    -- 3. Entries with the processing details, the level checked against the scale.
    CREATE TABLE classification_entries_v20 (
      id INTEGER PRIMARY KEY,
      dataset_id INTEGER NOT NULL REFERENCES datasets (id),
      field TEXT NOT NULL,
      level TEXT NOT NULL
        REFERENCES classification_levels (name) DEFERRABLE INITIALLY DEFERRED,
      category TEXT,
      ${BOOLEAN('personal_data')},
      description TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      steward TEXT NOT NULL DEFAULT '',
      purpose TEXT NOT NULL DEFAULT '',
      legal_basis TEXT,
      special_category_condition TEXT,
      ${JSON_ARRAY('data_subjects')},
      retention TEXT,
      retention_trigger TEXT,
      ${JSON_ARRAY('recipients')},
      ${JSON_ARRAY('transfers')},
      transfer_safeguard TEXT CHECK (transfer_safeguard IN
        ('adequacy_decision', 'sccs', 'bcrs', 'derogation', 'none')),
      ${BOOLEAN('encryption_required')},
      ${BOOLEAN('encryption_in_place')},
      ${BOOLEAN('masking_required')},
      ${BOOLEAN('masking_in_place')},
      next_review_on TEXT,
      source TEXT NOT NULL CHECK (source IN ('manual', 'import', 'scan')),
      ${BOOLEAN('proposed')},
      confidence REAL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (dataset_id, field)
    ) STRICT;

    INSERT INTO classification_entries_v20 (id, dataset_id, field, level, category, personal_data,
        description, owner, retention, legal_basis, source, proposed, confidence, created_at,
        updated_at)
      SELECT e.id, d.id, e.field, e.level, e.category, e.personal_data, e.description, e.owner,
        e.retention, e.legal_basis, e.source, e.proposed, e.confidence, e.created_at, e.updated_at
      FROM classification_entries e
        JOIN data_systems s ON s.name = e.system
        JOIN datasets d ON d.system_id = s.id AND d.name = e.dataset;

    DROP TABLE classification_entries;
    ALTER TABLE classification_entries_v20 RENAME TO classification_entries;
    CREATE INDEX classification_entries_level ON classification_entries (level);
    CREATE INDEX classification_entries_personal ON classification_entries (personal_data);
    CREATE INDEX classification_entries_review ON classification_entries (next_review_on)
      WHERE next_review_on IS NOT NULL;

    -- 4. Column mappings saved from an import, reusable by name.
    CREATE TABLE import_mappings (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      mapping TEXT NOT NULL CHECK (json_valid(mapping)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- 5. Discovery scans and the review queue of their proposals. No sampled value is stored:
    --    only counts, reasons and masked examples.
    CREATE TABLE scan_runs (
      id INTEGER PRIMARY KEY,
      source_kind TEXT NOT NULL CHECK (source_kind IN ('sqlite', 'csv', 'xlsx')),
      source_key TEXT NOT NULL,
      file_name TEXT NOT NULL,
      system TEXT NOT NULL,
      scanned_at TEXT NOT NULL,
      actor TEXT NOT NULL,
      datasets INTEGER NOT NULL,
      fields INTEGER NOT NULL,
      personal_fields INTEGER NOT NULL,
      ${JSON_ARRAY('skipped')}
    ) STRICT;
    CREATE INDEX scan_runs_source ON scan_runs (source_key, id);

    CREATE TABLE scan_proposals (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
      dataset TEXT NOT NULL,
      dataset_kind TEXT NOT NULL CHECK (dataset_kind IN ('table', 'file', 'bucket', 'other')),
      field TEXT NOT NULL,
      declared_type TEXT NOT NULL DEFAULT '',
      ${BOOLEAN('personal_data')},
      category TEXT,
      level TEXT NOT NULL,
      confidence REAL NOT NULL,
      ${JSON_ARRAY('reasons')},
      sampled INTEGER NOT NULL DEFAULT 0,
      matched INTEGER NOT NULL DEFAULT 0,
      ${JSON_ARRAY('masked_examples')},
      change TEXT NOT NULL CHECK (change IN ('new', 'changed', 'unchanged')),
      status TEXT NOT NULL
        CHECK (status IN ('pending', 'accepted', 'rejected', 'superseded', 'unchanged')),
      decided_at TEXT,
      decided_by TEXT,
      entry_id INTEGER REFERENCES classification_entries (id) ON DELETE SET NULL,
      UNIQUE (run_id, dataset, field)
    ) STRICT;
    CREATE INDEX scan_proposals_status ON scan_proposals (status, run_id);

    -- 6. History queries read one entity's audit entries up to a date.
    CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);
  `,
};
