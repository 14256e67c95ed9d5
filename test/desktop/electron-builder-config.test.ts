import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

// electron-builder's own validation, schema included; it is not a public entry point, so it is
// loaded by path. A version that moves it fails this test loudly rather than skipping the check.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

const config = parse(readFileSync(`${root}electron-builder.yml`, 'utf8')) as Record<
  string,
  unknown
>;

describe('electron-builder.yml', () => {
  it('passes electron-builder validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('fails validation with an unknown option', async () => {
    await expect(
      validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false)),
    ).rejects.toThrow(/notAnOption/);
  });

  it('names the product and the app id', () => {
    expect(config.productName).toBe('Synapse Compliance Console');
    expect(config.appId).toBe('com.synapse.compliance-console');
  });

  it('unpacks the native modules from the archive', () => {
    expect(config.asarUnpack).toEqual([
      'node_modules/better-sqlite3-multiple-ciphers/**',
      'node_modules/@napi-rs/keyring*/**',
      'node_modules/@node-rs/argon2*/**',
    ]);
  });

  it('targets Linux, macOS and Windows', () => {
    expect(config).toHaveProperty('linux.target');
    expect(config).toHaveProperty('mac.target');
    expect(config).toHaveProperty('win.target');
  });

  it('points at resources that exist', () => {
    for (const path of ['build/icon.png', 'build/icon.svg', 'build/entitlements.mac.plist']) {
      expect(existsSync(`${root}${path}`), path).toBe(true);
    }
  });
});
