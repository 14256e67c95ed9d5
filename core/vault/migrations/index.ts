import type { Database } from 'better-sqlite3-multiple-ciphers';

import { SynapseError } from '../../../shared/errors.js';
import { moduleLogger } from '../../log/logger.js';
import { initialSchema } from './0010-initial.js';
import { classificationMapSchema } from './0020-classification-map.js';
import type { Migration } from './types.js';

/** Every migration, oldest first. Versions step by ten so a fix can slot in between. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, classificationMapSchema];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

const log = moduleLogger('migrations');

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date, one transaction per migration. A vault written by a newer version
 * of the app is rejected untouched, because this version cannot know what its tables mean.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new SynapseError(
      'VAULT_TOO_NEW',
      `The vault has schema version ${current}, but this version of Synapse Compliance Console ` +
        `reads up to ${latest}. Install the newer version that wrote it; the vault was not changed.`,
    );
  }

  for (const migration of migrations) {
    if (migration.version <= current) continue;

    db.transaction(() => {
      db.exec(migration.up);
      // user_version takes no bound parameter; the value is an integer from this file.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
    log.info({ version: migration.version, name: migration.name }, 'migration applied');
  }
  return schemaVersion(db);
}
