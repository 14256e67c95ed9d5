import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import sqlcipher from '@journeyapps/sqlcipher';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ComplianceServices } from '../../core/services.js';
import {
  createVault,
  openVault,
  unlockWithRecoveryKey,
  vaultFileStatus,
} from '../../core/vault/lifecycle.js';
import { keychainAccount } from '../../core/vault/paths.js';
import { SynapseError } from '../../shared/errors.js';
import { hasTestKeyring, tempVaultContext, type TempVaultContext } from '../helpers/temp-vault.js';

const MARKER = 'MARKER-7f3c-plaintext-must-not-appear';
const ACTOR = 'test';

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<SynapseError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SynapseError);
  expect((error as SynapseError).code).toBe(code);
  return error as SynapseError;
}

/** Reads one value with an independent SQLCipher 4 implementation, keyed with the raw key. */
function readWithSqlcipher(path: string, keyHex: string, sql: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(path, sqlcipher.OPEN_READONLY);
    db.serialize(() => {
      // This reader only accepts the key as a PRAGMA; the test key is random and test-only.
      db.run(`PRAGMA key = "x'${keyHex}'"`);
      db.all(sql, (error: Error | null, rows: unknown[]) => {
        db.close();
        if (error) reject(error);
        else resolve(rows);
      });
    });
  });
}

describe.skipIf(!hasTestKeyring)('encrypted vault with the OS keychain', () => {
  let context: TempVaultContext;

  beforeEach(() => {
    context = tempVaultContext();
  });

  afterEach(async () => {
    await context.keyStore.delete(keychainAccount(context.vaultPath)).catch(() => false);
    context.cleanup();
  });

  async function createWithMarker(): Promise<string> {
    const { vault, recoveryKey } = await createVault({
      path: context.vaultPath,
      keyStore: context.keyStore,
      actor: ACTOR,
    });
    new ComplianceServices(vault, ACTOR).classification.create({
      system: 'CRM',
      dataset: 'customers',
      field: 'email',
      level: 'CONFIDENTIAL',
      description: MARKER,
    });
    vault.close();
    return recoveryKey;
  }

  it('stores no plaintext header or marker', async () => {
    await createWithMarker();

    const bytes = readFileSync(context.vaultPath);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    expect(bytes.includes(Buffer.from('classification_entries'))).toBe(false);
    expect(
      existsSync(`${context.vaultPath}-wal`) &&
        readFileSync(`${context.vaultPath}-wal`).includes(Buffer.from(MARKER)),
    ).toBe(false);
  });

  it('reopens with the key from the keychain', async () => {
    await createWithMarker();

    const vault = await openVault({ path: context.vaultPath, keyStore: context.keyStore });
    const page = new ComplianceServices(vault, ACTOR).classification.list();
    vault.close();

    expect(page.total).toBe(1);
    expect(page.rows[0]?.description).toBe(MARKER);
  });

  it('is readable by an independent SQLCipher 4 reader', async () => {
    await createWithMarker();

    const keyHex = await context.keyStore.get(keychainAccount(context.vaultPath));
    expect(keyHex).toMatch(/^[0-9a-f]{64}$/);
    const rows = await readWithSqlcipher(
      context.vaultPath,
      keyHex as string,
      'SELECT description FROM classification_entries',
    );
    expect(rows).toEqual([{ description: MARKER }]);
  });

  it('rejects a wrong key and leaves the file unchanged', async () => {
    await createWithMarker();
    const before = fileHash(context.vaultPath);
    const filesBefore = readdirSync(context.directory).sort();
    await context.keyStore.set(keychainAccount(context.vaultPath), 'ab'.repeat(32));

    const error = await expectCode(
      openVault({ path: context.vaultPath, keyStore: context.keyStore }),
      'KEY_WRONG',
    );

    expect(error.message).toContain('recovery key');
    expect(error.message).not.toContain('ab'.repeat(32));
    expect(fileHash(context.vaultPath)).toBe(before);
    expect(readdirSync(context.directory).sort()).toEqual(filesBefore);
  });

  it('reports a missing keychain entry as locked', async () => {
    await createWithMarker();
    const before = fileHash(context.vaultPath);
    await context.keyStore.delete(keychainAccount(context.vaultPath));

    const error = await expectCode(
      openVault({ path: context.vaultPath, keyStore: context.keyStore }),
      'VAULT_LOCKED',
    );

    expect(error.message).toContain('unlock it with its recovery key');
    expect(fileHash(context.vaultPath)).toBe(before);
  });

  it('reopens with the recovery key and stores the key again', async () => {
    const recoveryKey = await createWithMarker();
    await context.keyStore.delete(keychainAccount(context.vaultPath));

    const unlocked = await unlockWithRecoveryKey({
      path: context.vaultPath,
      keyStore: context.keyStore,
      recoveryKey,
      actor: ACTOR,
    });
    unlocked.close();
    const reopened = await openVault({ path: context.vaultPath, keyStore: context.keyStore });
    const total = new ComplianceServices(reopened, ACTOR).classification.list().total;
    const verification = reopened.audit.verify();
    reopened.close();

    expect(total).toBe(1);
    expect(verification.ok).toBe(true);
    expect((await vaultFileStatus(context.vaultPath, context.keyStore)).keychain).toBe(
      'key stored',
    );
  });

  it('rejects a recovery key of another vault', async () => {
    await createWithMarker();
    const other = tempVaultContext();
    const { vault, recoveryKey: otherKey } = await createVault({
      path: other.vaultPath,
      keyStore: other.keyStore,
      actor: ACTOR,
    });
    vault.close();
    const before = fileHash(context.vaultPath);

    await expectCode(
      unlockWithRecoveryKey({
        path: context.vaultPath,
        keyStore: context.keyStore,
        recoveryKey: otherKey,
        actor: ACTOR,
      }),
      'KEY_WRONG',
    );

    expect(fileHash(context.vaultPath)).toBe(before);
    await other.keyStore.delete(keychainAccount(other.vaultPath));
    other.cleanup();
  });

  it('never creates a vault over an existing file', async () => {
    writeFileSync(context.vaultPath, 'not a vault, but somebody else’s file');
    const before = fileHash(context.vaultPath);

    await expectCode(
      createVault({ path: context.vaultPath, keyStore: context.keyStore, actor: ACTOR }),
      'VAULT_EXISTS',
    );

    expect(fileHash(context.vaultPath)).toBe(before);
    expect(await context.keyStore.get(keychainAccount(context.vaultPath))).toBeNull();
  });

  it('refuses a vault from a newer version', async () => {
    await createWithMarker();
    const vault = await openVault({ path: context.vaultPath, keyStore: context.keyStore });
    vault.db.pragma('user_version = 990');
    vault.close();
    const before = fileHash(context.vaultPath);

    const error = await expectCode(
      openVault({ path: context.vaultPath, keyStore: context.keyStore }),
      'VAULT_TOO_NEW',
    );

    expect(error.message).toContain('schema version 990');
    expect(fileHash(context.vaultPath)).toBe(before);
  });

  it('reports a missing vault file', async () => {
    await expectCode(
      openVault({ path: join(context.directory, 'absent.synapse'), keyStore: context.keyStore }),
      'VAULT_NOT_FOUND',
    );
  });
});

