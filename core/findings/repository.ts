import type { Database } from 'better-sqlite3-multiple-ciphers';

import { findingQuerySchema, type FindingQuery } from '../../shared/domain/finding-query.js';
import type {
  FindingSeverity,
  SecurityFinding,
  SecurityFindingDraft,
} from '../../shared/domain/findings.js';
import type { Page } from '../../shared/domain/query.js';
import { SortedStatements, likePattern } from '../db/list-statement.js';

interface FindingRow {
  id: number;
  source: string;
  tool: string;
  rule_id: string;
  title: string;
  severity: string;
  location: string;
  target: string;
  score: number | null;
  fingerprint: string;
  help_uri: string | null;
  status: string;
  first_seen_at: string;
  last_seen_at: string;
}

const FILTER = `
  FROM security_findings
  WHERE (@severity IS NULL OR severity = @severity)
    AND (@source IS NULL OR source = @source)
    AND (@status IS NULL OR status = @status)
    AND (@search IS NULL OR title LIKE @search ESCAPE '\\' OR rule_id LIKE @search ESCAPE '\\'
      OR tool LIKE @search ESCAPE '\\' OR location LIKE @search ESCAPE '\\')`;

const SORT_COLUMNS = {
  severity: `CASE severity WHEN 'info' THEN 0 WHEN 'low' THEN 1 WHEN 'medium' THEN 2
    WHEN 'high' THEN 3 ELSE 4 END`,
  tool: 'tool',
  ruleId: 'rule_id',
  lastSeenAt: 'last_seen_at',
} as const;

export class FindingRepository {
  private readonly insertStatement;
  private readonly updateStatement;
  private readonly byId;
  private readonly byFingerprint;
  private readonly countStatement;
  private readonly allStatement;
  private readonly openBySeverity;
  private readonly sorted;

  constructor(db: Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO security_findings (source, tool, rule_id, title, severity, location, target,
         score, fingerprint, help_uri, status, first_seen_at, last_seen_at)
       VALUES (@source, @tool, @ruleId, @title, @severity, @location, @target, @score,
         @fingerprint, @helpUri, @status, @now, @now)`,
    );
    this.updateStatement = db.prepare(
      `UPDATE security_findings SET source = @source, tool = @tool, rule_id = @ruleId,
         title = @title, severity = @severity, location = @location, target = @target,
         score = @score, help_uri = @helpUri, status = @status, last_seen_at = @now
       WHERE id = @id`,
    );
    this.byId = db.prepare('SELECT * FROM security_findings WHERE id = ?');
    this.byFingerprint = db.prepare('SELECT * FROM security_findings WHERE fingerprint = ?');
    this.countStatement = db.prepare(`SELECT count(*) ${FILTER}`).pluck();
    this.allStatement = db.prepare('SELECT * FROM security_findings ORDER BY id');
    this.openBySeverity = db.prepare(
      "SELECT severity, count(*) AS count FROM security_findings WHERE status = 'open' GROUP BY severity",
    );
    this.sorted = new SortedStatements(db, `SELECT * ${FILTER}`, SORT_COLUMNS, 'severity');
  }

  insert(draft: SecurityFindingDraft, now: string): number {
    return Number(this.insertStatement.run({ ...draft, now }).lastInsertRowid);
  }

  update(id: number, draft: SecurityFindingDraft, now: string): void {
    const { fingerprint: _fingerprint, ...changes } = draft;
    this.updateStatement.run({ ...changes, id, now });
  }

  get(id: number): SecurityFinding | null {
    const row = this.byId.get(id) as FindingRow | undefined;
    return row === undefined ? null : toFinding(row);
  }

  findByFingerprint(fingerprint: string): SecurityFinding | null {
    const row = this.byFingerprint.get(fingerprint) as FindingRow | undefined;
    return row === undefined ? null : toFinding(row);
  }

  list(query: FindingQuery = {}): Page<SecurityFinding> {
    const parsed = findingQuerySchema.parse(query);
    const filter = {
      severity: parsed.severity ?? null,
      source: parsed.source ?? null,
      status: parsed.status ?? null,
      search: likePattern(parsed.search),
    };
    const statement = this.sorted.get(parsed.sortBy, parsed.sortDirection);
    const rows = statement.all({ ...filter, limit: parsed.limit, offset: parsed.offset });
    return {
      rows: (rows as FindingRow[]).map(toFinding),
      total: this.countStatement.get(filter) as number,
      offset: parsed.offset,
      limit: parsed.limit,
    };
  }

  countOpenBySeverity(): Record<FindingSeverity, number> {
    const counts: Record<FindingSeverity, number> = {
      info: 0,
      low: 0,
      medium: 0,
      high: 0,
      critical: 0,
    };
    for (const row of this.openBySeverity.all() as { severity: FindingSeverity; count: number }[]) {
      counts[row.severity] = row.count;
    }
    return counts;
  }

  *iterate(): IterableIterator<SecurityFinding> {
    for (const row of this.allStatement.iterate() as IterableIterator<FindingRow>) {
      yield toFinding(row);
    }
  }
}

function toFinding(row: FindingRow): SecurityFinding {
  return {
    id: row.id,
    source: row.source as SecurityFinding['source'],
    tool: row.tool,
    ruleId: row.rule_id,
    title: row.title,
    severity: row.severity as SecurityFinding['severity'],
    location: row.location,
    target: row.target,
    score: row.score,
    fingerprint: row.fingerprint,
    helpUri: row.help_uri,
    status: row.status as SecurityFinding['status'],
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}
