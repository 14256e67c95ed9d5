import type { Database } from 'better-sqlite3-multiple-ciphers';

import { AuditTrail } from '../audit/audit-trail.js';
import { moduleLogger } from '../log/logger.js';
import { schemaVersion } from './migrations/index.js';

const log = moduleLogger('vault');

export type KeyMode = 'keychain' | 'passphrase';

/** An open, unlocked vault: the encrypted database, its path and its audit trail. */
export class Vault {
  readonly audit: AuditTrail;
  private closed = false;

  constructor(
    readonly path: string,
    readonly db: Database,
  ) {
    this.audit = new AuditTrail(db);
  }

  /** Runs fn in one transaction; an exception rolls back every write it made. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  schemaVersion(): number {
    return schemaVersion(this.db);
  }

  getMeta(key: string): string | null {
    const value = this.db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(key);
    return typeof value === 'string' ? value : null;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO vault_meta (key, value) VALUES (?, ?) ' +
          'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  get keyMode(): KeyMode {
    return this.getMeta('key_mode') === 'passphrase' ? 'passphrase' : 'keychain';
  }

  /** Folds the WAL back into the main file and closes, so the vault is one file at rest. */
  close(): void {
    if (this.closed) return;
    this.closed = true;

    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      log.warn({ err: error }, 'WAL checkpoint failed at close; SQLite replays the WAL next open');
    }
    this.db.close();
  }
}
