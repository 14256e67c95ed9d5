import { describe, expect, it } from 'vitest';

import {
  decodeRecoveryKey,
  deriveKeyFromPassphrase,
  encodeRecoveryKey,
  generateSalt,
  generateVaultKey,
  rawKeyMaterial,
} from './key-material.js';

describe('recovery key', () => {
  it('round-trips random keys', () => {
    for (let i = 0; i < 50; i++) {
      const key = generateVaultKey();
      const encoded = encodeRecoveryKey(key);
      expect(encoded).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/);
      expect(decodeRecoveryKey(encoded).equals(key)).toBe(true);
    }
  });

  it('tolerates case, spaces and look-alikes', () => {
    const key = Buffer.alloc(32, 0x00);
    const encoded = encodeRecoveryKey(key);
    const sloppy = encoded.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(decodeRecoveryKey(sloppy).equals(key)).toBe(true);
  });

  it('rejects a changed character', () => {
    const encoded = encodeRecoveryKey(generateVaultKey());
    const first = encoded[0] === 'A' ? 'B' : 'A';
    expect(() => decodeRecoveryKey(first + encoded.slice(1))).toThrow(/checksum does not match/);
  });

  it('rejects a short key', () => {
    expect(() => decodeRecoveryKey('ABCDE-FGHJK')).toThrow(
      /has 10 letters and digits \(dashes and spaces not counted\), not 55/,
    );
  });

  it('rejects a foreign character', () => {
    const encoded = encodeRecoveryKey(generateVaultKey());
    expect(() => decodeRecoveryKey('U' + encoded.slice(1))).toThrow(/contains "U"/);
  });
});

describe('raw key material', () => {
  it('formats key and salt as SQLCipher raw key', () => {
    const key = Buffer.alloc(32, 0xab);
    const salt = Buffer.alloc(16, 0x01);
    expect(rawKeyMaterial(key).toString()).toBe(`x'${'ab'.repeat(32)}'`);
    expect(rawKeyMaterial(key, salt).toString()).toBe(`x'${'ab'.repeat(32)}${'01'.repeat(16)}'`);
  });

  it('rejects a key of the wrong length', () => {
    expect(() => rawKeyMaterial(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('passphrase derivation', () => {
  it('derives the same key from the same passphrase and salt', async () => {
    const salt = generateSalt();
    const passphrase = `O'Brien"; DROP TABLE x; -- Grüße ✓`;
    const first = await deriveKeyFromPassphrase(passphrase, salt);
    const second = await deriveKeyFromPassphrase(passphrase, salt);
    expect(first.length).toBe(32);
    expect(first.equals(second)).toBe(true);
  });

  it('derives different keys for different salts', async () => {
    const first = await deriveKeyFromPassphrase('correct horse', generateSalt());
    const second = await deriveKeyFromPassphrase('correct horse', generateSalt());
    expect(first.equals(second)).toBe(false);
  });

  it('rejects an empty passphrase', async () => {
    await expect(deriveKeyFromPassphrase('', generateSalt())).rejects.toThrow(/empty/);
  });
});
