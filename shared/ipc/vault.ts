import { z } from 'zod';

import { channel, noInput } from './define.js';

export const keyModeSchema = z.enum(['keychain', 'passphrase']);

/** State of the vault file and its keychain entry; all known without the key but schemaVersion. */
export const sessionStatusSchema = z.object({
  path: z.string(),
  exists: z.boolean(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  keychain: z.enum(['key stored', 'no key', 'unavailable']),
  keychainDetail: z.string(),
  unlocked: z.boolean(),
  keyMode: keyModeSchema.nullable(),
  schemaVersion: z.number().int().nullable(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/**
 * A new passphrase. In passphrase mode only Argon2id protects a copied vault file against an
 * offline guessing attack, so a new passphrase needs at least 12 characters, as core requires.
 */
export const newPassphraseSchema = z
  .string()
  .min(12, 'passphrase must be at least 12 characters')
  .max(1024, 'passphrase must be at most 1024 characters');

export const createVaultInputSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('keychain') }),
  z.strictObject({ mode: z.literal('passphrase'), passphrase: newPassphraseSchema }),
]);
export type CreateVaultInput = z.input<typeof createVaultInputSchema>;

export const vaultChannels = {
  status: channel('vault:status', noInput, sessionStatusSchema),
  /** Returns the recovery key: the only time it crosses IPC, and it is never stored. */
  create: channel(
    'vault:create',
    createVaultInputSchema,
    z.object({ recoveryKey: z.string(), keyMode: keyModeSchema }),
  ),
  unlockKeychain: channel('vault:unlockKeychain', noInput, sessionStatusSchema),
  unlockRecoveryKey: channel(
    'vault:unlockRecoveryKey',
    z.strictObject({
      recoveryKey: z.string().trim().min(1, 'recovery key is required').max(200),
    }),
    sessionStatusSchema,
  ),
  unlockPassphrase: channel(
    'vault:unlockPassphrase',
    z.strictObject({
      passphrase: z.string().min(1, 'passphrase is required').max(1024),
    }),
    sessionStatusSchema,
  ),
  lock: channel('vault:lock', noInput, sessionStatusSchema),
};
