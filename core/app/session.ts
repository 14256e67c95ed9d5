import { SynapseError } from '../../shared/errors.js';
import type { KeyStore } from '../keychain/key-store.js';
import { moduleLogger } from '../log/logger.js';
import { ComplianceServices } from '../services.js';
import {
  createVault,
  openVault,
  unlockWithRecoveryKey,
  vaultFileStatus,
  type VaultFileStatus,
} from '../vault/lifecycle.js';
import type { KeyMode, Vault } from '../vault/vault.js';

const log = moduleLogger('session');

export interface SessionStatus extends VaultFileStatus {
  unlocked: boolean;
  keyMode: KeyMode | null;
  schemaVersion: number | null;
}

/**
 * The vault a desktop window or a command works on: locked until one of the unlock paths
 * succeeds, then the one place that hands out the domain services. The key stays inside.
 */
export class VaultSession {
  private vault: Vault | null = null;
  private current: ComplianceServices | null = null;

  constructor(
    readonly path: string,
    readonly keyStore: KeyStore,
    readonly actor: string,
  ) {}

  get isUnlocked(): boolean {
    return this.vault !== null;
  }

  /** Returns the services of the unlocked vault, or throws VAULT_LOCKED. */
  get services(): ComplianceServices {
    if (this.current === null) {
      throw new SynapseError(
        'VAULT_LOCKED',
        `The vault ${this.path} is locked. Unlock it with the keychain, its recovery key or its passphrase.`,
      );
    }
    return this.current;
  }

  async status(): Promise<SessionStatus> {
    const file = await vaultFileStatus(this.path, this.keyStore);
    return {
      ...file,
      unlocked: this.vault !== null,
      keyMode: this.vault?.keyMode ?? null,
      schemaVersion: this.vault?.schemaVersion() ?? null,
    };
  }

  /** Creates a new vault; returns the recovery key, which is shown once and never stored. */
  async create(
    options: { passphrase?: string } = {},
  ): Promise<{ recoveryKey: string; keyMode: KeyMode }> {
    this.assertLocked();
    const created = await createVault({
      path: this.path,
      keyStore: this.keyStore,
      actor: this.actor,
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    });
    this.attach(created.vault);
    return { recoveryKey: created.recoveryKey, keyMode: created.keyMode };
  }

  async unlockWithKeychain(): Promise<void> {
    this.assertLocked();
    this.attach(await openVault({ path: this.path, keyStore: this.keyStore }));
  }

  async unlockWithPassphrase(passphrase: string): Promise<void> {
    this.assertLocked();
    this.attach(await openVault({ path: this.path, keyStore: this.keyStore, passphrase }));
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<void> {
    this.assertLocked();
    this.attach(
      await unlockWithRecoveryKey({
        path: this.path,
        keyStore: this.keyStore,
        recoveryKey,
        actor: this.actor,
      }),
    );
  }

  /** Checkpoints the WAL and closes the vault; the session is locked afterwards. */
  lock(): void {
    this.vault?.close();
    this.vault = null;
    this.current = null;
    log.info('vault locked');
  }

  private attach(vault: Vault): void {
    this.vault = vault;
    this.current = new ComplianceServices(vault, this.actor);
  }

  private assertLocked(): void {
    if (this.vault !== null) {
      throw new SynapseError('USAGE', `The vault ${this.path} is already unlocked.`);
    }
  }
}
