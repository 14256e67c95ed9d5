// End-to-end import and scan wizards; see vault.test.ts for what the harness covers. The files
// are the desktop fixtures under test/fixtures/own/desktop and the Chinook sample database.
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { choose, expectGridTotal, openScreen } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

const fixture = (path: string) =>
  fileURLToPath(new URL(`../fixtures/own/desktop/${path}`, import.meta.url));
const CHINOOK = fileURLToPath(
  new URL('../fixtures/real/chinook/Chinook_Sqlite.sqlite', import.meta.url),
);

describe('classification import', () => {
  it('maps a column, previews and imports with progress', async () => {
    const app = await suite.open();
    const { page, shell } = app;
    await openScreen(page, 'Data Map');

    shell.answerNextOpen(fixture('support-inventory.csv'));
    await page.getByRole('button', { name: 'Import inventory' }).click();
    const wizard = page.getByRole('dialog', { name: 'Import a classification inventory' });
    await wizard.getByRole('button', { name: 'Choose file…' }).click();

    // Headers named by synonyms map by themselves; "Remarks" waits for the user.
    await wizard.getByText('12 of 12 rows are valid entries.', { exact: false }).waitFor();
    expect(await wizard.getByRole('combobox', { name: 'Field for Application' }).innerText()).toBe(
      'System',
    );
    expect(await wizard.getByRole('combobox', { name: 'Field for Remarks' }).innerText()).toBe(
      'Not imported',
    );
    await choose(page, 'Field for Remarks', 'Description');
    await expect
      .poll(() => wizard.getByRole('combobox', { name: 'Field for Remarks' }).innerText())
      .toBe('Description');

    await wizard.getByRole('button', { name: 'Import 12 entries' }).click();
    await wizard.getByText(/Import finished: 12 new, 0 updated, 0 already up to date\./).waitFor();
    await wizard.getByRole('button', { name: 'Close' }).click();
    await expectGridTotal(page, 12);

    const phases = app.progress.map((event) => event.phase);
    expect(phases).toContain('reading');
    expect(phases).toContain('storing');
    expect(phases.at(-1)).toBe('done');
    const stored = app.progress.filter((event) => event.phase === 'storing').at(-1);
    expect(stored).toMatchObject({ done: 12, total: 12 });

    const entries = await app.call<{ rows: { field: string; description: string }[] }>(
      'classification:list',
      { search: 'recording_file' },
    );
    expect(entries.rows[0]?.description).toBe('Voice recording kept for quality checks');
  });

  it('shows the problem of a file that cannot be imported', async () => {
    const { page, shell } = await suite.open();
    await openScreen(page, 'Data Map');

    shell.answerNextOpen(fixture('lost-tablet.veris.json'));
    await page.getByRole('button', { name: 'Import inventory' }).click();
    const wizard = page.getByRole('dialog', { name: 'Import a classification inventory' });
    await wizard.getByRole('button', { name: 'Choose file…' }).click();

    const alert = wizard.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('is not a CSV file or an Excel workbook');
    expect(await wizard.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
  });
});

describe('data source scan', () => {
  it('proposes entries for an SQLite database and accepts the chosen ones', async () => {
    const app = await suite.open();
    const { page, shell } = app;
    await openScreen(page, 'Data Map');

    shell.answerNextOpen(CHINOOK);
    await page.getByRole('button', { name: 'Scan a data source' }).click();
    const wizard = page.getByRole('dialog', { name: 'Scan a data source' });
    await wizard.getByRole('button', { name: 'Choose file…' }).click();
    await wizard.getByRole('table', { name: 'Column proposals' }).waitFor();
    expect(
      await wizard.getByRole('textbox', { name: 'System name for the entries' }).inputValue(),
    ).toBe('Chinook_Sqlite');

    const proposals = await wizard
      .getByRole('table', { name: 'Column proposals' })
      .getByRole('checkbox')
      .count();
    await wizard.getByRole('checkbox', { name: 'Accept Customer.Email' }).uncheck();
    await wizard.getByRole('button', { name: `Accept ${proposals - 1} proposals` }).click();
    await wizard
      .getByText(`Scan stored: ${proposals - 1} proposals accepted as entries, 1 rejected`)
      .waitFor();
    await wizard.getByRole('button', { name: 'Close' }).click();
    await expectGridTotal(page, proposals - 1);

    const email = await app.call<{ total: number }>('classification:list', {
      search: 'Email',
      system: 'Chinook_Sqlite',
    });
    const customerEmail = await app.call<{ rows: { dataset: string; field: string }[] }>(
      'classification:list',
      {
        system: 'Chinook_Sqlite',
        search: 'Customer',
        limit: 1000,
      },
    );
    expect(
      customerEmail.rows.some((row) => row.dataset === 'Customer' && row.field === 'Email'),
    ).toBe(false);
    expect(email.total).toBeGreaterThan(0);
  });
});

describe('incident and finding imports', () => {
  it('imports VERIS incidents', async () => {
    const app = await suite.open();
    const { page, shell } = app;
    await openScreen(page, 'Incidents');

    shell.answerNextOpen(fixture('lost-tablet.veris.json'));
    await page.getByRole('button', { name: 'Import VERIS' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import VERIS incidents' });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.getByText('2 records to import.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText(/Import finished: 2 new/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectGridTotal(page, 2);
    expect(app.progress.at(-1)?.phase).toBe('done');
  });

  it('imports SARIF findings and links their guidance', async () => {
    const { page, shell } = await suite.open();
    await openScreen(page, 'Security Posture');

    shell.answerNextOpen(fixture('webapp.sarif'));
    await page.getByRole('button', { name: 'Import findings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import security findings' });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.getByText('3 records to import.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText(/Import finished: 3 new/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectGridTotal(page, 3);

    await page.getByRole('gridcell', { name: "Query built from request parameter 'id'." }).click();
    const link = page.getByRole('dialog', { name: 'EX001' }).getByRole('link');
    expect(await link.getAttribute('href')).toBe('https://cwe.mitre.org/data/definitions/89.html');
    expect(await link.getAttribute('rel')).toContain('noopener');
  });

  it('leaves the vault unchanged when the dialog is cancelled', async () => {
    const { page, shell } = await suite.open();
    await openScreen(page, 'Incidents');

    shell.answerNextOpen(null);
    await page.getByRole('button', { name: 'Import VERIS' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import VERIS incidents' });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    expect(await dialog.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    expect(shell.openDialogs.at(-1)?.title).toBe('Import VERIS incidents');
  });
});
