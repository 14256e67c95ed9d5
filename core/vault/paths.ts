import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export const APP_NAME = 'Synapse Compliance Console';
export const VAULT_FILE_NAME = 'vault.synapse';

/**
 * Returns the platform's application-data folder for this app, the same folder Electron's
 * app.getPath('userData') gives, so the desktop app and the command line share one vault.
 */
export function appDataDirectory(): string {
  if (process.platform === 'win32') {
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  }
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', APP_NAME);
  }
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** Resolves the vault path: an explicit path, else SYNAPSE_VAULT, else the app-data folder. */
export function resolveVaultPath(explicit?: string): string {
  const chosen = explicit ?? process.env.SYNAPSE_VAULT ?? join(appDataDirectory(), VAULT_FILE_NAME);
  return resolve(chosen);
}

/**
 * Names the keychain entry of a vault after its real path, so two vaults on one machine have two
 * keys. A vault moved to a new path is unlocked once with its recovery key.
 */
export function keychainAccount(vaultPath: string): string {
  const directory = dirname(resolve(vaultPath));
  const realDirectory = existsSync(directory) ? realpathSync(directory) : directory;
  return `vault:${join(realDirectory, basename(vaultPath))}`;
}
