// Imports the real public files that are not committed (VERIS incidents, SARIF logs, data
// dictionaries) through the command line into a real vault, then reads the report back. Runs
// when SYNAPSE_REAL_FIXTURES, by default ../shared/fixtures/real beside the repository, exists.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { tempVaultContext, type TempVaultContext } from '../helpers/temp-vault.js';
import { readRawXlsx } from '../helpers/xlsx-raw-reader.js';

const REAL_ROOT =
  process.env.SYNAPSE_REAL_FIXTURES ?? path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'real');
const available = existsSync(REAL_ROOT);

if (!available) {
  console.log(`real-data vault suite skipped: ${REAL_ROOT} does not exist`);
}

function filesIn(folder: string, pattern: RegExp): string[] {
  const directory = path.join(REAL_ROOT, folder);
  return readdirSync(directory)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(directory, name));
}

describe.skipIf(!available)('real files into a vault', () => {
  let context: TempVaultContext;
  const cli = (...args: string[]) =>
    runCli(['--vault', context.vaultPath, '--json', ...args], {
      env: { SYNAPSE_PASSPHRASE: 'real data passphrase' },
    });

  beforeAll(() => {
    context = tempVaultContext();
    expect(cli('init', '--passphrase-mode').status).toBe(0);
  });

  afterAll(() => {
    context.cleanup();
  });

  it('imports every VCDB incident once', () => {
    const files = filesIn('vcdb', /\.json$/i);

    const first = cli('import', 'incidents', '--format', 'veris', ...files);
    const again = cli('import', 'incidents', '--format', 'veris', ...files);

    expect(files).toHaveLength(20);
    expect(first.status).toBe(0);
    expect(
      first.json?.value.files.reduce(
        (sum: number, file: { inserted: number }) => sum + file.inserted,
        0,
      ),
    ).toBe(20);
    expect(
      again.json?.value.files.every((file: { unchanged: number }) => file.unchanged === 1),
    ).toBe(true);
  });

  it('imports every SARIF log', () => {
    const result = cli(
      'import',
      'findings',
      '--format',
      'sarif',
      ...filesIn('sarif', /\.(sarif|json)$/),
    );

    expect(result.status).toBe(0);
    expect(result.json?.value.files).toHaveLength(3);
  });

  it('imports both data dictionaries', () => {
    const result = cli(
      'import',
      'classification',
      '--format',
      'csv',
      ...filesIn('inventory', /\.csv$/),
    );

    expect(result.status).toBe(0);
    expect(result.json?.value.files[0].inserted).toBe(63);
  });

  it('reports the real records', async () => {
    const out = path.join(context.directory, 'real.xlsx');

    const report = cli('report', '--out', out);
    const sheets = await readRawXlsx(out);
    const incidents = sheets.find((sheet) => sheet.name === 'Incidents');

    expect(report.status).toBe(0);
    expect(report.json?.value.rows.Incidents).toBe(20);
    expect((incidents?.rows.length ?? 0) - 1).toBe(20);
    expect(cli('audit', 'verify').json?.value.ok).toBe(true);
  });
});
