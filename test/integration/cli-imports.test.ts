import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixturePath } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { tempVaultContext, type TempVaultContext } from '../helpers/temp-vault.js';
import { readRawXlsx } from '../helpers/xlsx-raw-reader.js';

// Passphrase mode keeps this suite independent of the keychain; the keychain paths of the same
// commands are covered in cli.test.ts.
const PASSPHRASE = 'cli imports passphrase';

describe('command line imports, scan and report', () => {
  let context: TempVaultContext;
  let cli: (...args: string[]) => ReturnType<typeof runCli>;

  beforeAll(() => {
    context = tempVaultContext();
    cli = (...args) =>
      runCli(['--vault', context.vaultPath, '--json', ...args], {
        env: { SYNAPSE_PASSPHRASE: PASSPHRASE },
      });
    expect(cli('init', '--passphrase-mode').status).toBe(0);
  });

  afterAll(() => {
    context.cleanup();
  });

  it('imports VERIS incidents', () => {
    const result = cli(
      'import',
      'incidents',
      '--format',
      'veris',
      fixturePath('own/veris/lost-laptop.json'),
      fixturePath('own/veris/misdelivery-and-defacement.json'),
    );

    expect(result.status).toBe(0);
    expect(result.json?.value.files.map((file: { inserted: number }) => file.inserted)).toEqual([
      1, 2,
    ]);
  });

  it.each([
    ['sarif', 'own/sarif/webapp-scan.sarif'],
    ['sarif', 'real/sarif/semgrep_e2e_sarif.json'],
    ['scorecard', 'real/scorecard/scorecard-webapp_testdata_scorecard-results.json'],
    ['npm-audit', 'real/scanners/npm-audit-v2_defectdojo_many_vulns.json'],
    ['bandit', 'real/scanners/bandit-json_defectdojo_one_vuln.json'],
  ])('imports %s findings from %s', (format, file) => {
    const result = cli('import', 'findings', '--format', format, fixturePath(file));

    expect(result.status).toBe(0);
    expect(result.json?.value.files[0].records).toBeGreaterThan(0);
  });

  it('imports a CSV inventory with a mapping', () => {
    const result = cli(
      'import',
      'classification',
      '--format',
      'csv',
      '--mapping',
      fixturePath('own/csv/crm-mapping.json'),
      fixturePath('own/csv/crm-inventory-cp1252.csv'),
    );

    expect(result.status).toBe(0);
    expect(result.json?.value.files[0].inserted).toBeGreaterThan(0);
  });

  it('rejects a truncated file and stores nothing', () => {
    const before = cli('status').json?.value.records.counts.incidents;
    const truncated = join(context.directory, 'truncated.json');
    writeFileSync(truncated, '{"incident_id": "x", "timeline": {"incident": {"year": 20');

    const result = cli('import', 'incidents', '--format', 'veris', truncated);

    expect(result.status).toBe(2);
    expect(result.json?.error?.code).toBe('INVALID_INPUT');
    expect(result.json?.error?.message).toContain('truncated.json');
    expect(result.json?.error?.message).toMatch(/line 1/);
    expect(cli('status').json?.value.records.counts.incidents).toBe(before);
  });

  it('rejects a format that does not fit the kind', () => {
    const result = cli(
      'import',
      'incidents',
      '--format',
      'sarif',
      fixturePath('own/sarif/webapp-scan.sarif'),
    );

    expect(result.status).toBe(1);
    expect(result.json?.error?.message).toContain('Use one of: veris');
  });

  it('rejects a missing file by name', () => {
    const result = cli(
      'import',
      'findings',
      '--format',
      'sarif',
      join(context.directory, 'absent.sarif'),
    );

    expect(result.status).toBe(2);
    expect(result.json?.error?.message).toContain('absent.sarif: file not found');
  });

  it('scans Chinook and queues proposals on apply', () => {
    const chinook = fixturePath('real/chinook/Chinook_Sqlite.sqlite');

    const preview = cli('scan', 'sqlite', chinook);
    const applied = cli('scan', 'sqlite', chinook, '--apply', '--system', 'Chinook');

    expect(preview.status).toBe(0);
    expect(preview.json?.value.recorded).toBeNull();
    const email = preview.json?.value.columns.find(
      (column: { table: string; column: string }) =>
        column.table === 'Customer' && column.column === 'Email',
    );
    expect(email.personalData).toBe(true);
    expect(email.maskedExamples.length).toBeGreaterThan(0);
    expect(preview.stdout).not.toContain('luisg@embraer.com.br');
    expect(applied.json?.value.recorded.queued).toBe(preview.json?.value.columns.length);
  });

  it('writes the report and verifies the audit trail', async () => {
    const out = join(context.directory, 'report.xlsx');

    const report = cli('report', '--out', out);
    const verify = cli('audit', 'verify');

    expect(report.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    const sheets = await readRawXlsx(out);
    expect(sheets.map((sheet) => sheet.name)).toContain('Security Findings');
    expect(verify.status).toBe(0);
    expect(verify.json?.value.ok).toBe(true);
  });

  it('rejects a report path without .xlsx', () => {
    const result = cli('report', '--out', join(context.directory, 'report.csv'));

    expect(result.status).toBe(1);
    expect(result.json?.error?.message).toContain('must end in .xlsx');
  });
});
