import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { OsKeyStore } from '../../core/keychain/os-keychain.js';
import { ComplianceServices } from '../../core/services.js';
import { createVault } from '../../core/vault/lifecycle.js';
import type { Vault } from '../../core/vault/vault.js';

/** True when scripts/with-keyring.sh started a private Secret Service for this run. */
export const hasTestKeyring = process.env.SYNAPSE_KEYRING === 'secret-service';

export interface TempVaultContext {
  directory: string;
  vaultPath: string;
  /** The real OS keychain, under a service name of its own so runs never share entries. */
  keyStore: OsKeyStore;
  cleanup(): void;
}

export function tempVaultContext(): TempVaultContext {
  const directory = mkdtempSync(join(tmpdir(), 'synapse-vault-'));
  return {
    directory,
    vaultPath: join(directory, 'vault.synapse'),
    keyStore: new OsKeyStore(`Synapse Compliance Console test ${randomUUID()}`),
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}

export interface TestVault {
  context: TempVaultContext;
  vault: Vault;
  services: ComplianceServices;
}

/**
 * Creates a passphrase-mode vault in a temp folder, for tests that need a real encrypted vault
 * but not the keychain. The caller closes the vault and cleans up the context.
 */
export async function openPassphraseVault(actor: string): Promise<TestVault> {
  const context = tempVaultContext();
  const { vault } = await createVault({
    path: context.vaultPath,
    keyStore: context.keyStore,
    actor,
    passphrase: `${actor} test passphrase`,
  });
  return { context, vault, services: new ComplianceServices(vault, actor) };
}