describe('passphrase mode', () => {
  let context: TempVaultContext;

  beforeEach(() => {
    context = tempVaultContext();
  });

  afterEach(() => {
    context.cleanup();
  });

  const passphrase = `it's "quoted"; DROP TABLE audit_log; -- Ünïcödé ✓ 密码`;

  it('opens with a passphrase full of quotes and non-ASCII', async () => {
    const { vault, keyMode } = await createVault({
      path: context.vaultPath,
      keyStore: context.keyStore,
      actor: ACTOR,
      passphrase,
    });
    new ComplianceServices(vault, ACTOR).privacy.add({
      type: 'access',
      receivedOn: '2026-01-31',
      subjectRef: MARKER,
    });
    vault.close();

    const reopened = await openVault({
      path: context.vaultPath,
      keyStore: context.keyStore,
      passphrase,
    });
    const rows = new ComplianceServices(reopened, ACTOR).privacy.list().rows;
    reopened.close();

    expect(keyMode).toBe('passphrase');
    expect(rows[0]?.subjectRef).toBe(MARKER);
    expect(rows[0]?.dueOn).toBe('2026-02-28');
    expect(readFileSync(context.vaultPath).includes(Buffer.from(MARKER))).toBe(false);
  });

  it('stores nothing in the keychain', async () => {
    const { vault } = await createVault({
      path: context.vaultPath,
      keyStore: context.keyStore,
      actor: ACTOR,
      passphrase,
    });
    vault.close();

    if (hasTestKeyring) {
      expect(await context.keyStore.get(keychainAccount(context.vaultPath))).toBeNull();
    }
  });

  it('rejects a wrong passphrase and leaves the file unchanged', async () => {
    const { vault } = await createVault({
      path: context.vaultPath,
      keyStore: context.keyStore,
      actor: ACTOR,
      passphrase,
    });
    vault.close();
    const before = fileHash(context.vaultPath);

    await expectCode(
      openVault({
        path: context.vaultPath,
        keyStore: context.keyStore,
        passphrase: `${passphrase}x`,
      }),
      'KEY_WRONG',
    );

    expect(fileHash(context.vaultPath)).toBe(before);
  });
});

describe('keychain without a Secret Service', () => {
  it('fails with a clear error and creates no file', () => {
    const context = tempVaultContext();
    const script = join(import.meta.dirname, '..', 'helpers', 'create-vault-child.ts');

    // The child talks to a D-Bus address where nothing listens, as on a machine without a
    // running Secret Service.
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, context.vaultPath], {
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(context.directory, 'no-bus')}`,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });

    expect(result.stdout).toContain('KEYCHAIN_UNAVAILABLE');
    expect(result.stdout).toContain('passphrase mode');
    expect(existsSync(context.vaultPath)).toBe(false);
    context.cleanup();
  });
});

describe('empty vault file', () => {
  it('is rejected instead of initialised', async () => {
    const context = tempVaultContext();
    const { vault, recoveryKey } = await createVault({
      path: context.vaultPath,
      keyStore: context.keyStore,
      actor: ACTOR,
      passphrase: 'empty file test passphrase',
    });
    vault.close();
    writeFileSync(context.vaultPath, '');

    const error = await expectCode(
      unlockWithRecoveryKey({
        path: context.vaultPath,
        keyStore: context.keyStore,
        recoveryKey,
        actor: ACTOR,
      }),
      'INTEGRITY_FAILED',
    );

    expect(error.message).toContain('holds no vault');
    expect(readFileSync(context.vaultPath).length).toBe(0);
    context.cleanup();
  });
});
