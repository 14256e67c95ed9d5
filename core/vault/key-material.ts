import { createHash, randomBytes } from 'node:crypto';

import { hashRaw } from '@node-rs/argon2';

import { SynapseError } from '../../shared/errors.js';

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

/**
 * Argon2id cost for passphrase mode. The parameters are part of the vault format: changing them
 * makes existing passphrase-mode vaults unreadable, so a new cost needs a new format version.
 */
export const PASSPHRASE_KDF = {
  algorithm: 2, // Algorithm.Argon2id in @node-rs/argon2
  memoryCost: 65536, // KiB, so 64 MiB
  timeCost: 3,
  parallelism: 1,
  outputLen: KEY_BYTES,
} as const;

export function generateVaultKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function generateSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

/**
 * Builds the SQLCipher raw-key form x'<key hex>[<salt hex>]'. It is handed to sqlite3_key as
 * bytes, so no key material ever appears in SQL text.
 */
export function rawKeyMaterial(key: Buffer, salt?: Buffer): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new SynapseError('INTERNAL', `A vault key must be ${KEY_BYTES} bytes.`);
  }

  const saltHex = salt === undefined ? '' : salt.toString('hex');
  return Buffer.from(`x'${key.toString('hex')}${saltHex}'`, 'ascii');
}

/** Derives the vault key from a passphrase with Argon2id; the salt is the vault file's own. */
export async function deriveKeyFromPassphrase(passphrase: string, salt: Buffer): Promise<Buffer> {
  if (passphrase.length === 0) {
    throw new SynapseError('INVALID_INPUT', 'The passphrase is empty. Enter a passphrase.');
  }

  const derived = await hashRaw(passphrase.normalize('NFC'), {
    ...PASSPHRASE_KDF,
    salt,
  });
  return Buffer.from(derived);
}

// Crockford's base32: no I, L, O or U, so a key copied by hand survives common misreadings.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECKSUM_BYTES = 2;
const GROUP = 5;

/** Encodes a vault key as a recovery key: Crockford base32 with a checksum, in groups of five. */
export function encodeRecoveryKey(key: Buffer): string {
  const checksum = createHash('sha256').update(key).digest().subarray(0, CHECKSUM_BYTES);
  const payload = Buffer.concat([key, checksum]);

  let bits = 0;
  let value = 0;
  let encoded = '';
  for (const byte of payload) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      encoded += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) encoded += ALPHABET[(value << (5 - bits)) & 31];

  const groups = encoded.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? [];
  return groups.join('-');
}

const RECOVERY_KEY_HINT =
  'Enter the recovery key exactly as it was shown when the vault was created (groups of five ' +
  'letters and digits separated by dashes).';

/** Decodes a recovery key, tolerating case, spaces and the usual I/L/O look-alikes. */
export function decodeRecoveryKey(text: string): Buffer {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  const expectedLength = Math.ceil(((KEY_BYTES + CHECKSUM_BYTES) * 8) / 5);
  if (cleaned.length !== expectedLength) {
    throw new SynapseError(
      'INVALID_INPUT',
      `The recovery key has ${cleaned.length} letters and digits (dashes and spaces not counted), ` +
        `not ${expectedLength}. ${RECOVERY_KEY_HINT}`,
    );
  }

  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of cleaned) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) {
      throw new SynapseError(
        'INVALID_INPUT',
        `The recovery key contains "${char}", which is not a recovery key character. ${RECOVERY_KEY_HINT}`,
      );
    }
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }

  const payload = Buffer.from(bytes.slice(0, KEY_BYTES + CHECKSUM_BYTES));
  const key = payload.subarray(0, KEY_BYTES);
  const checksum = createHash('sha256').update(key).digest().subarray(0, CHECKSUM_BYTES);
  if (!checksum.equals(payload.subarray(KEY_BYTES))) {
    throw new SynapseError(
      'INVALID_INPUT',
      `The recovery key's checksum does not match, so a character is wrong. ${RECOVERY_KEY_HINT}`,
    );
  }
  return Buffer.from(key);
}
