// End-to-end report export and audit verification; see vault.test.ts for what the harness covers.
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { openScreen } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('reports', () => {
  it('exports the report and shows it in its folder', async () => {
    const app = await suite.open({ vault: 'seeded' });
    const { page, shell } = app;
    await openScreen(page, 'Reports');

    const target = join(app.vaultDir, 'compliance');
    shell.answerNextSave(target);
    await page.getByRole('button', { name: 'Choose where to save and build' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Report written to' });
    await done.waitFor();
    expect(await done.innerText()).toContain('(personal data masked)');

    // Linux save dialogs may return a name without the extension; main adds it.
    const file = `${target}.xlsx`;
    const workbook = await readWorkbook(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining([
        'Summary',
        'Data Map',
        'Privacy Requests',
        'Incidents',
        'Security Findings',
        'Audit Trail',
      ]),
    );
    expect(workbook.getWorksheet('Data Map')?.actualRowCount).toBe(11);
    expect(workbook.getWorksheet('Privacy Requests')?.actualRowCount).toBe(6);

    await page.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => shell.revealed).toEqual([file]);
    expect(shell.saveDialogs[0]?.defaultName).toMatch(
      /^synapse-compliance-report-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );

    const audit = await app.call<{ rows: { action: string }[] }>('audit:list', { limit: 1 });
    expect(audit.rows[0]?.action).toBe('report.export');
  });

  it('exports chosen sections unmasked and records it', async () => {
    const app = await suite.open({ vault: 'seeded' });
    const { page, shell } = app;
    await openScreen(page, 'Reports');

    for (const sheet of ['Summary', 'Data Map', 'Incidents', 'Security Findings', 'Audit Trail']) {
      await page.getByRole('checkbox', { name: new RegExp(`^${sheet}`) }).uncheck();
    }
    await page.getByRole('radio', { name: /^Unmasked/ }).check();
    await page
      .getByText('An unmasked report puts personal data in a file outside the encrypted vault.', {
        exact: false,
      })
      .waitFor();

    const file = join(app.vaultDir, 'requests.xlsx');
    shell.answerNextSave(file);
    await page.getByRole('button', { name: 'Choose where to save and build' }).click();
    await page.getByRole('status').filter({ hasText: '(personal data NOT masked)' }).waitFor();

    const workbook = await readWorkbook(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Privacy Requests']);
    const sheet = workbook.getWorksheet('Privacy Requests');
    const headers = (sheet?.getRow(1).values ?? []) as unknown[];
    const subjectColumn = headers.findIndex((header) => /subject/i.test(String(header)));
    expect(subjectColumn).toBeGreaterThan(0);
    expect(sheet?.getColumn(subjectColumn).values).toContain('TCK-1042');

    const audit = await app.call<{ rows: { action: string }[] }>('audit:list', { limit: 1 });
    expect(audit.rows[0]?.action).toBe('report.export_unmasked');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { page, shell } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Reports');

    shell.answerNextSave(null);
    await page.getByRole('button', { name: 'Choose where to save and build' }).click();
    await expect.poll(() => shell.saveDialogs.length).toBe(1);
    expect(await page.getByText('Report written to').count()).toBe(0);
  });
});

describe('audit trail', () => {
  it('lists the changes and verifies the chain', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Audit Trail');

    await page.getByRole('gridcell', { name: 'incident.create' }).first().waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const result = page.getByTestId('audit-verification');
    await result.waitFor();
    expect(await result.innerText()).toMatch(
      /^Audit trail intact: \d+ entries, every hash and link verified\.$/,
    );
  });
});
