import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  exportClassificationMapFile,
  exportRecordOfProcessingFile,
} from '../../core/app/classification-map.js';
import { scanSqlite, type SqliteScanResult } from '../../core/importers/sqlite-scan.js';
import type { ComplianceServices } from '../../core/services.js';
import type { Vault } from '../../core/vault/vault.js';
import { CHINOOK } from '../helpers/chinook.js';
import { catchInvalidInput } from '../helpers/invalid-input.js';
import { openPassphraseVault, type TempVaultContext } from '../helpers/temp-vault.js';
import { readRawXlsx } from '../helpers/xlsx-raw-reader.js';

const ACTOR = 'intake-test';

const INVENTORY = Buffer.from(
  [
    'Application;Column name;Sensitivity;Confidence',
    'CRM;email;confidential;0,85',
    'CRM;phone;bogus;',
    'CRM;notes;internal;1,5',
    'CRM;iban;restricted;',
  ].join('\r\n'),
);

describe('classification import', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeAll(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
  });

  afterAll(() => {
    vault.close();
    context.cleanup();
  });

  it('previews without storing anything', () => {
    const auditBefore = vault.audit.count();

    const preview = services.classificationImports.preview('inventory.csv', INVENTORY);

    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      rowCount: 4,
      validCount: 2,
      errorCount: 2,
      problem: null,
    });
    expect(preview.errors.map((error) => error.line)).toEqual([3, 4]);
    expect(services.classification.list().total).toBe(0);
    expect(vault.audit.count()).toBe(auditBefore);
  });

  it('stores nothing in all-or-nothing mode', () => {
    const auditBefore = vault.audit.count();

    const error = catchInvalidInput(() =>
      services.classificationImports.commit('inventory.csv', INVENTORY, { mode: 'all-or-nothing' }),
    );

    expect(error.message).toMatch(
      /^inventory\.csv, line 3: 2 of 4 rows are invalid, so nothing was stored \(mode all-or-nothing\): line 3: level "bogus"/,
    );
    expect(error.message).toContain('line 4: confidence "1,5" is outside 0 to 1');
    expect(services.classification.list().total).toBe(0);
    expect(vault.audit.count()).toBe(auditBefore);
  });

  it('stores the valid rows in valid-rows mode', () => {
    const result = services.classificationImports.commit('inventory.csv', INVENTORY, {
      mode: 'valid-rows',
    });

    expect(result).toMatchObject({ mode: 'valid-rows', records: 2, rejected: 2, inserted: 2 });
    expect(
      services.classification.list({ sortBy: 'field' }).rows.map((entry) => entry.field),
    ).toEqual(['email', 'iban']);
    const importEntry = [...vault.audit.entries()].at(-1);
    expect(importEntry?.after).toMatchObject({
      origin: 'inventory.csv',
      mode: 'valid-rows',
      rejected: 2,
      rejectedLines: [3, 4],
    });
  });

  it('saves a mapping and imports with it by name', () => {
    services.classificationImports.saveMapping('crm', {
      columns: { Spalte: 'field', Stufe: 'level' },
      defaults: { system: 'CRM', dataset: 'leads', purpose: 'Sales' },
    });
    const bytes = Buffer.from('Spalte,Stufe\nlead_email,confidential\n');

    const preview = services.classificationImports.preview('leads.csv', bytes, { mapping: 'crm' });
    const result = services.classificationImports.commit('leads.csv', bytes, {
      mapping: 'crm',
      mode: 'all-or-nothing',
    });

    expect(preview.mapping).toEqual({ Spalte: 'field', Stufe: 'level' });
    expect(result.inserted).toBe(1);
    expect(services.classification.list({ search: 'lead_email' }).rows[0]).toMatchObject({
      system: 'CRM',
      dataset: 'leads',
      purpose: 'Sales',
    });
    expect(services.classificationImports.listMappings().map((mapping) => mapping.name)).toEqual([
      'crm',
    ]);
  });

  it('names the saved mappings when one is missing', () => {
    expect(() =>
      services.classificationImports.preview('x.csv', INVENTORY, { mapping: 'nope' }),
    ).toThrow('No saved mapping named "nope". Saved: crm.');
  });

  it('deletes a mapping with an audit entry', () => {
    services.classificationImports.deleteMapping('crm');

    expect(services.classificationImports.listMappings()).toEqual([]);
    expect([...vault.audit.entries()].at(-1)?.action).toBe('classification.mapping.delete');
  });
});

