import Database, { type Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';

import { SynapseError } from '../../shared/errors.js';
import { rawKeyMaterial } from './key-material.js';

/**
 * Opens an SQLCipher 4 database with a raw key and proves the key with a read. The key travels to
 * SQLite as bytes through sqlite3_key, never inside SQL text.
 */
export function openEncryptedDatabase(
  path: string,
  key: Buffer,
  options: { salt?: Buffer; create?: boolean; readonly?: boolean } = {},
): SqliteDatabase {
  const db = new Database(path, {
    fileMustExist: options.create !== true,
    readonly: options.readonly === true,
  });

  try {
    // SQLCipher 4 defaults (legacy=4): AES-256-CBC, HMAC-SHA512, 4096-byte pages, so standard
    // SQLCipher 4 tools open the file with the same raw key.
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.key(rawKeyMaterial(key, options.salt));
    proveKey(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function proveKey(db: SqliteDatabase, path: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new SynapseError(
        'KEY_WRONG',
        `The key does not open the vault ${path}: the key is wrong, or the file is not a Synapse ` +
          'vault or is damaged. Unlock it with its recovery key or the right ' +
          'passphrase. The file was not changed.',
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Sets the connection options every vault handle uses. synchronous=FULL makes each committed
 * transaction, and so each audit entry, survive a power loss, at the cost of one fsync per commit.
 */
export function configureConnection(db: SqliteDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Translates a SQLite or file-system error into a SynapseError whose message names what is wrong
 * with the vault and what to do, or returns null for errors of another kind.
 */
export function toVaultError(error: unknown, path: string | null): SynapseError | null {
  const vault = path === null ? 'the open vault' : path;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const detail = error instanceof Error ? error.message : String(error);

  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new SynapseError(
      'INTEGRITY_FAILED',
      `The vault file ${vault} is damaged (SQLite reported: ${detail}). Restore the vault from a ` +
        'backup, then run "audit verify". The damaged file was not changed.',
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS') {
    return new SynapseError(
      'INVALID_INPUT',
      `The vault ${vault} or its folder cannot be written (${detail}). The vault keeps its journal ` +
        'beside the file, so give this user write permission on both.',
      { cause: error },
    );
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new SynapseError(
      'INVALID_INPUT',
      `The disk holding the vault ${vault} is full. Free some space and try again; the last change ` +
        'was rolled back.',
      { cause: error },
    );
  }
  return null;
}
