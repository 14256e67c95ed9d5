// End-to-end flows of the data map's policy findings and Art. 30 record views; see vault.test.ts
// for what the harness covers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { choose, openScreen } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

/** Returns every cell value of a workbook as text, sheet by sheet. */
async function workbookText(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => cells.push(cell.text));
    });
  }
  return cells;
}

describe('policy findings view', () => {
  it('filters by rule and opens the entry', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');
    await page.getByRole('tab', { name: 'Policy findings' }).click();
    const grid = page.getByRole('grid', { name: 'Policy findings' });
    await grid.getByRole('row').nth(1).waitFor();

    await choose(page, 'Rule', 'Special-category data without an Art. 9(2) condition (1)');
    await expect.poll(() => grid.getByRole('row').count()).toBe(2);

    await grid.getByRole('gridcell', { name: 'HR / employees / health_notes' }).click();
    const drawer = page.getByRole('dialog', { name: 'Entry: health_notes' });
    await drawer.waitFor();
    expect(await drawer.getByRole('textbox', { name: 'Owner' }).inputValue()).toBe('People team');
  });
});

describe('record of processing view', () => {
  it('edits the controller and exports the record to XLSX', async () => {
    const app = await suite.open({ vault: 'seeded' });
    const { page, shell } = app;
    await openScreen(page, 'Data Map');
    await page.getByRole('tab', { name: 'Record of processing' }).click();
    const activities = page.getByRole('table', { name: 'Processing activities' });
    await activities.getByRole('rowheader', { name: 'HR' }).waitFor();

    await page.getByRole('textbox', { name: 'Controller name' }).fill('Example GmbH');
    await page.getByRole('textbox', { name: 'Data protection officer' }).fill('DPO office');
    await page.getByRole('button', { name: 'Save controller' }).click();
    await page.getByText('Controller details saved.').waitFor();

    await page.getByRole('button', { name: 'Per purpose' }).click();
    await activities.getByRole('columnheader', { name: 'Purpose', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Per system' }).click();
    await activities.getByRole('columnheader', { name: 'System', exact: true }).waitFor();

    const target = join(app.vaultDir, 'ropa');
    shell.answerNextSave(target);
    await page.getByRole('button', { name: 'Export record (XLSX)' }).click();
    await page.getByText(/^Saved ropa\.xlsx: \d+ rows, personal data masked\.$/).waitFor();

    const cells = await workbookText(`${target}.xlsx`);
    expect(cells).toContain('Example GmbH');
    expect(cells).toContain('DPO office');
    expect(cells).toEqual(expect.arrayContaining(['CRM', 'HR', 'Web shop']));
    expect(shell.saveDialogs.at(-1)?.title).toBe('Save the record of processing activities');
  });

  it('exports the map to CSV', async () => {
    const app = await suite.open({ vault: 'seeded' });
    const { page, shell } = app;
    await openScreen(page, 'Data Map');
    await page.getByRole('tab', { name: 'Record of processing' }).click();

    const target = join(app.vaultDir, 'map.csv');
    shell.answerNextSave(target);
    await page.getByRole('button', { name: 'Export map (CSV)' }).click();
    await page.getByText('Saved map.csv: 10 rows, personal data masked.').waitFor();

    const lines = readFileSync(target, 'utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(11);
    expect(lines.some((line) => line.includes('health_notes'))).toBe(true);
  });
});
