import { createHash } from 'node:crypto';

import type { Database } from 'better-sqlite3-multiple-ciphers';

import type { AuditEntry, AuditProblem, AuditVerification } from '../../shared/domain/audit.js';
import { canonicalJson } from './canonical-json.js';

/** prev_hash of the first entry: 64 zeros, as no entry comes before it. */
export const GENESIS_HASH = '0'.repeat(64);

const HEAD_SEQ_KEY = 'audit_head_seq';
const HEAD_HASH_KEY = 'audit_head_hash';

export interface AuditEvent {
  actor: string;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** An audit_log row as SQLite returns it. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * Hashes an entry's canonical content together with the previous entry's hash. Changing any
 * field, or moving the entry, changes this hash and breaks every later link.
 */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json,
    after: row.after_json,
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(content).digest('hex');
}

/**
 * Appends entries to the hash chain. Callers run it inside the transaction that makes the change,
 * so a change and its audit entry commit or roll back together.
 */
export class AuditTrail {
  private readonly insert;
  private readonly readHead;
  private readonly writeMeta;
  private readonly selectAll;
  private readonly selectCount;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO audit_log
         (seq, at, actor, action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
       VALUES
         (@seq, @at, @actor, @action, @entity_type, @entity_id, @before_json, @after_json,
          @prev_hash, @hash)`,
    );
    this.readHead = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.writeMeta = db.prepare(
      'INSERT INTO vault_meta (key, value) VALUES (?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.selectAll = db.prepare('SELECT * FROM audit_log ORDER BY seq');
    this.selectCount = db.prepare('SELECT count(*) FROM audit_log').pluck();
  }

  /** Appends one entry; must run inside a transaction (it asserts that it does). */
  append(event: AuditEvent, at: string = new Date().toISOString()): AuditEntry {
    if (!this.db.inTransaction) {
      throw new Error('AuditTrail.append must run inside the transaction that makes the change.');
    }

    const head = this.readHead.get() as { seq: number; hash: string } | undefined;
    const unsigned = {
      seq: (head?.seq ?? 0) + 1,
      at,
      actor: event.actor,
      action: event.action,
      entity_type: event.entityType,
      entity_id:
        event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
      before_json: event.before === undefined ? null : canonicalJson(event.before),
      after_json: event.after === undefined ? null : canonicalJson(event.after),
      prev_hash: head?.hash ?? GENESIS_HASH,
    };
    const row: AuditRow = { ...unsigned, hash: hashAuditRow(unsigned) };

    this.insert.run(row);
    this.writeMeta.run(HEAD_SEQ_KEY, String(row.seq));
    this.writeMeta.run(HEAD_HASH_KEY, row.hash);
    return toAuditEntry(row);
  }

  count(): number {
    return this.selectCount.get() as number;
  }

  *entries(): IterableIterator<AuditEntry> {
    for (const row of this.selectAll.iterate() as IterableIterator<AuditRow>) {
      yield toAuditEntry(row);
    }
  }

  /**
   * Walks the chain and reports every entry that was edited, deleted or moved. The recorded head
   * catches entries cut from the end, which leave the rest of the chain intact.
   */
  verify(): AuditVerification {
    const problems: AuditProblem[] = [...this.checkFile()];
    if (problems.length > 0) return { ok: false, entries: 0, problems };

    let expectedSeq = 1;
    let previousHash = GENESIS_HASH;
    let entries = 0;

    for (const row of this.selectAll.iterate() as IterableIterator<AuditRow>) {
      entries++;

      if (row.seq !== expectedSeq) {
        problems.push({
          seq: row.seq,
          kind: 'missing',
          message: `Entries ${expectedSeq} to ${row.seq - 1} are missing before entry ${row.seq}.`,
        });
      }
      if (row.prev_hash !== previousHash) {
        problems.push({
          seq: row.seq,
          kind: 'broken_link',
          message: `Entry ${row.seq} does not link to the entry before it: an entry was deleted, inserted or moved.`,
        });
      }
      if (hashAuditRow(row) !== row.hash) {
        problems.push({
          seq: row.seq,
          kind: 'edited',
          message: `Entry ${row.seq} was changed after it was written: its content does not match its hash.`,
        });
      }

      expectedSeq = row.seq + 1;
      previousHash = row.hash;
    }

    const head = this.recordedHead();
    const lastSeq = expectedSeq - 1;
    if (head !== null && (head.seq !== lastSeq || head.hash !== previousHash)) {
      problems.push({
        seq: head.seq,
        kind: 'head_mismatch',
        message:
          `The trail ends at entry ${lastSeq}, but the vault recorded entry ${head.seq} as the ` +
          'last one: entries were removed from the end or the last entry was replaced.',
      });
    }
    if (head === null && entries > 0) {
      problems.push({
        seq: lastSeq,
        kind: 'head_mismatch',
        message: 'The record of the last audit entry is missing from the vault.',
      });
    }

    return { ok: problems.length === 0, entries, problems };
  }

  /**
   * Reads every page of the vault: SQLCipher checks each page's HMAC on read, so a changed byte
   * anywhere in a table or index fails here even when the audit rows themselves are intact.
   */
  private checkFile(): AuditProblem[] {
    try {
      const result = this.db.pragma('quick_check') as { quick_check: string }[];
      const messages = result.map((row) => row.quick_check).filter((text) => text !== 'ok');
      return messages.map((message) => ({
        seq: 0,
        kind: 'damaged_file' as const,
        message: `The vault file is damaged: ${message}. Restore it from a backup.`,
      }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return [
        {
          seq: 0,
          kind: 'damaged_file',
          message: `The vault file is damaged (${message}). Restore it from a backup.`,
        },
      ];
    }
  }

  private recordedHead(): { seq: number; hash: string } | null {
    const rows = this.db
      .prepare('SELECT key, value FROM vault_meta WHERE key IN (?, ?)')
      .all(HEAD_SEQ_KEY, HEAD_HASH_KEY) as { key: string; value: string }[];
    const values = new Map(rows.map((row) => [row.key, row.value]));
    const seq = values.get(HEAD_SEQ_KEY);
    const hash = values.get(HEAD_HASH_KEY);
    if (seq === undefined || hash === undefined) return null;
    return { seq: Number(seq), hash };
  }
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
