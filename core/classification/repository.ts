import type { Database } from 'better-sqlite3-multiple-ciphers';

import type {
  ClassificationEntry,
  ClassificationEntryDraft,
  ClassificationLevel,
} from '../../shared/domain/classification.js';
import {
  classificationQuerySchema,
  type ClassificationQuery,
} from '../../shared/domain/classification-query.js';
import type { Page } from '../../shared/domain/query.js';
import { SortedStatements, likePattern } from '../db/list-statement.js';

interface EntryRow {
  id: number;
  system: string;
  dataset: string;
  field: string;
  level: string;
  category: string | null;
  personal_data: number;
  description: string;
  owner: string;
  retention: string | null;
  legal_basis: string | null;
  source: string;
  proposed: number;
  confidence: number | null;
  created_at: string;
  updated_at: string;
}

const FILTER = `
  FROM classification_entries
  WHERE (@level IS NULL OR level = @level)
    AND (@system IS NULL OR system = @system)
    AND (@personalData IS NULL OR personal_data = @personalData)
    AND (@proposed IS NULL OR proposed = @proposed)
    AND (@search IS NULL OR system LIKE @search ESCAPE '\\' OR dataset LIKE @search ESCAPE '\\'
      OR field LIKE @search ESCAPE '\\' OR description LIKE @search ESCAPE '\\'
      OR owner LIKE @search ESCAPE '\\')`;

const SORT_COLUMNS = {
  system: 'system',
  dataset: 'dataset',
  field: 'field',
  level: `CASE level WHEN 'PUBLIC' THEN 0 WHEN 'INTERNAL' THEN 1 WHEN 'CONFIDENTIAL' THEN 2
    WHEN 'SENSITIVE' THEN 3 ELSE 4 END`,
  owner: 'owner',
  updatedAt: 'updated_at',
} as const;

/** SQL for classification entries; all statements are prepared once per vault handle. */
export class ClassificationRepository {
  private readonly insertStatement;
  private readonly updateStatement;
  private readonly deleteStatement;
  private readonly byId;
  private readonly byKey;
  private readonly countStatement;
  private readonly allStatement;
  private readonly byLevel;
  private readonly sorted;

  constructor(db: Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO classification_entries (system, dataset, field, level, category, personal_data,
         description, owner, retention, legal_basis, source, proposed, confidence, created_at,
         updated_at)
       VALUES (@system, @dataset, @field, @level, @category, @personal_data, @description, @owner,
         @retention, @legal_basis, @source, @proposed, @confidence, @now, @now)`,
    );
    this.updateStatement = db.prepare(
      `UPDATE classification_entries SET system = @system, dataset = @dataset, field = @field,
         level = @level, category = @category, personal_data = @personal_data,
         description = @description, owner = @owner, retention = @retention,
         legal_basis = @legal_basis, source = @source, proposed = @proposed,
         confidence = @confidence, updated_at = @now
       WHERE id = @id`,
    );
    this.deleteStatement = db.prepare('DELETE FROM classification_entries WHERE id = ?');
    this.byId = db.prepare('SELECT * FROM classification_entries WHERE id = ?');
    this.byKey = db.prepare(
      'SELECT * FROM classification_entries WHERE system = ? AND dataset = ? AND field = ?',
    );
    this.countStatement = db.prepare(`SELECT count(*) ${FILTER}`).pluck();
    this.allStatement = db.prepare('SELECT * FROM classification_entries ORDER BY id');
    this.byLevel = db.prepare(
      'SELECT level, count(*) AS count FROM classification_entries GROUP BY level',
    );
    this.sorted = new SortedStatements(db, `SELECT * ${FILTER}`, SORT_COLUMNS, 'system');
  }

  insert(draft: ClassificationEntryDraft, now: string): number {
    return Number(this.insertStatement.run({ ...toParams(draft), now }).lastInsertRowid);
  }

  update(id: number, draft: ClassificationEntryDraft, now: string): void {
    this.updateStatement.run({ ...toParams(draft), id, now });
  }

  delete(id: number): void {
    this.deleteStatement.run(id);
  }

  get(id: number): ClassificationEntry | null {
    const row = this.byId.get(id) as EntryRow | undefined;
    return row === undefined ? null : toEntry(row);
  }

  findByKey(system: string, dataset: string, field: string): ClassificationEntry | null {
    const row = this.byKey.get(system, dataset, field) as EntryRow | undefined;
    return row === undefined ? null : toEntry(row);
  }

  list(query: ClassificationQuery = {}): Page<ClassificationEntry> {
    const parsed = classificationQuerySchema.parse(query);
    const filter = {
      level: parsed.level ?? null,
      system: parsed.system ?? null,
      personalData: parsed.personalData === undefined ? null : Number(parsed.personalData),
      proposed: parsed.proposed === undefined ? null : Number(parsed.proposed),
      search: likePattern(parsed.search),
    };
    const statement = this.sorted.get(parsed.sortBy, parsed.sortDirection);
    const rows = statement.all({ ...filter, limit: parsed.limit, offset: parsed.offset });
    return {
      rows: (rows as EntryRow[]).map(toEntry),
      total: this.countStatement.get(filter) as number,
      offset: parsed.offset,
      limit: parsed.limit,
    };
  }

  *iterate(): IterableIterator<ClassificationEntry> {
    for (const row of this.allStatement.iterate() as IterableIterator<EntryRow>) {
      yield toEntry(row);
    }
  }

  countByLevel(): Partial<Record<ClassificationLevel, number>> {
    const counts: Partial<Record<ClassificationLevel, number>> = {};
    for (const row of this.byLevel.all() as { level: ClassificationLevel; count: number }[]) {
      counts[row.level] = row.count;
    }
    return counts;
  }
}

function toParams(draft: ClassificationEntryDraft) {
  return {
    system: draft.system,
    dataset: draft.dataset,
    field: draft.field,
    level: draft.level,
    category: draft.category,
    personal_data: draft.personalData ? 1 : 0,
    description: draft.description,
    owner: draft.owner,
    retention: draft.retention,
    legal_basis: draft.legalBasis,
    source: draft.source,
    proposed: draft.proposed ? 1 : 0,
    confidence: draft.confidence,
  };
}

function toEntry(row: EntryRow): ClassificationEntry {
  return {
    id: row.id,
    system: row.system,
    dataset: row.dataset,
    field: row.field,
    level: row.level as ClassificationEntry['level'],
    category: row.category as ClassificationEntry['category'],
    personalData: row.personal_data === 1,
    description: row.description,
    owner: row.owner,
    retention: row.retention,
    legalBasis: row.legal_basis as ClassificationEntry['legalBasis'],
    source: row.source as ClassificationEntry['source'],
    proposed: row.proposed === 1,
    confidence: row.confidence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
