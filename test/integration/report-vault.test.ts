import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { exportComplianceReport } from '../../core/app/report.js';
import type { ComplianceServices } from '../../core/services.js';
import type { Vault } from '../../core/vault/vault.js';
import { openPassphraseVault, type TempVaultContext } from '../helpers/temp-vault.js';
import { readRawXlsx, type RawSheet } from '../helpers/xlsx-raw-reader.js';

const ACTOR = 'report-test';
const SUBJECT = 'jane.doe@example.com';

function cellTexts(sheet: RawSheet | undefined): string[] {
  return (sheet?.rows ?? []).flat().map((cell) => cell.value ?? '');
}

describe('report from a real vault', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeEach(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
    services.classification.create({
      system: 'CRM',
      dataset: 'contacts',
      field: 'email',
      level: 'CONFIDENTIAL',
      personalData: true,
      description: '=HYPERLINK("http://attacker.invalid","click")',
    });
    services.privacy.add({ type: 'erasure', receivedOn: '2026-11-01', subjectRef: SUBJECT });
    services.privacy.add({ type: 'access', receivedOn: '2026-11-08', subjectRef: 'case-17' });
    services.incidents.add({ title: 'Stolen laptop', severity: 'high', occurredOn: '2026-10' });
    services.findings.importFindings(
      [
        {
          source: 'manual',
          tool: 'review',
          ruleId: 'R1',
          title: '+cmd|calc',
          severity: 'critical',
          fingerprint: 'f1',
        },
      ],
      'manual.json',
    );
  });

  afterEach(() => {
    vault.close();
    context.cleanup();
  });

  it('writes every sheet with vault rows', async () => {
    const out = join(context.directory, 'report.xlsx');

    const result = await exportComplianceReport(services, out, { asOf: '2026-12-04' });
    const sheets = await readRawXlsx(out);

    expect(sheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Data Map',
      'Art. 30 Record',
      'Privacy Requests',
      'Incidents',
      'Security Findings',
      'Audit Trail',
    ]);
    expect(result.rows['Data Map']).toBe(1);
    expect(result.rows['Art. 30 Record']).toBe(1);
    expect(result.rows['Privacy Requests']).toBe(2);
    expect(result.rows['Incidents']).toBe(1);
    expect(result.rows['Security Findings']).toBe(1);
    expect(result.rows['Audit Trail']).toBe(vault.audit.count() - 1);
    expect(sheets.every((sheet) => !sheet.xml.includes('<f>'))).toBe(true);
  });

  it('masks subjects and neutralises formulas', async () => {
    const out = join(context.directory, 'masked.xlsx');

    await exportComplianceReport(services, out, { asOf: '2026-12-04' });
    const sheets = await readRawXlsx(out);
    const allText = sheets.flatMap(cellTexts).join('\n');

    expect(allText).not.toContain(SUBJECT);
    expect(allText).toContain(`'=HYPERLINK("http://attacker.invalid","click")`);
    expect(allText).toContain("'+cmd|calc");
  });

  it('counts overdue requests in the summary', async () => {
    const out = join(context.directory, 'summary.xlsx');

    await exportComplianceReport(services, out, { asOf: '2026-12-04' });
    const summary = (await readRawXlsx(out))[0];
    const rows = (summary?.rows ?? []).map((row) => row.map((cell) => cell.value));
    const overdue = rows.find((row) => String(row[0]).toLowerCase().includes('overdue'));
    const dueSoon = rows.find((row) => String(row[0]).toLowerCase().includes('within 7 days'));

    expect(overdue?.[1]).toBe('1');
    expect(dueSoon?.[1]).toBe('1');
  });

  it('audits masked and unmasked exports', async () => {
    await exportComplianceReport(services, join(context.directory, 'a.xlsx'));
    await exportComplianceReport(services, join(context.directory, 'b.xlsx'), { unmasked: true });
    const actions = [...vault.audit.entries()].map((entry) => entry.action);
    const unmasked = await readRawXlsx(join(context.directory, 'b.xlsx'));

    expect(actions.at(-2)).toBe('report.export');
    expect(actions.at(-1)).toBe('report.export_unmasked');
    expect(unmasked.flatMap(cellTexts).join('\n')).toContain(SUBJECT);
    expect(vault.audit.verify().ok).toBe(true);
  });
});
