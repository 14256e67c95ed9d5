import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

import { SynapseError } from '../../shared/errors.js';
import type { KeyStore } from '../keychain/key-store.js';
import { moduleLogger } from '../log/logger.js';
import { configureConnection, openEncryptedDatabase } from './database.js';
import {
  KEY_BYTES,
  SALT_BYTES,
  decodeRecoveryKey,
  deriveKeyFromPassphrase,
  encodeRecoveryKey,
  generateSalt,
  generateVaultKey,
} from './key-material.js';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations/index.js';
import { keychainAccount } from './paths.js';
import { Vault, type KeyMode } from './vault.js';

const log = moduleLogger('vault');

/** Shortest passphrase accepted for a new passphrase-mode vault, in characters. */
export const MIN_PASSPHRASE_LENGTH = 12;

export interface CreateVaultOptions {
  path: string;
  keyStore: KeyStore;
  actor: string;
  /** Passphrase mode: derive the key from this passphrase and store nothing in the keychain. */
  passphrase?: string;
}

export interface CreatedVault {
  vault: Vault;
  /** Shown once; the only way back in when the keychain entry or the passphrase is lost. */
  recoveryKey: string;
  keyMode: KeyMode;
}

/**
 * Creates a new vault. The file is created exclusively, so an existing file is never overwritten.
 * If a later step fails, the new file and its keychain entry are removed again.
 */
