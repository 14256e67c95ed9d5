import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHINOOK } from '../helpers/chinook.js';
import { runCli } from '../helpers/run-cli.js';
import { tempVaultContext, type TempVaultContext } from '../helpers/temp-vault.js';
import { readRawXlsx } from '../helpers/xlsx-raw-reader.js';

// Passphrase mode keeps this suite independent of the keychain.
const PASSPHRASE = 'cli classification passphrase';

describe('command line classification map', () => {
  let context: TempVaultContext;
  let cli: (...args: string[]) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    context = tempVaultContext();
    cli = (...args) =>
      runCli(['--vault', context.vaultPath, '--json', ...args], {
        env: { SYNAPSE_PASSPHRASE: PASSPHRASE },
      });
    expect(cli('init', '--passphrase-mode').status).toBe(0);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Fields');
    sheet.addRow(['Anwendung', 'Tabelle', 'Spalte', 'Stufe', 'Zweck', 'Kategorie']);
    sheet.addRow(['CRM', 'contacts', 'email', 'confidential', 'Customer care', 'email']);
    sheet.addRow(['CRM', 'contacts', 'phone', 'bogus', '', 'phone']);
    sheet.addRow(['CRM', 'contacts', 'diagnosis', 'sensitive', 'Support', 'medical']);
    await workbook.xlsx.writeFile(join(context.directory, 'inventory.xlsx'));
    writeFileSync(
      join(context.directory, 'mapping.json'),
      JSON.stringify({
        columns: {
          Anwendung: 'system',
          Tabelle: 'dataset',
          Spalte: 'field',
          Stufe: 'level',
          Zweck: 'purpose',
          Kategorie: 'category',
        },
      }),
    );
  });

  afterAll(() => {
    context.cleanup();
  });

  it('imports the valid rows of an XLSX with a saved mapping', () => {
    const saved = cli('mapping', 'save', 'german', join(context.directory, 'mapping.json'));
    const all = cli(
      'import',
      'classification',
      '--format',
      'xlsx',
      '--mapping',
      'german',
      join(context.directory, 'inventory.xlsx'),
    );
    const valid = cli(
      'import',
      'classification',
      '--format',
      'xlsx',
      '--mapping',
      'german',
      '--mode',
      'valid',
      join(context.directory, 'inventory.xlsx'),
    );

    expect(saved.status).toBe(0);
    expect(all.status).toBe(2);
    expect(all.json?.error?.message).toMatch(/1 of 3 rows are invalid, so nothing was stored/);
    expect(valid.status).toBe(0);
    expect(valid.json?.value.files[0]).toMatchObject({ records: 2, rejected: 1, inserted: 2 });
    expect(valid.json?.value.files[0].errors[0].line).toBe(3);
  });

  it('lists fields by policy rule', () => {
    const result = cli('classification', 'list', '--finding', 'special_category_condition_missing');

    expect(result.status).toBe(0);
    expect(result.json?.value.rows.map((row: { field: string }) => row.field)).toEqual([
      'diagnosis',
    ]);
  });

  it('prints the policy findings with counts', () => {
    const result = cli('findings', '--rule', 'encryption_missing');

    expect(result.status).toBe(0);
    expect(result.json?.value.counts.encryption_missing).toBe(1);
    expect(result.json?.value.findings.rows[0]).toMatchObject({
      rule: 'encryption_missing',
      field: 'diagnosis',
    });
  });

  it('scans a CSV file into the review queue and accepts a proposal', () => {
    const csv = join(context.directory, 'patients.csv');
    writeFileSync(csv, 'patient_id,email,notes\n1,ann@example.org,call +44 20 7946 0958 first\n');

    const scan = cli('scan', 'csv', csv, '--apply', '--system', 'Clinic');
    const pending = cli('review', 'list', '--run', String(scan.json?.value.recorded.run.id));
    const email = pending.json?.value.rows.find((row: { field: string }) => row.field === 'email');
    const accepted = cli('review', 'accept', String(email.id), '--purpose', 'Appointments');

    expect(scan.status).toBe(0);
    expect(scan.stdout).not.toContain('ann@example.org');
    expect(pending.json?.value.total).toBe(3);
    expect(accepted.status).toBe(0);
    expect(accepted.json?.value[0].entry).toMatchObject({
      system: 'Clinic',
      dataset: 'patients',
      field: 'email',
      purpose: 'Appointments',
    });
  });

  it('scans an XLSX file without storing it', async () => {
    const file = join(context.directory, 'inventory.xlsx');

    const result = cli('scan', 'xlsx', file);

    expect(result.status).toBe(0);
    expect(result.json?.value.recorded).toBeNull();
    expect(result.json?.value.tables).toBe(1);
  });

  it('rebuilds the map at a date and diffs two dates', () => {
    const asOf = cli('map', 'as-of', '2999-01-01');
    const diff = cli('map', 'diff', '2000-01-01', '2999-01-01');

    expect(asOf.json?.value.fields).toHaveLength(3);
    expect(diff.json?.value.added).toHaveLength(3);
  });

  it('replaces the scale with a remap', () => {
    const file = join(context.directory, 'scale.json');
    writeFileSync(
      file,
      JSON.stringify({
        levels: [
          { name: 'PUBLIC', color: '#2E6B30' },
          { name: 'INTERNAL', color: '#3D5A80' },
          { name: 'RESTRICTED', color: '#A65300', requiresEncryption: true },
        ],
      }),
    );

    const refused = cli('scale', 'set', file);
    const set = cli(
      'scale',
      'set',
      file,
      '--remap',
      'CONFIDENTIAL=RESTRICTED',
      'SENSITIVE=RESTRICTED',
      'TOP_SECRET=RESTRICTED',
    );
    const shown = cli('scale', 'show');

    expect(refused.status).toBe(2);
    expect(refused.json?.error?.message).toMatch(/Entries use levels the new scale drops/);
    expect(set.status).toBe(0);
    expect(set.json?.value.remapped).toHaveLength(2);
    expect(shown.json?.value.levels.map((level: { name: string }) => level.name)).toEqual([
      'PUBLIC',
      'INTERNAL',
      'RESTRICTED',
    ]);
  });

  it('exports the map and the Art. 30 record', async () => {
    const map = join(context.directory, 'map.csv');
    const ropa = join(context.directory, 'ropa.xlsx');

    const exported = cli('classification', 'export', '--out', map);
    const controller = cli('ropa', 'controller', '--name', 'Example GmbH');
    const record = cli('ropa', 'export', '--out', ropa, '--by', 'purpose');
    const verify = cli('audit', 'verify');

    expect(exported.json?.value.rows).toBe(3);
    expect(readFileSync(map, 'utf8')).toContain('RESTRICTED');
    expect(controller.json?.value.name).toBe('Example GmbH');
    expect(record.json?.value.rows).toBe(3);
    expect((await readRawXlsx(ropa)).map((sheet) => sheet.name)).toEqual([
      'Controller',
      'Art. 30 Record',
    ]);
    expect(verify.json?.value.ok).toBe(true);
  });

  it('scans a SQLite database', () => {
    const result = cli('scan', 'sqlite', CHINOOK);

    expect(result.status).toBe(0);
    expect(result.json?.value.kind).toBe('sqlite');
  });
});
