// End-to-end flows of the data map's review queue; see vault.test.ts for what the harness covers.
// Scans are recorded through the core service, as the command line's scan does, so their
// proposals wait in the queue instead of being decided by the scan wizard.
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { scanSqlite, type SqliteScanResult } from '../../core/importers/sqlite-scan.js';
import type { AppHarness } from './harness/app-harness.js';
import { choose, openScreen } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const CHINOOK = fileURLToPath(
  new URL('../fixtures/real/chinook/Chinook_Sqlite.sqlite', import.meta.url),
);

const suite = useSuite();

function recordScan(app: AppHarness, result: SqliteScanResult): void {
  app.session.services.classificationReview.recordScan({
    kind: 'sqlite',
    file: CHINOOK,
    system: 'Chinook',
    result,
  });
}

async function openReviewQueue(app: AppHarness) {
  await openScreen(app.page, 'Data Map');
  await app.page.getByRole('tab', { name: 'Review queue' }).click();
  await app.page.getByRole('grid', { name: 'Scan proposals' }).waitFor();
}

describe('review queue', () => {
  it('accepts, changes then accepts, and rejects proposals', async () => {
    const app = await suite.open();
    recordScan(app, scanSqlite(CHINOOK));
    await openReviewQueue(app);
    const { page } = app;

    const search = page.getByRole('searchbox', { name: 'Search dataset or field' });
    await search.fill('Email');
    await page.getByRole('button', { name: 'Accept Customer.Email', exact: true }).click();
    await page.getByText('Proposal for Customer.Email accepted.').waitFor();

    await search.fill('Fax');
    await page.getByRole('button', { name: 'Reject Customer.Fax' }).click();
    await page.getByText('Proposal for Customer.Fax rejected.').waitFor();

    await search.fill('Phone');
    await page.getByRole('button', { name: 'Change and accept Customer.Phone' }).click();
    const drawer = page.getByRole('dialog', { name: 'Proposal: Customer.Phone' });
    await drawer.getByRole('textbox', { name: 'Retention period' }).fill('three years');
    await drawer.getByRole('button', { name: 'Accept with changes' }).click();
    await drawer.getByText(/ISO 8601 duration such as P6Y/).waitFor();
    await drawer.getByRole('textbox', { name: 'Retention period' }).fill('P3Y');
    await drawer.getByRole('textbox', { name: 'Owner' }).fill('Customer service');
    await drawer.getByRole('button', { name: 'Accept with changes' }).click();
    await page.getByText('Proposal for Customer.Phone accepted with changes.').waitFor();

    const entries = await app.call<{ rows: { field: string; owner: string; retention: string }[] }>(
      'classification:list',
      { system: 'Chinook' },
    );
    expect(entries.rows.map((row) => row.field).sort()).toEqual(['Email', 'Phone']);
    expect(entries.rows.find((row) => row.field === 'Phone')).toMatchObject({
      owner: 'Customer service',
      retention: 'P3Y',
    });

    await search.fill('');
    await choose(page, 'Proposal status', 'Rejected');
    await page.getByRole('gridcell', { name: 'Fax' }).waitFor();
    expect(await page.getByRole('grid', { name: 'Scan proposals' }).getByRole('row').count()).toBe(
      2,
    );
  });

  it('queues a scan from the scan wizard', async () => {
    const app = await suite.open();
    const { page, shell } = app;
    await openScreen(page, 'Data Map');

    shell.answerNextOpen(CHINOOK);
    await page.getByRole('button', { name: 'Scan a data source' }).click();
    const wizard = page.getByRole('dialog', { name: 'Scan a data source' });
    await wizard.getByRole('button', { name: 'Choose file…' }).click();
    await wizard.getByRole('table', { name: 'Column proposals' }).waitFor();
    await wizard.getByRole('button', { name: 'Send to review queue' }).click();
    await wizard.getByText(/^Scan stored: \d+ proposals wait in the review queue\.$/).waitFor();
    await wizard.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('tab', { name: 'Review queue' }).click();
    await page
      .getByRole('list', { name: 'Scan runs' })
      .getByText(/64 pending/)
      .waitFor();
    const entries = await app.call<{ total: number }>('classification:list', {});
    expect(entries.total).toBe(0);
  });

  it('shows the diff with the previous scan', async () => {
    const app = await suite.open();
    const first = scanSqlite(CHINOOK);
    recordScan(app, first);
    const second: SqliteScanResult = {
      ...first,
      columns: first.columns
        .filter((column) => !(column.table === 'Customer' && column.column === 'Fax'))
        .map((column) =>
          column.table === 'Customer' && column.column === 'Company'
            ? { ...column, level: 'SENSITIVE' }
            : column,
        ),
    };
    recordScan(app, second);
    await openReviewQueue(app);

    const diff = app.page.getByRole('region', { name: 'Changes since the previous scan' });
    await diff.getByRole('heading', { name: /^Changes since scan \d+/ }).waitFor();
    await diff
      .getByRole('list', { name: 'Removed fields (1)' })
      .getByText('Customer.Fax')
      .waitFor();
    await diff
      .getByRole('list', { name: 'Changed fields (1)' })
      .getByText(/^Customer\.Company: /)
      .waitFor();
    await diff.getByRole('list', { name: 'New fields (0)' }).waitFor();
  });
});