export async function createVault(options: CreateVaultOptions): Promise<CreatedVault> {
  const { path, keyStore, actor } = options;
  if (existsSync(path)) {
    throw new SynapseError(
      'VAULT_EXISTS',
      `A file already exists at ${path}; a vault is never created over an existing file. ` +
        'Open it with the keychain, unlock it with its recovery key, or choose another vault path.',
    );
  }

  if (options.passphrase !== undefined && [...options.passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new SynapseError(
      'INVALID_INPUT',
      `The passphrase has ${[...options.passphrase].length} characters; a vault passphrase needs ` +
        `at least ${MIN_PASSPHRASE_LENGTH}. Choose a longer one, for example several words.`,
    );
  }

  // 1. Derive or generate the key before touching the disk, so a keychain failure leaves nothing.
  const salt = generateSalt();
  const keyMode: KeyMode = options.passphrase === undefined ? 'keychain' : 'passphrase';
  const key =
    options.passphrase === undefined
      ? generateVaultKey()
      : await deriveKeyFromPassphrase(options.passphrase, salt);
  const account = keychainAccount(path);
  if (keyMode === 'keychain') await storeKey(keyStore, account, key);

  // 2. Claim the path exclusively: 'wx' fails if another process created the file meanwhile.
  mkdirSync(dirname(path), { recursive: true });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if (keyMode === 'keychain') await keyStore.delete(account).catch(() => false);
    throw new SynapseError(
      'VAULT_EXISTS',
      `Could not create the vault file ${path}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }

  // 3. Key the empty file with the chosen salt, build the schema and record the creation.
  try {
    const db = openEncryptedDatabase(path, key, { salt });
    configureConnection(db);
    migrate(db);
    const vault = new Vault(path, db);
    vault.transaction(() => {
      vault.setMeta('vault_id', randomUUID());
      vault.setMeta('created_at', new Date().toISOString());
      vault.setMeta('key_mode', keyMode);
      vault.audit.append({
        actor,
        action: 'vault.create',
        entityType: 'vault',
        after: { keyMode },
      });
    });
    log.info({ keyMode }, 'vault created');
    return { vault, recoveryKey: encodeRecoveryKey(key), keyMode };
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    if (keyMode === 'keychain') await keyStore.delete(account).catch(() => false);
    throw error;
  }
}

export interface OpenVaultOptions {
  path: string;
  keyStore: KeyStore;
  /** Unlock with this passphrase instead of the keychain. */
  passphrase?: string;
}

/**
 * Opens an existing vault with the key from the keychain, or from a passphrase. A missing or wrong
 * key is the locked case, never a reason to create a new vault.
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const { path, keyStore } = options;
  assertVaultFile(path);

  if (options.passphrase !== undefined) {
    const key = await deriveKeyFromPassphrase(options.passphrase, readVaultSalt(path));
    return openWithKey(path, key, 'passphrase');
  }

  const stored = await keyStore.get(keychainAccount(path));
  if (stored === null) {
    throw new SynapseError(
      'VAULT_LOCKED',
      `The keychain (${keyStore.description}) has no key for the vault ${path}. If the vault was ` +
        'moved or the keychain entry was lost, unlock it with its recovery key. If it uses passphrase ' +
        'mode, give the passphrase.',
    );
  }
  return openWithKey(path, parseStoredKey(stored, path), 'keychain');
}

/**
 * Opens a vault with its recovery key. A keychain-mode vault gets its key stored in the keychain
 * again; a passphrase-mode vault stays in passphrase mode and nothing is stored.
 */
export async function unlockWithRecoveryKey(options: {
  path: string;
  keyStore: KeyStore;
  recoveryKey: string;
  actor: string;
}): Promise<Vault> {
  const { path, keyStore } = options;
  assertVaultFile(path);

  const key = decodeRecoveryKey(options.recoveryKey);
  const vault = openWithKey(path, key, 'keychain');
  try {
    const storesKey = vault.keyMode === 'keychain';
    if (storesKey) await storeKey(keyStore, keychainAccount(path), key);
    vault.transaction(() => {
      vault.audit.append({
        actor: options.actor,
        action: 'vault.unlock_with_recovery_key',
        entityType: 'vault',
        after: { keyMode: vault.keyMode, keyStored: storesKey },
      });
    });
  } catch (error) {
    vault.close();
    throw error;
  }
  return vault;
}

export interface VaultFileStatus {
  path: string;
  exists: boolean;
  sizeBytes: number | null;
  keychain: 'key stored' | 'no key' | 'unavailable';
  keychainDetail: string;
}

/** Reports what can be known without the key: whether the file exists and the keychain state. */
export async function vaultFileStatus(path: string, keyStore: KeyStore): Promise<VaultFileStatus> {
  const exists = existsSync(path);
  let keychain: VaultFileStatus['keychain'] = 'no key';
  let keychainDetail = keyStore.description;
  try {
    if ((await keyStore.get(keychainAccount(path))) !== null) keychain = 'key stored';
  } catch (error) {
    keychain = 'unavailable';
    keychainDetail = error instanceof Error ? error.message : String(error);
  }
  return { path, exists, sizeBytes: exists ? statSync(path).size : null, keychain, keychainDetail };
}

function openWithKey(path: string, key: Buffer, mode: KeyMode): Vault {
  const db = openEncryptedDatabase(path, key);
  try {
    // Checked before any write (WAL switch, migration), so a newer vault stays byte-for-byte as is.
    const version = schemaVersion(db);
    if (version === 0) {
      // An empty file keys like an empty database; building a schema in it would hide a lost vault.
      throw new SynapseError(
        'INTEGRITY_FAILED',
        `The file ${path} holds no vault: it is empty or was never set up. Restore the vault from ` +
          'a backup, or create a new one at another path. The file was not changed.',
      );
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new SynapseError(
        'VAULT_TOO_NEW',
        `The vault ${path} has schema version ${version}, but this version of Synapse Compliance ` +
          `Console reads up to ${LATEST_SCHEMA_VERSION}. Install the newer version that wrote it; ` +
          'the vault was not changed.',
      );
    }
    configureConnection(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  log.info({ mode }, 'vault opened');
  return new Vault(path, db);
}

async function storeKey(keyStore: KeyStore, account: string, key: Buffer): Promise<void> {
  const hex = key.toString('hex');
  await keyStore.set(account, hex);

  // Read back, because a store that accepts a write and cannot return it would strand the vault.
  const readBack = await keyStore.get(account);
  if (readBack !== hex) {
    throw new SynapseError(
      'KEYCHAIN_UNAVAILABLE',
      `The keychain (${keyStore.description}) accepted the vault key but did not return it. ` +
        'Unlock the keychain and try again, or use passphrase mode.',
    );
  }
}

function parseStoredKey(stored: string, path: string): Buffer {
  if (!/^[0-9a-f]+$/i.test(stored) || stored.length !== KEY_BYTES * 2) {
    throw new SynapseError(
      'KEY_WRONG',
      `The keychain entry for the vault ${path} is not a vault key. Unlock the vault with its recovery key ` +
        'to store the right key again.',
    );
  }
  return Buffer.from(stored, 'hex');
}

function assertVaultFile(path: string): void {
  if (!existsSync(path)) {
    throw new SynapseError(
      'VAULT_NOT_FOUND',
      `No vault at ${path}. Create one there, or choose the path of an existing vault.`,
    );
  }
}

/** Reads the SQLCipher salt, the first 16 bytes of the file, which passphrase mode keys with. */
function readVaultSalt(path: string): Buffer {
  const salt = Buffer.alloc(SALT_BYTES);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, salt, 0, SALT_BYTES, 0);
    if (read < SALT_BYTES) {
      throw new SynapseError(
        'KEY_WRONG',
        `The file ${path} is too short to be a vault (${read} bytes). Check the vault path.`,
      );
    }
  } finally {
    closeSync(fd);
  }
  return salt;
}