describe('review queue', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;
  let scan: SqliteScanResult;

  beforeAll(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
    scan = scanSqlite(CHINOOK);
  });

  afterAll(() => {
    vault.close();
    context.cleanup();
  });

  it('queues every proposal of a first scan', () => {
    const recorded = services.classificationReview.recordScan({
      kind: 'sqlite',
      file: CHINOOK,
      system: 'Chinook',
      result: scan,
    });

    expect(recorded.queued).toBe(scan.columns.length);
    expect(recorded.diff.previousRunId).toBeNull();
    expect(recorded.diff.added).toHaveLength(scan.columns.length);
    expect(recorded.run).toMatchObject({ system: 'Chinook', personalFields: 33, pending: 64 });
    expect(services.classification.list().total).toBe(0);
  });

  it('stores no sampled value', () => {
    const stored = JSON.stringify(vault.db.prepare('SELECT * FROM scan_proposals').all());

    expect(stored).not.toContain('luisg@embraer.com.br');
    expect(stored).toContain('l****@e****.br');
  });

  it('accepts a proposal as an entry, with changes', () => {
    const email = findPending(services, 'Customer', 'Email');

    const { proposal, entry } = services.classificationReview.accept(email.id, {
      level: 'SENSITIVE',
      purpose: 'Invoicing',
    });

    expect(proposal).toMatchObject({ status: 'accepted', entryId: entry.id, decidedBy: ACTOR });
    expect(entry).toMatchObject({
      system: 'Chinook',
      dataset: 'Customer',
      field: 'Email',
      level: 'SENSITIVE',
      category: 'email',
      purpose: 'Invoicing',
      source: 'scan',
      proposed: false,
    });
    expect(services.systems.getDataset(entry.datasetId).kind).toBe('table');
  });

  it('rejects a proposal and refuses a second decision', () => {
    const title = findPending(services, 'Album', 'Title');

    expect(services.classificationReview.reject(title.id).status).toBe('rejected');
    expect(() => services.classificationReview.reject(title.id)).toThrow(
      /is rejected, not pending/,
    );
  });

  it('shows what a re-scan found new, removed or changed', () => {
    const changedScan: SqliteScanResult = {
      ...scan,
      columns: [
        ...scan.columns
          .filter((column) => !(column.table === 'Invoice' && column.column === 'Total'))
          .map((column) =>
            column.table === 'Track' && column.column === 'Composer'
              ? {
                  ...column,
                  personalData: true,
                  category: 'name' as const,
                  level: 'CONFIDENTIAL' as const,
                }
              : column,
          ),
        { ...scan.columns[0]!, table: 'Customer', column: 'Loyalty' },
      ],
    };

    const recorded = services.classificationReview.recordScan({
      kind: 'sqlite',
      file: CHINOOK,
      system: 'Chinook',
      result: changedScan,
    });

    expect(recorded.diff.added.map((field) => `${field.dataset}.${field.field}`)).toEqual([
      'Customer.Loyalty',
    ]);
    expect(recorded.diff.removed.map((field) => `${field.dataset}.${field.field}`)).toEqual([
      'Invoice.Total',
    ]);
    expect(recorded.diff.changed).toEqual([
      expect.objectContaining({
        after: expect.objectContaining({ dataset: 'Track', field: 'Composer' }),
        changes: ['personalData', 'category', 'level'],
      }),
    ]);
    expect(recorded.diff.unchanged).toBe(62);
  });

  it('carries decisions over and supersedes the old queue', () => {
    const runs = services.classificationReview.listRuns();
    const [latest, first] = runs;

    expect(first?.pending).toBe(0);
    // 64 fields, minus the two already decided, which stay out of the queue.
    expect(latest?.pending).toBe(62);
    const unchanged = services.classificationReview.listProposals({
      runId: latest!.id,
      status: 'unchanged',
    });
    expect(unchanged.rows.map((row) => `${row.dataset}.${row.field}`).sort()).toEqual([
      'Album.Title',
      'Customer.Email',
    ]);
    expect(unchanged.rows.find((row) => row.field === 'Email')?.existingLevel).toBe('SENSITIVE');
  });

  it('refuses to accept a superseded proposal', () => {
    const first = services.classificationReview.listRuns().at(-1)!;
    const old = services.classificationReview.listProposals({
      runId: first.id,
      status: 'superseded',
    }).rows[0]!;

    expect(() => services.classificationReview.accept(old.id)).toThrow(
      /is superseded, not pending.*Review the proposal of the latest scan instead/,
    );
  });
});

