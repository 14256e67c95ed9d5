import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

import type { AuditEntry } from '../../shared/domain/audit.js';
import { auditQuerySchema, type AuditQuery } from '../../shared/domain/audit-query.js';
import type { Page } from '../../shared/domain/query.js';
import { likePattern } from '../db/list-statement.js';
import { toAuditEntry, type AuditRow } from './audit-trail.js';

const FILTER = `
  FROM audit_log
  WHERE (@entityType IS NULL OR entity_type = @entityType)
    AND (@action IS NULL OR action = @action OR action LIKE @actionPrefix ESCAPE '\\')
    AND (@search IS NULL OR action LIKE @search ESCAPE '\\' OR entity_type LIKE @search ESCAPE '\\'
      OR entity_id LIKE @search ESCAPE '\\' OR actor LIKE @search ESCAPE '\\')`;

/**
 * Paged reads of the audit trail for list views. Paging walks the seq primary key, so the newest
 * page of a million entries is read without sorting.
 */
export class AuditQueries {
  private readonly newestFirst: Statement;
  private readonly oldestFirst: Statement;
  private readonly countStatement: Statement;

  constructor(db: Database) {
    const select = `SELECT * ${FILTER}`;
    this.newestFirst = db.prepare(`${select} ORDER BY seq DESC LIMIT @limit OFFSET @offset`);
    this.oldestFirst = db.prepare(`${select} ORDER BY seq ASC LIMIT @limit OFFSET @offset`);
    this.countStatement = db.prepare(`SELECT count(*) ${FILTER}`).pluck();
  }

  list(query: AuditQuery = {}): Page<AuditEntry> {
    const parsed = auditQuerySchema.parse(query);
    const action = parsed.action === undefined || parsed.action === '' ? null : parsed.action;
    const filter = {
      entityType:
        parsed.entityType === undefined || parsed.entityType === '' ? null : parsed.entityType,
      action,
      actionPrefix: action === null ? null : `${action.replace(/[\\%_]/g, '\\$&')}.%`,
      search: likePattern(parsed.search),
    };
    const statement = parsed.sortDirection === 'asc' ? this.oldestFirst : this.newestFirst;
    const rows = statement.all({ ...filter, limit: parsed.limit, offset: parsed.offset });

    return {
      rows: (rows as AuditRow[]).map(toAuditEntry),
      total: this.countStatement.get(filter) as number,
      offset: parsed.offset,
      limit: parsed.limit,
    };
  }
}
