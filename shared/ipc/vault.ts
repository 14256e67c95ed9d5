import { z } from 'zod';

import { channel, noInput } from './define.js';

export const keyModeSchema = z.enum(['keychain', 'passphrase']);

/** What the vault file and the keychain look like; known without the key, except schemaVersion. */
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
 * A new passphrase. Passphrase mode keeps the key only in the user's head, so an offline guess
 * against a copied vault file meets Argon2id alone: 12 characters is the floor asked for here.
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
