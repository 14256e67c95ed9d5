// End-to-end flows of the record screens; see vault.test.ts for what the harness covers.
import { describe, expect, it } from 'vitest';

import type { Page } from 'playwright-core';

import { choose, expectGridTotal, openScreen, waitForHeading } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

/** Finds the open drawer by its dialog role and title. */
function drawer(page: Page, title: string | RegExp) {
  return page.getByRole('dialog', { name: title });
}

describe('data map', () => {
  it('creates and edits a classification entry', async () => {
    const { page, call } = await suite.open();
    await openScreen(page, 'Data Map');
    await page.getByText('The data map is empty').waitFor();

    await page.getByRole('button', { name: 'New entry' }).click();
    const form = drawer(page, 'New classification entry');
    await form.getByRole('textbox', { name: 'System' }).fill('Payroll');
    await form.getByRole('textbox', { name: 'Dataset' }).fill('salaries');

    // A missing required field is reported on the field itself, with the schema's message.
    await form.getByRole('button', { name: 'Create' }).click();
    await form.getByText('field is required').waitFor();

    await form.getByRole('textbox', { name: 'Field' }).fill('iban');
    await choose(page, 'Classification level', 'Sensitive');
    await form.getByLabel('Holds personal data').check();
    await choose(page, 'Personal data category', 'Bank account');
    await form.getByRole('textbox', { name: 'Retention period' }).fill('ten years');
    await form.getByRole('button', { name: 'Create' }).click();
    await form.getByText('retention must be an ISO 8601 duration such as P6Y or P30D').waitFor();

    await form.getByRole('textbox', { name: 'Retention period' }).fill('P10Y');
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Entry Payroll / salaries / iban created.').waitFor();
    await expectGridTotal(page, 1);

    await page.getByRole('gridcell', { name: 'iban' }).click();
    const edit = drawer(page, 'Entry: iban');
    await edit.getByRole('textbox', { name: 'Owner' }).fill('Payroll office');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Entry iban saved.').waitFor();

    const page1 = await call<{ rows: { owner: string; retention: string; level: string }[] }>(
      'classification:list',
      {},
    );
    expect(page1.rows).toHaveLength(1);
    expect(page1.rows[0]).toMatchObject({
      owner: 'Payroll office',
      retention: 'P10Y',
      level: 'SENSITIVE',
    });
  });

  it('filters with quick search and a column filter', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');
    await expectGridTotal(page, 10);

    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('searchbox').fill('employees');
    await expectGridTotal(page, 3);
    await page.getByRole('searchbox').fill('');
    await expectGridTotal(page, 10);

    // The dashboard's level chart opens the data map filtered by that level.
    await openScreen(page, 'Dashboard');
    await page.getByRole('button', { name: /^Sensitive: 3\. Open the data map/ }).click();
    await waitForHeading(page, 'Data Map');
    await page.getByRole('button', { name: 'Level: Sensitive' }).waitFor();
    await expectGridTotal(page, 3);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectGridTotal(page, 10);
  });

  it('opens policy findings from the dashboard', async () => {
    const app = await suite.open({ vault: 'seeded' });
    const { page } = app;
    await waitForHeading(page, 'Dashboard');
    const summary = await app.call<{ classificationFindingsByRule: Record<string, number> }>(
      'dashboard:summary',
    );
    const missingPurpose = summary.classificationFindingsByRule.purpose_missing ?? 0;
    expect(missingPurpose).toBeGreaterThan(0);

    await page
      .getByRole('button', {
        name: new RegExp(`^No purpose: ${missingPurpose}\\. Open the data map`),
      })
      .click();
    await waitForHeading(page, 'Data Map');
    await page.getByRole('button', { name: 'Breaks: Personal data without a purpose' }).waitFor();
    await expectGridTotal(page, missingPurpose);
  });

  it('opens policy findings from the security posture', async () => {
    const app = await suite.open({ vault: 'seeded' });
    const { page } = app;
    await waitForHeading(page, 'Dashboard');
    const summary = await app.call<{ classificationFindingsByRule: Record<string, number> }>(
      'dashboard:summary',
    );
    const missingPurpose = summary.classificationFindingsByRule.purpose_missing ?? 0;

    await openScreen(page, 'Security Posture');
    await page.getByRole('button', { name: `No purpose: ${missingPurpose}` }).click();

    await waitForHeading(page, 'Data Map');
    await page.getByRole('button', { name: 'Breaks: Personal data without a purpose' }).waitFor();
    await expectGridTotal(page, missingPurpose);
  });

  it('pages and sorts a long list in the vault', async () => {
    const { page, session } = await suite.open();
    session.services.classification.importEntries(
      Array.from({ length: 120 }, (_, index) => ({
        system: 'Warehouse',
        dataset: 'items',
        field: `column_${String(index).padStart(3, '0')}`,
        level: 'INTERNAL',
      })),
      'paging test',
    );
    await openScreen(page, 'Data Map');
    await expectGridTotal(page, 120);

    await page.getByRole('button', { name: 'Go to next page' }).click();
    await page.getByText('51–100 of 120').waitFor();
    await page.getByRole('gridcell', { name: 'column_050' }).waitFor();

    // A new sort starts again at the first page, sorted by the vault.
    await page.getByRole('columnheader', { name: 'Field' }).click();
    await page.getByRole('columnheader', { name: 'Field' }).click();
    await page.getByText('1–50 of 120').waitFor();
    await page.getByRole('gridcell', { name: 'column_119' }).waitFor();
  });

  it('deletes an entry after confirmation', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');
    await expectGridTotal(page, 10);

    await page.getByRole('gridcell', { name: 'product_name' }).click();
    const edit = drawer(page, 'Entry: product_name');
    await edit.getByRole('button', { name: 'Delete' }).click();
    await edit.getByRole('alert').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Entry product_name deleted.').waitFor();
    await expectGridTotal(page, 9);
  });
});