function findPending(services: ComplianceServices, dataset: string, field: string) {
  const proposal = services.classificationReview
    .listProposals({ status: 'pending', limit: 1000 })
    .rows.find((row) => row.dataset === dataset && row.field === field);
  if (proposal === undefined) throw new Error(`no pending proposal for ${dataset}.${field}`);
  return proposal;
}

describe('map and record exports', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeAll(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
    services.classification.importEntries(
      [
        {
          system: '=HYPERLINK("http://x")',
          dataset: 'contacts',
          field: '-2+3',
          level: 'CONFIDENTIAL',
          personalData: true,
          category: 'email',
          description: 'Ask jane.doe@example.com, "now"\nor later',
          owner: '@owner',
          purpose: 'Customer care',
        },
        { system: 'HR', dataset: 'staff', field: 'name', level: 'INTERNAL' },
      ],
      'seed',
    );
  });

  afterAll(() => {
    vault.close();
    context.cleanup();
  });

  it('writes a formula-safe, masked CSV', async () => {
    const out = join(context.directory, 'map.csv');

    const result = await exportClassificationMapFile(services, out);
    const text = readFileSync(out, 'utf8');

    expect(result).toMatchObject({ rows: 2, masked: true });
    expect(text.startsWith('\uFEFFSystem,Dataset,Field,Level')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")",contacts,'-2+3,CONFIDENTIAL`);
    expect(text).toContain(`"Ask j***@e***.com, ""now""\nor later",'@owner`);
    expect(text).not.toContain('jane.doe');
    expect([...vault.audit.entries()].at(-1)).toMatchObject({
      action: 'classification.export',
      after: { file: 'map.csv', format: 'csv', rows: 2, masked: true },
    });
  });

  it('writes unmasked only on request, and records it', async () => {
    const out = join(context.directory, 'unmasked.csv');

    await exportClassificationMapFile(services, out, { unmasked: true });

    expect(readFileSync(out, 'utf8')).toContain('jane.doe@example.com');
    expect([...vault.audit.entries()].at(-1)?.action).toBe('classification.export_unmasked');
  });

  it('writes a filtered XLSX without formulas', async () => {
    const out = join(context.directory, 'map.xlsx');

    const result = await exportClassificationMapFile(services, out, { query: { system: 'HR' } });
    const [sheet] = await readRawXlsx(out);

    expect(result.rows).toBe(1);
    expect(sheet?.name).toBe('Data Map');
    expect(sheet?.rows[1]?.slice(0, 3).map((cell) => cell.value)).toEqual(['HR', 'staff', 'name']);
    expect(sheet?.xml).not.toMatch(/<f[\s>/]/);
  });

  it('rejects an unknown export extension', async () => {
    await expect(
      exportClassificationMapFile(services, join(context.directory, 'map.json')),
    ).rejects.toThrow(/must end in \.xlsx or \.csv/);
  });

  it('writes the Art. 30 record workbook', async () => {
    const out = join(context.directory, 'ropa.xlsx');
    services.recordOfProcessing.setController({
      name: 'Example GmbH',
      dpo: 'jane.doe@example.com',
    });

    const result = await exportRecordOfProcessingFile(services, out);
    const sheets = await readRawXlsx(out);

    expect(result.rows).toBe(1);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Controller', 'Art. 30 Record']);
    const record = sheets[1]!;
    expect(record.rows[1]?.[0]?.value).toBe(`'=HYPERLINK("http://x")`);
    expect(record.rows[1]?.[1]?.value).toBe('Example GmbH; DPO: j***@e***.com');
    expect([...vault.audit.entries()].at(-1)?.action).toBe('ropa.export');
  });
});
