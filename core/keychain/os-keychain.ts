import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';

import { SynapseError } from '../../shared/errors.js';
import { KEYCHAIN_SERVICE, type KeyStore } from './key-store.js';

/**
 * On Linux the entry is pinned to the Secret Service: the kernel keyutils store, the library's
 * other Linux backend, loses its entries at reboot, which would strand an encrypted vault.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

const CHOICES =
  'Unlock or start your keychain (on Linux: a Secret Service such as gnome-keyring on the ' +
  'D-Bus session) and try again, or use passphrase mode, which derives the ' +
  'key from a passphrase and stores nothing.';

export class KeychainUnavailableError extends SynapseError {
  constructor(operation: string, cause: unknown) {
    super(
      'KEYCHAIN_UNAVAILABLE',
      `The OS keychain is not usable (${operation} failed: ${describeCause(cause)}). ${CHOICES}`,
      { cause },
    );
    this.name = 'KeychainUnavailableError';
  }
}

/** Reduces a native error to its message, which names the failure but never the secret. */
function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}

/** The OS keychain through @napi-rs/keyring: Keychain on macOS, Credential Manager on Windows. */
export class OsKeyStore implements KeyStore {
  readonly description: string;
  private readonly service: string;

  constructor(service: string = KEYCHAIN_SERVICE) {
    this.service = service;
    this.description =
      process.platform === 'darwin'
        ? 'macOS Keychain'
        : process.platform === 'win32'
          ? 'Windows Credential Manager'
          : 'Secret Service (D-Bus)';
  }

  async get(account: string): Promise<string | null> {
    try {
      return await this.entry(account).getPassword();
    } catch (error) {
      throw new KeychainUnavailableError('reading the vault key', error);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await this.entry(account).setPassword(secret);
    } catch (error) {
      throw new KeychainUnavailableError('storing the vault key', error);
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await this.entry(account).deleteCredential();
    } catch (error) {
      throw new KeychainUnavailableError('deleting the vault key', error);
    }
  }

  private entry(account: string): AsyncEntry {
    return new AsyncEntry(this.service, account, ENTRY_OPTIONS);
  }
}
