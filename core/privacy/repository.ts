import type { Database } from 'better-sqlite3-multiple-ciphers';

import type { PrivacyRequest, PrivacyRequestDraft } from '../../shared/domain/privacy.js';
import { privacyQuerySchema, type PrivacyQuery } from '../../shared/domain/privacy-query.js';
import type { Page } from '../../shared/domain/query.js';
import { SortedStatements, likePattern } from '../db/list-statement.js';
import { addDays, todayIn } from './deadline.js';

interface RequestRow {
  id: number;
  type: string;
  received_on: string;
  due_on: string;
  subject_ref: string;
  status: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const OPEN = "status IN ('received', 'in_progress')";

const FILTER = `
  FROM privacy_requests
  WHERE (@type IS NULL OR type = @type)
    AND (@status IS NULL OR status = @status)
    AND (@dueFrom IS NULL OR (${OPEN} AND due_on >= @dueFrom))
    AND (@dueBefore IS NULL OR (${OPEN} AND due_on < @dueBefore))
    AND (@search IS NULL OR subject_ref LIKE @search ESCAPE '\\' OR notes LIKE @search ESCAPE '\\')`;

const SORT_COLUMNS = {
  receivedOn: 'received_on',
  dueOn: 'due_on',
  type: 'type',
  status: 'status',
} as const;

export class PrivacyRequestRepository {
  private readonly insertStatement;
  private readonly updateStatement;
  private readonly byId;
  private readonly countStatement;
  private readonly allStatement;
  private readonly dueStatement;
  private readonly sorted;

  constructor(db: Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO privacy_requests (type, received_on, due_on, subject_ref, status, notes,
         created_at, updated_at)
       VALUES (@type, @receivedOn, @dueOn, @subjectRef, @status, @notes, @now, @now)`,
    );
    this.updateStatement = db.prepare(
      `UPDATE privacy_requests SET type = @type, received_on = @receivedOn, due_on = @dueOn,
         subject_ref = @subjectRef, status = @status, notes = @notes, updated_at = @now
       WHERE id = @id`,
    );
    this.byId = db.prepare('SELECT * FROM privacy_requests WHERE id = ?');
    this.countStatement = db.prepare(`SELECT count(*) ${FILTER}`).pluck();
    this.allStatement = db.prepare('SELECT * FROM privacy_requests ORDER BY id');
    this.dueStatement = db.prepare(
      `SELECT count(*) FILTER (WHERE due_on < @today) AS overdue,
              count(*) FILTER (WHERE due_on >= @today AND due_on < @weekEnd) AS dueSoon
       FROM privacy_requests WHERE ${OPEN}`,
    );
    this.sorted = new SortedStatements(db, `SELECT * ${FILTER}`, SORT_COLUMNS, 'dueOn');
  }

  insert(draft: PrivacyRequestDraft & { dueOn: string }, now: string): number {
    return Number(this.insertStatement.run({ ...draft, now }).lastInsertRowid);
  }

  update(id: number, draft: PrivacyRequestDraft & { dueOn: string }, now: string): void {
    this.updateStatement.run({ ...draft, id, now });
  }

  get(id: number): PrivacyRequest | null {
    const row = this.byId.get(id) as RequestRow | undefined;
    return row === undefined ? null : toRequest(row);
  }

  list(query: PrivacyQuery = {}): Page<PrivacyRequest> {
    const parsed = privacyQuerySchema.parse(query);
    const today = parsed.asOf ?? todayIn();
    let dueFrom: string | null = null;
    let dueBefore: string | null = null;
    if (parsed.due === 'overdue') {
      dueBefore = today;
    } else if (parsed.due === 'dueSoon') {
      dueFrom = today;
      dueBefore = addDays(today, 7);
    }

    const filter = {
      type: parsed.type ?? null,
      status: parsed.status ?? null,
      dueFrom,
      dueBefore,
      search: likePattern(parsed.search),
    };
    const statement = this.sorted.get(parsed.sortBy, parsed.sortDirection);
    const rows = statement.all({ ...filter, limit: parsed.limit, offset: parsed.offset });
    return {
      rows: (rows as RequestRow[]).map(toRequest),
      total: this.countStatement.get(filter) as number,
      offset: parsed.offset,
      limit: parsed.limit,
    };
  }

  /** Counts open requests past due, and due within the 7 days from `today`. */
  dueCounts(today: string): { overdue: number; dueSoon: number } {
    return this.dueStatement.get({ today, weekEnd: addDays(today, 7) }) as {
      overdue: number;
      dueSoon: number;
    };
  }

  *iterate(): IterableIterator<PrivacyRequest> {
    for (const row of this.allStatement.iterate() as IterableIterator<RequestRow>) {
      yield toRequest(row);
    }
  }
}

function toRequest(row: RequestRow): PrivacyRequest {
  return {
    id: row.id,
    type: row.type as PrivacyRequest['type'],
    receivedOn: row.received_on,
    dueOn: row.due_on,
    subjectRef: row.subject_ref,
    status: row.status as PrivacyRequest['status'],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
