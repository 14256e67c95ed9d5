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
import { todayIn } from '../privacy/deadline.js';
import { findingFilterSql } from './policy-rules.js';

export interface EntryRow {
  id: number;
  system_id: number;
  system: string;
  dataset_id: number;
  dataset: string;
  field: string;
  level: string;
  category: string | null;
  personal_data: number;
  description: string;
  owner: string;
  steward: string;
  purpose: string;
  legal_basis: string | null;
  special_category_condition: string | null;
  data_subjects: string;
  retention: string | null;
  retention_trigger: string | null;
  recipients: string;
  transfers: string;
  transfer_safeguard: string | null;
  encryption_required: number;
  encryption_in_place: number;
  masking_required: number;
  masking_in_place: number;
  next_review_on: string | null;
  source: string;
  proposed: number;
  confidence: number | null;
  created_at: string;
  updated_at: string;
}

/**
 * Entries joined to their dataset, system and level. Every entry query selects from here, so the
 * system and dataset names always come with the entry.
 */
export const ENTRY_FROM = `
  FROM classification_entries e
    JOIN datasets d ON d.id = e.dataset_id
    JOIN data_systems s ON s.id = d.system_id
    LEFT JOIN classification_levels lvl ON lvl.name = e.level`;

export const ENTRY_COLUMNS = `e.*, d.name AS dataset, s.id AS system_id, s.name AS system`;

const FILTER = `${ENTRY_FROM}
  WHERE (@level IS NULL OR e.level = @level)
    AND (@system IS NULL OR s.name = @system)
    AND (@systemId IS NULL OR s.id = @systemId)
    AND (@datasetId IS NULL OR e.dataset_id = @datasetId)
    AND (@category IS NULL OR e.category = @category)
    AND (@owner IS NULL OR e.owner = @owner)
    AND (@personalData IS NULL OR e.personal_data = @personalData)
    AND (@proposed IS NULL OR e.proposed = @proposed)
    AND (@dataSubject IS NULL
      OR EXISTS (SELECT 1 FROM json_each(e.data_subjects) WHERE value = @dataSubject))
    AND ${findingFilterSql()}
    AND (@search IS NULL OR s.name LIKE @search ESCAPE '\\' OR d.name LIKE @search ESCAPE '\\'
      OR e.field LIKE @search ESCAPE '\\' OR e.description LIKE @search ESCAPE '\\'
      OR e.owner LIKE @search ESCAPE '\\' OR e.purpose LIKE @search ESCAPE '\\')`;

const SORT_COLUMNS = {
  system: 's.name',
  dataset: 'd.name',
  field: 'e.field',
  level: 'lvl.rank',
  owner: 'e.owner',
  updatedAt: 'e.updated_at',
  nextReviewOn: 'e.next_review_on',
} as const;

