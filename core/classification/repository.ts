import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

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

/**
 * Conditions of the list filters. A query joins only the conditions of the filters it sets into
 * its SQL, so SQLite can use the indexes for them. Every value is bound as a parameter.
 */
const FILTER_CONDITIONS = {
  level: 'e.level = @level',
  system: 's.name = @system',
  systemId: 's.id = @systemId',
  datasetId: 'e.dataset_id = @datasetId',
  category: 'e.category = @category',
  owner: 'e.owner = @owner',
  personalData: 'e.personal_data = @personalData',
  proposed: 'e.proposed = @proposed',
  dataSubject: 'EXISTS (SELECT 1 FROM json_each(e.data_subjects) WHERE value = @dataSubject)',
  finding: findingFilterSql(),
  search: `(s.name LIKE @search ESCAPE '\\' OR d.name LIKE @search ESCAPE '\\'
    OR e.field LIKE @search ESCAPE '\\' OR e.description LIKE @search ESCAPE '\\'
    OR e.owner LIKE @search ESCAPE '\\' OR e.purpose LIKE @search ESCAPE '\\')`,
} as const;
type FilterKey = keyof typeof FILTER_CONDITIONS;

/** Filters that select a few datasets, through the indexes on names and dataset ids. */
const NARROW_FILTERS: ReadonlySet<FilterKey> = new Set(['system', 'systemId', 'datasetId']);
/** Filters on indexed columns with few distinct values. */
const WIDE_INDEXED_FILTERS: ReadonlySet<FilterKey> = new Set(['level', 'personalData']);

/** The statements of one combination of filters. */
interface FilteredStatements {
  count: Statement;
  sorted: SortedStatements;
}

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
  private readonly filtered = new Map<string, FilteredStatements>();
  private readonly allStatement;
  private readonly byLevel;

  constructor(private readonly db: Database) {
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
    this.allStatement = db.prepare(`SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} ORDER BY e.id`);
    this.byLevel = db.prepare(
      'SELECT level, count(*) AS count FROM classification_entries GROUP BY level',
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
    const values: Record<FilterKey, unknown> = {
      level: parsed.level,
      system: parsed.system,
      systemId: parsed.systemId,
      datasetId: parsed.datasetId,
      category: parsed.category,
      owner: parsed.owner,
      personalData: parsed.personalData === undefined ? undefined : Number(parsed.personalData),
      proposed: parsed.proposed === undefined ? undefined : Number(parsed.proposed),
      dataSubject: parsed.dataSubject,
      finding: parsed.finding,
      search: likePattern(parsed.search) ?? undefined,
    };
    const active = (Object.keys(values) as FilterKey[]).filter((key) => values[key] !== undefined);
    const filter: Record<string, unknown> = Object.fromEntries(
      active.map((key) => [key, values[key]]),
    );
    if (parsed.finding !== undefined) {
      filter.today = parsed.today ?? todayIn();
    }

    const statements = this.statementsFor(active);
    const statement = statements.sorted.get(parsed.sortBy, parsed.sortDirection);
    const rows = statement.all({ ...filter, limit: parsed.limit, offset: parsed.offset });
    return {
      rows: (rows as EntryRow[]).map(toEntry),
      total: statements.count.get(filter) as number,
      offset: parsed.offset,
      limit: parsed.limit,
    };
  }

  /** Prepares, once per combination of filters, the count and the sorted page statements. */
  private statementsFor(active: readonly FilterKey[]): FilteredStatements {
    const key = active.join(',');
    const cached = this.filtered.get(key);
    if (cached !== undefined) {
      return cached;
    }

    // With a system or dataset filter, the unary + keeps SQLite from driving the query by the
    // level or personal data index, which match a fifth or half of the map, instead of the
    // system's few datasets.
    const narrow = active.some((filter) => NARROW_FILTERS.has(filter));
    const conditions = active.map((filter) =>
      narrow && WIDE_INDEXED_FILTERS.has(filter)
        ? `+${FILTER_CONDITIONS[filter]}`
        : FILTER_CONDITIONS[filter],
    );
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join('\n    AND ')}`;
    const statements: FilteredStatements = {
      // Every entry has a dataset and a system, so without filters the table's own count is exact.
      count:
        conditions.length === 0
          ? this.db.prepare('SELECT count(*) FROM classification_entries').pluck()
          : this.db.prepare(`SELECT count(*) ${ENTRY_FROM} ${where}`).pluck(),
      sorted: new SortedStatements(
        this.db,
        `SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} ${where}`,
        SORT_COLUMNS,
        'system',
        'e.id',
      ),
    };
    this.filtered.set(key, statements);
    return statements;
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