describe('privacy requests', () => {
  it('logs a request with its deadline and edits it', async () => {
    const { page, call } = await suite.open();
    await openScreen(page, 'Privacy Requests');

    await page.getByRole('button', { name: 'New request' }).click();
    const form = drawer(page, 'New privacy request');
    await choose(page, 'Right exercised', 'Erasure (Art. 17)');
    await form.getByLabel('Received on').fill('2025-01-31');
    await form.getByRole('button', { name: 'Log request' }).click();
    await form.getByText('subject reference is required').waitFor();

    await form.getByRole('textbox', { name: 'Data subject reference' }).fill('TCK-2001');
    await form.getByRole('button', { name: 'Log request' }).click();
    // One calendar month after 31 January is the last day of February.
    await page.getByText('Request logged; the response is due on 2025-02-28.').waitFor();
    await expectGridTotal(page, 1);

    await page.getByRole('gridcell', { name: 'TCK-2001' }).click();
    const edit = drawer(page, /^Request \d+$/);
    await edit.getByText('Response due on 2025-02-28.').waitFor();
    await choose(page, 'Status', 'Completed');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Request saved.').waitFor();

    const result = await call<{ rows: { status: string; dueOn: string }[] }>('privacy:list', {});
    expect(result.rows[0]).toMatchObject({ status: 'completed', dueOn: '2025-02-28' });
  });

  it('opens overdue requests from the dashboard', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await waitForHeading(page, 'Dashboard');
    await page.getByRole('button', { name: /^Overdue: 2\. Open the request list/ }).click();
    await waitForHeading(page, 'Privacy Requests');
    await page.getByRole('button', { name: 'Overdue' }).waitFor();
    await expectGridTotal(page, 2);
  });
});

describe('incidents', () => {
  it('records an incident and moves it to containment', async () => {
    const { page, call } = await suite.open();
    await openScreen(page, 'Incidents');
    await page.getByText('No incidents recorded').waitFor();

    await page.getByRole('button', { name: 'New incident' }).click();
    const form = drawer(page, 'New incident');
    await form.getByRole('textbox', { name: 'Title' }).fill('Ransomware on the file server');
    await choose(page, 'Severity', 'Critical');
    await form.getByRole('textbox', { name: 'Occurred on' }).fill('03/2025');
    await form.getByRole('button', { name: 'Record incident' }).click();
    await form.getByText('date must be YYYY, YYYY-MM or YYYY-MM-DD').waitFor();

    await form.getByRole('textbox', { name: 'Occurred on' }).fill('2025-03-02');
    await form.getByRole('spinbutton', { name: 'Records affected' }).fill('1200');
    await form.getByRole('button', { name: 'Record incident' }).click();
    await page.getByText('Incident "Ransomware on the file server" recorded.').waitFor();
    await expectGridTotal(page, 1);

    await page.getByRole('gridcell', { name: 'Ransomware on the file server' }).click();
    const edit = drawer(page, /^Incident \d+$/);
    await choose(page, 'Phase', 'Containment');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Incident saved.').waitFor();

    const result = await call<{
      rows: { status: string; recordsAffected: number; severity: string }[];
    }>('incidents:list', {});
    expect(result.rows[0]).toMatchObject({
      status: 'containment',
      recordsAffected: 1200,
      severity: 'critical',
    });
  });

  it('filters by severity from the dashboard', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await waitForHeading(page, 'Dashboard');
    await page.getByRole('button', { name: /^Critical: 1\. Open the incident list/ }).click();
    await waitForHeading(page, 'Incidents');
    await page.getByRole('button', { name: 'Severity: Critical' }).waitFor();
    await page.getByRole('button', { name: 'Open incidents' }).waitFor();
    await expectGridTotal(page, 1);
  });
});
