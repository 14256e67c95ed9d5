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
        `The key does not open the vault ${path}: either the key is wrong or the file is not a ` +
          'Synapse vault. Unlock it with its recovery key or the right ' +
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
