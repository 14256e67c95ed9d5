/**
 * Storage for vault keys between sessions. The production store is the OS keychain; tests use the
 * same store against a private gnome-keyring Secret Service.
 */
export interface KeyStore {
  /** Human-readable name of the backing store, for status output. */
  readonly description: string;
  /** Returns the secret, or null when no entry exists. Throws KeychainUnavailableError. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Returns true when an entry was deleted. */
  delete(account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'Synapse Compliance Console';
