import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixturePath } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { tempVaultContext, type TempVaultContext } from '../helpers/temp-vault.js';

// Passphrase mode keeps this suite independent of the keychain.
const PASSPHRASE = 'cli input checks passphrase';

describe('command line input checks', () => {
  let context: TempVaultContext;
  let cli: (...args: string[]) => ReturnType<typeof runCli>;
  const file = (name: string) => join(context.directory, name);
  const fieldCount = () => cli('classification', 'list').json?.value.total as number;

  beforeAll(() => {
    context = tempVaultContext();
    cli = (...args) =>
      runCli(['--vault', context.vaultPath, '--json', ...args], {
        env: { SYNAPSE_PASSPHRASE: PASSPHRASE },
      });
    expect(cli('init', '--passphrase-mode').status).toBe(0);

    const inventory = readFileSync(fixturePath('own/csv/hr-inventory-bom-semicolon.csv'));
    writeFileSync(file('trunc.csv'), inventory.subarray(0, 150));
    copyFileSync(fixturePath('own/csv/hr-inventory-bom-semicolon.csv'), file('good.csv'));
    writeFileSync(file('bad.csv'), 'system,dataset,field,level\nS,t,email,internal\nS,t,phone\n');
    writeFileSync(file('empty-scale.json'), '{}');
  });

  afterAll(() => {
    context.cleanup();
  });

  it('rejects a truncated CSV', () => {
    const result = cli('import', 'classification', '--format', 'csv', file('trunc.csv'));

    expect(result.status).toBe(2);
    expect(result.json?.error?.message).toMatch(
      /trunc\.csv, line 2: .*line 2 has 3 fields, the header has 9: the file may be truncated/,
    );
    expect(fieldCount()).toBe(0);
  });

  it('stores no file when one of them is invalid', () => {
    const both = cli(
      'import',
      'classification',
      '--format',
      'csv',
      file('good.csv'),
      file('bad.csv'),
    );

    expect(both.status).toBe(2);
    expect(both.json?.error?.message).toMatch(/^\S*bad\.csv, line 3: /);
    expect(fieldCount()).toBe(0);
  });

  it('stores several valid files', () => {
    writeFileSync(file('more.csv'), 'system,dataset,field,level\nOther,t,email,internal\n');
    const both = cli(
      'import',
      'classification',
      '--format',
      'csv',
      file('good.csv'),
      file('more.csv'),
    );

    expect(both.status).toBe(0);
    expect(both.json?.value.files).toHaveLength(2);
    expect(fieldCount()).toBe(
      (both.json?.value.files as { records: number }[]).reduce((sum, f) => sum + f.records, 0),
    );
  });

  it.each([
    ['map as-of', ['map', 'as-of', '2026-02-30'], '2026-02-30'],
    ['map as-of month 13', ['map', 'as-of', '2026-13-01'], '2026-13-01'],
    ['map diff', ['map', 'diff', '2026-01-01', '2026-04-31'], '2026-04-31'],
    ['findings --as-of', ['findings', '--as-of', '2026-02-30'], '2026-02-30'],
  ])('rejects an impossible date in %s', (_name, args, date) => {
    const result = cli(...args);

    expect(result.status).toBe(2);
    expect(result.json?.error?.code).toBe('INVALID_INPUT');
    expect(result.json?.error?.message).toContain(
      `"${date}" is not a calendar date; write YYYY-MM-DD`,
    );
    expect(result.json?.error?.message).not.toMatch(/regex|Zod/i);
  });

  it('rejects an impossible timestamp in map as-of', () => {
    const result = cli('map', 'as-of', '2026-02-30T10:00:00Z');

    expect(result.status).toBe(2);
    expect(result.json?.error?.message).toContain('"2026-02-30T10:00:00Z" is not a calendar date');
  });

  it('explains a scale file without levels', () => {
    const result = cli('scale', 'set', file('empty-scale.json'));

    expect(result.status).toBe(2);
    expect(result.json?.error?.message).toMatch(/must contain a "levels" array/);
    expect(result.json?.error?.message).toContain('for example {"levels": [{"name": "PUBLIC"');
    expect(result.json?.error?.message).not.toContain('received undefined');
  });
});
