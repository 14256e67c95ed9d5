import type { Database } from 'better-sqlite3-multiple-ciphers';

import { incidentQuerySchema, type IncidentQuery } from '../../shared/domain/incident-query.js';
import type { Incident, IncidentDraft, IncidentSeverity } from '../../shared/domain/incidents.js';
import type { Page } from '../../shared/domain/query.js';
import { SortedStatements, likePattern } from '../db/list-statement.js';

interface IncidentRow {
  id: number;
  external_ref: string | null;
  title: string;
  summary: string;
  category: string;
  severity: string;
  status: string;
  occurred_on: string | null;
  discovered_at: string | null;
  contained_at: string | null;
  personal_data: string;
  data_varieties: string;
  records_affected: number | null;
  source: string;
  created_at: string;
  updated_at: string;
}

const FILTER = `
  FROM incidents
  WHERE (@severity IS NULL OR severity = @severity)
    AND (@status IS NULL OR status = @status)
    AND (@open IS NULL OR (status <> 'closed') = @open)
    AND (@search IS NULL OR title LIKE @search ESCAPE '\\' OR summary LIKE @search ESCAPE '\\'
      OR external_ref LIKE @search ESCAPE '\\' OR category LIKE @search ESCAPE '\\')`;

const SEVERITY_RANK = `CASE severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2
  ELSE 3 END`;

const SORT_COLUMNS = {
  severity: SEVERITY_RANK,
  status: 'status',
  occurredOn: 'occurred_on',
  title: 'title',
  createdAt: 'created_at',
} as const;

export class IncidentRepository {
  private readonly insertStatement;
  private readonly updateStatement;
  private readonly byId;
  private readonly byRef;
  private readonly countStatement;
  private readonly allStatement;
  private readonly openBySeverity;
  private readonly sorted;

  constructor(db: Database) {
    const columns = `external_ref = @externalRef, title = @title, summary = @summary,
      category = @category, severity = @severity, status = @status, occurred_on = @occurredOn,
      discovered_at = @discoveredAt, contained_at = @containedAt, personal_data = @personalData,
      data_varieties = @dataVarieties, records_affected = @recordsAffected, source = @source`;
    this.insertStatement = db.prepare(
      `INSERT INTO incidents (external_ref, title, summary, category, severity, status,
         occurred_on, discovered_at, contained_at, personal_data, data_varieties,
         records_affected, source, created_at, updated_at)
       VALUES (@externalRef, @title, @summary, @category, @severity, @status, @occurredOn,
         @discoveredAt, @containedAt, @personalData, @dataVarieties, @recordsAffected, @source,
         @now, @now)`,
    );
    this.updateStatement = db.prepare(
      `UPDATE incidents SET ${columns}, updated_at = @now WHERE id = @id`,
    );
    this.byId = db.prepare('SELECT * FROM incidents WHERE id = ?');
    this.byRef = db.prepare('SELECT * FROM incidents WHERE external_ref = ?');
    this.countStatement = db.prepare(`SELECT count(*) ${FILTER}`).pluck();
    this.allStatement = db.prepare('SELECT * FROM incidents ORDER BY id');
    this.openBySeverity = db.prepare(
      "SELECT severity, count(*) AS count FROM incidents WHERE status <> 'closed' GROUP BY severity",
    );
    this.sorted = new SortedStatements(db, `SELECT * ${FILTER}`, SORT_COLUMNS, 'createdAt');
  }

  insert(draft: IncidentDraft, now: string): number {
    return Number(this.insertStatement.run({ ...toParams(draft), now }).lastInsertRowid);
  }

  update(id: number, draft: IncidentDraft, now: string): void {
    this.updateStatement.run({ ...toParams(draft), id, now });
  }

  get(id: number): Incident | null {
    const row = this.byId.get(id) as IncidentRow | undefined;
    return row === undefined ? null : toIncident(row);
  }

  findByExternalRef(externalRef: string): Incident | null {
    const row = this.byRef.get(externalRef) as IncidentRow | undefined;
    return row === undefined ? null : toIncident(row);
  }

  list(query: IncidentQuery = {}): Page<Incident> {
    const parsed = incidentQuerySchema.parse(query);
    const filter = {
      severity: parsed.severity ?? null,
      status: parsed.status ?? null,
      open: parsed.open === undefined ? null : Number(parsed.open),
      search: likePattern(parsed.search),
    };
    const statement = this.sorted.get(parsed.sortBy, parsed.sortDirection);
    const rows = statement.all({ ...filter, limit: parsed.limit, offset: parsed.offset });
    return {
      rows: (rows as IncidentRow[]).map(toIncident),
      total: this.countStatement.get(filter) as number,
      offset: parsed.offset,
      limit: parsed.limit,
    };
  }

  countOpenBySeverity(): Record<IncidentSeverity, number> {
    const counts: Record<IncidentSeverity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
    for (const row of this.openBySeverity.all() as {
      severity: IncidentSeverity;
      count: number;
    }[]) {
      counts[row.severity] = row.count;
    }
    return counts;
  }

  *iterate(): IterableIterator<Incident> {
    for (const row of this.allStatement.iterate() as IterableIterator<IncidentRow>) {
      yield toIncident(row);
    }
  }
}

function toParams(draft: IncidentDraft) {
  return { ...draft, dataVarieties: JSON.stringify(draft.dataVarieties) };
}

function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    externalRef: row.external_ref,
    title: row.title,
    summary: row.summary,
    category: row.category,
    severity: row.severity as Incident['severity'],
    status: row.status as Incident['status'],
    occurredOn: row.occurred_on,
    discoveredAt: row.discovered_at,
    containedAt: row.contained_at,
    personalData: row.personal_data as Incident['personalData'],
    dataVarieties: JSON.parse(row.data_varieties) as string[],
    recordsAffected: row.records_affected,
    source: row.source as Incident['source'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
