import { userInfo } from 'node:os';

import { VaultSession } from '../core/app/session.js';
import { OsKeyStore } from '../core/keychain/os-keychain.js';
import { resolveVaultPath } from '../core/vault/paths.js';
import { createOutput, type Output } from './output.js';
import { readPassphrase } from './passphrase.js';

export interface GlobalOptions {
  vault?: string;
  json?: boolean;
  passphraseStdin?: boolean;
}

export interface CommandContext {
  output: Output;
  session: VaultSession;
  options: GlobalOptions;
}

/** Names the person at the keyboard in audit entries, as the OS account running the command. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

export function createContext(options: GlobalOptions): CommandContext {
  const session = new VaultSession(resolveVaultPath(options.vault), new OsKeyStore(), cliActor());
  return { output: createOutput(options.json === true), session, options };
}

/** True when the command should unlock with a passphrase instead of the keychain. */
export function wantsPassphrase(options: GlobalOptions): boolean {
  return options.passphraseStdin === true || (process.env.SYNAPSE_PASSPHRASE ?? '') !== '';
}

/** Unlocks the session with the passphrase, if one was given, else with the keychain. */
export async function unlock(context: CommandContext): Promise<void> {
  if (wantsPassphrase(context.options)) {
    const passphrase = await readPassphrase({
      fromStdin: context.options.passphraseStdin === true,
      prompt: 'Vault passphrase: ',
    });
    await context.session.unlockWithPassphrase(passphrase);
    return;
  }
  await context.session.unlockWithKeychain();
}

/** Runs work on the unlocked vault and always locks it again, checkpointing the WAL. */
export async function withVault<T>(
  context: CommandContext,
  work: () => T | Promise<T>,
): Promise<T> {
  await unlock(context);
  try {
    return await work();
  } finally {
    context.session.lock();
  }
}