const WRITE_COLUMNS = [
  'dataset_id',
  'field',
  'level',
  'category',
  'personal_data',
  'description',
  'owner',
  'steward',
  'purpose',
  'legal_basis',
  'special_category_condition',
  'data_subjects',
  'retention',
  'retention_trigger',
  'recipients',
  'transfers',
  'transfer_safeguard',
  'encryption_required',
  'encryption_in_place',
  'masking_required',
  'masking_in_place',
  'next_review_on',
  'source',
  'proposed',
  'confidence',
] as const;

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
      `INSERT INTO classification_entries (${WRITE_COLUMNS.join(', ')}, created_at, updated_at)
       VALUES (${WRITE_COLUMNS.map((column) => `@${column}`).join(', ')}, @now, @now)`,
    );
    this.updateStatement = db.prepare(
      `UPDATE classification_entries
       SET ${WRITE_COLUMNS.map((column) => `${column} = @${column}`).join(', ')}, updated_at = @now
       WHERE id = @id`,
    );
    this.deleteStatement = db.prepare('DELETE FROM classification_entries WHERE id = ?');
    this.byId = db.prepare(`SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} WHERE e.id = ?`);
    this.byKey = db.prepare(
      `SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} WHERE s.name = ? AND d.name = ? AND e.field = ?`,
    );
    this.countStatement = db.prepare(`SELECT count(*) ${FILTER}`).pluck();
    this.allStatement = db.prepare(`SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} ORDER BY e.id`);
    this.byLevel = db.prepare(
      'SELECT level, count(*) AS count FROM classification_entries GROUP BY level',
    );
    this.sorted = new SortedStatements(
      db,
      `SELECT ${ENTRY_COLUMNS} ${FILTER}`,
      SORT_COLUMNS,
      'system',
      'e.id',
    );
  }

  insert(datasetId: number, draft: ClassificationEntryDraft, now: string): number {
    const params = { ...toParams(datasetId, draft), now };
    return Number(this.insertStatement.run(params).lastInsertRowid);
  }

  update(id: number, datasetId: number, draft: ClassificationEntryDraft, now: string): void {
    this.updateStatement.run({ ...toParams(datasetId, draft), id, now });
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
      systemId: parsed.systemId ?? null,
      datasetId: parsed.datasetId ?? null,
      category: parsed.category ?? null,
      owner: parsed.owner ?? null,
      personalData: parsed.personalData === undefined ? null : Number(parsed.personalData),
      proposed: parsed.proposed === undefined ? null : Number(parsed.proposed),
      dataSubject: parsed.dataSubject ?? null,
      finding: parsed.finding ?? null,
      today: parsed.today ?? todayIn(),
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

  /** Entries per level name; a custom scale's names appear under their own keys. */
  countByLevel(): Partial<Record<ClassificationLevel, number>> & Record<string, number> {
    const counts: Record<string, number> = {};
    for (const row of this.byLevel.all() as { level: string; count: number }[]) {
      counts[row.level] = row.count;
    }
    return counts;
  }
}

function toParams(datasetId: number, draft: ClassificationEntryDraft) {
  return {
    dataset_id: datasetId,
    field: draft.field,
    level: draft.level,
    category: draft.category,
    personal_data: draft.personalData ? 1 : 0,
    description: draft.description,
    owner: draft.owner,
    steward: draft.steward,
    purpose: draft.purpose,
    legal_basis: draft.legalBasis,
    special_category_condition: draft.specialCategoryCondition,
    data_subjects: JSON.stringify(draft.dataSubjects),
    retention: draft.retention,
    retention_trigger: draft.retentionTrigger,
    recipients: JSON.stringify(draft.recipients),
    transfers: JSON.stringify(draft.transfers),
    transfer_safeguard: draft.transferSafeguard,
    encryption_required: draft.encryptionRequired ? 1 : 0,
    encryption_in_place: draft.encryptionInPlace ? 1 : 0,
    masking_required: draft.maskingRequired ? 1 : 0,
    masking_in_place: draft.maskingInPlace ? 1 : 0,
    next_review_on: draft.nextReviewOn,
    source: draft.source,
    proposed: draft.proposed ? 1 : 0,
    confidence: draft.confidence,
  };
}

type Entry = ClassificationEntry;

export function toEntry(row: EntryRow): ClassificationEntry {
  return {
    id: row.id,
    systemId: row.system_id,
    datasetId: row.dataset_id,
    system: row.system,
    dataset: row.dataset,
    field: row.field,
    level: row.level,
    category: row.category as Entry['category'],
    personalData: row.personal_data === 1,
    description: row.description,
    owner: row.owner,
    retention: row.retention,
    legalBasis: row.legal_basis as Entry['legalBasis'],
    source: row.source as Entry['source'],
    proposed: row.proposed === 1,
    confidence: row.confidence,
    dataSubjects: JSON.parse(row.data_subjects) as Entry['dataSubjects'],
    purpose: row.purpose,
    specialCategoryCondition: row.special_category_condition as Entry['specialCategoryCondition'],
    retentionTrigger: row.retention_trigger,
    recipients: JSON.parse(row.recipients) as string[],
    transfers: JSON.parse(row.transfers) as string[],
    transferSafeguard: row.transfer_safeguard as Entry['transferSafeguard'],
    steward: row.steward,
    encryptionRequired: row.encryption_required === 1,
    encryptionInPlace: row.encryption_in_place === 1,
    maskingRequired: row.masking_required === 1,
    maskingInPlace: row.masking_in_place === 1,
    nextReviewOn: row.next_review_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
