// End-to-end flows of the data map's tree, filters and bulk edit; see vault.test.ts for what the
// harness covers.
import { describe, expect, it } from 'vitest';

import { choose, expectGridTotal, openScreen } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

interface EntryPage {
  total: number;
  rows: { field: string; level: string; owner: string; retention: string | null }[];
}

describe('data map tree', () => {
  it('filters the grid by system and dataset', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');
    await expectGridTotal(page, 10);

    const tree = page.getByRole('tree', { name: 'Systems and datasets' });
    await tree.getByRole('treeitem', { name: 'HR (3)' }).click();
    await expectGridTotal(page, 3);
    await page.getByRole('button', { name: 'System: HR' }).waitFor();

    // A click selects and opens the system; the arrow key moves to its first dataset.
    await tree.getByRole('treeitem', { name: 'Web shop (3)' }).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Dataset: catalogue' }).waitFor();
    await expectGridTotal(page, 1);

    await tree.getByRole('treeitem', { name: 'All systems' }).click();
    await expectGridTotal(page, 10);
  });

  it('creates and edits a system and a dataset', async () => {
    const { page, call } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');

    await page.getByRole('button', { name: 'New system', exact: true }).click();
    const create = page.getByRole('dialog', { name: 'New system' });
    await create.getByRole('button', { name: 'Create' }).click();
    await create.getByText('name is required').waitFor();
    await create.getByRole('textbox', { name: 'Name' }).fill('Payroll');
    await create.getByRole('textbox', { name: 'Accountable owner' }).fill('HR office');
    await create.getByRole('textbox', { name: 'Hosting location' }).fill('AWS eu-central-1');
    await create.getByRole('button', { name: 'Create' }).click();
    await page.getByText('System Payroll created.').waitFor();

    const tree = page.getByRole('tree', { name: 'Systems and datasets' });
    await tree.getByRole('treeitem', { name: 'Payroll (0)' }).click();
    await page.getByRole('button', { name: 'Edit system' }).click();
    const edit = page.getByRole('dialog', { name: 'System: Payroll' });
    await edit.getByLabel('Data processing agreement (Art. 28) in place').check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('System Payroll saved.').waitFor();

    await page.getByRole('button', { name: 'New dataset', exact: true }).click();
    const dataset = page.getByRole('dialog', { name: 'New dataset in Payroll' });
    await dataset.getByRole('textbox', { name: 'Name' }).fill('salaries');
    await choose(page, 'Kind', 'File');
    await dataset.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Dataset salaries created.').waitFor();

    const systems =
      await call<{ name: string; owner: string; location: string; dpaInPlace: boolean }[]>(
        'dataMap:listSystems',
      );
    expect(systems.find((system) => system.name === 'Payroll')).toMatchObject({
      owner: 'HR office',
      location: 'AWS eu-central-1',
      dpaInPlace: true,
    });
    const datasets = await call<{ name: string; kind: string }[]>('dataMap:listDatasets', {});
    expect(datasets.find((candidate) => candidate.name === 'salaries')?.kind).toBe('file');
  });
});

describe('data map filters and bulk edit', () => {
  it('combines level, category and finding filters', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');

    await choose(page, 'Level', 'Sensitive');
    await expectGridTotal(page, 3);
    await choose(page, 'Category', 'Bank account');
    await expectGridTotal(page, 1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectGridTotal(page, 10);

    // The seeded personal data fields state no purpose; three of them belong to the HR team.
    await choose(page, 'Policy finding', 'Personal data without a purpose');
    await expectGridTotal(page, 7);
    await page.getByRole('textbox', { name: 'Owner' }).fill('People team');
    await page.keyboard.press('Enter');
    await expectGridTotal(page, 3);
  });

  it('sets level, owner and retention on the selected rows', async () => {
    const { page, call } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');
    await page.getByRole('tree').getByRole('treeitem', { name: 'CRM (4)' }).click();
    await expectGridTotal(page, 4);

    await page.getByRole('checkbox', { name: 'Select all rows' }).check();
    await page.getByRole('button', { name: 'Edit 4 selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit 4 entries' });
    await dialog.getByRole('textbox', { name: 'New retention period' }).fill('two years');
    await dialog.getByRole('button', { name: 'Apply to 4 entries' }).click();
    await dialog.getByText(/ISO 8601 duration such as P6Y/).waitFor();

    await dialog.getByRole('textbox', { name: 'New retention period' }).fill('P2Y');
    await dialog.getByRole('textbox', { name: 'New owner' }).fill('Sales office');
    await choose(page, 'New level', 'Confidential');
    await dialog.getByRole('button', { name: 'Apply to 4 entries' }).click();
    await page.getByText('4 entries changed, 0 already had these values.').waitFor();

    const crm = await call<EntryPage>('classification:list', { system: 'CRM' });
    expect(crm.rows.map((row) => row.owner)).toEqual(Array(4).fill('Sales office'));
    expect(crm.rows.map((row) => row.retention)).toEqual(Array(4).fill('P2Y'));
    expect(crm.rows.map((row) => row.level)).toEqual(Array(4).fill('CONFIDENTIAL'));
    const audit = await call<{ total: number }>('audit:list', {
      action: 'classification.bulk_update',
    });
    expect(audit.total).toBe(4);
  });
});
