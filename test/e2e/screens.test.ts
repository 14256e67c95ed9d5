// Every screen in the light and the dark scheme: axe-core finds no serious or critical
// accessibility violation. `npm run screenshots` runs this file alone with SYNAPSE_SCREENSHOTS=1,
// which also writes each screen to docs/screenshots; a plain test run leaves the committed
// pictures alone. See vault.test.ts for what the harness covers.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { scanSqlite } from '../../core/importers/sqlite-scan.js';

import {
  createVaultThroughUi,
  expectGridTotal,
  openScreen,
  waitForHeading,
} from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

const CHINOOK = fileURLToPath(
  new URL('../fixtures/real/chinook/Chinook_Sqlite.sqlite', import.meta.url),
);

const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const SCHEMES = ['light', 'dark'] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; any: { message: string }[] }[];
}

/**
 * Runs axe-core with the WCAG 2.1 A and AA rules and returns the serious and critical
 * violations. axe is evaluated through the DevTools protocol rather than added as a <script>
 * tag, because the Content Security Policy rightly blocks inline scripts.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((result) => result.violations)
  `)) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')} (${node.any[0]?.message ?? ''})`)
          .join(', ')}`,
    );
}

const WRITE_SCREENSHOTS = process.env.SYNAPSE_SCREENSHOTS === '1';

/** Checks the screen with axe, then saves its screenshot as NAME-SCHEME.png when asked to. */
async function checkScreen(page: Page, name: string, scheme: string): Promise<void> {
  // Let transitions and charts settle before axe reads colours.
  await page.waitForTimeout(400);
  expect(await seriousViolations(page), `${name} in the ${scheme} scheme`).toEqual([]);
  if (!WRITE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}-${scheme}.png` });
}

describe.each(SCHEMES)('screens in the %s scheme', (scheme) => {
  it('start-up screens', async () => {
    const { page } = await suite.open({ vault: 'none', colorScheme: scheme });

    await waitForHeading(page, 'Create your vault');
    await checkScreen(page, 'create-vault', scheme);

    await createVaultThroughUi(page);
    await checkScreen(page, 'recovery-key', scheme);

    await page.getByLabel('I have stored the recovery key somewhere safe').check();
    await page.getByRole('button', { name: 'Continue to the console' }).click();
    await waitForHeading(page, 'Dashboard');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Lock' })
      .click();
    await waitForHeading(page, 'Unlock the vault');
    await page.getByRole('tab', { name: 'Recovery key' }).click();
    await checkScreen(page, 'unlock', scheme);
  });

  it('data map views', async () => {
    const app = await suite.open({ vault: 'seeded', colorScheme: scheme });
    const { page } = app;
    app.session.services.classificationReview.recordScan({
      kind: 'sqlite',
      file: CHINOOK,
      system: 'Chinook',
      result: scanSqlite(CHINOOK),
    });
    await openScreen(page, 'Data Map');
    await expectGridTotal(page, 10);

    await page.getByRole('tree').getByRole('treeitem', { name: 'HR (3)' }).click();
    await page.getByRole('button', { name: 'Edit system' }).click();
    await page.getByRole('dialog', { name: 'System: HR' }).waitFor();
    await checkScreen(page, 'data-map-system', scheme);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('checkbox', { name: 'Select all rows' }).check();
    await page.getByRole('button', { name: 'Edit 3 selected' }).click();
    await page.getByRole('dialog', { name: 'Edit 3 entries' }).waitFor();
    await checkScreen(page, 'data-map-bulk-edit', scheme);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Review queue' }).click();
    await page.getByRole('grid', { name: 'Scan proposals' }).getByRole('row').nth(1).waitFor();
    await checkScreen(page, 'data-map-review', scheme);

    await page.getByRole('tab', { name: 'Policy findings' }).click();
    await page.getByRole('grid', { name: 'Policy findings' }).getByRole('row').nth(1).waitFor();
    await checkScreen(page, 'data-map-findings', scheme);

    await page.getByRole('tab', { name: 'Record of processing' }).click();
    await page.getByRole('table', { name: 'Processing activities' }).waitFor();
    await checkScreen(page, 'data-map-ropa', scheme);

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Show map' }).click();
    await page.getByRole('grid', { name: 'Map as of the date' }).getByRole('row').nth(1).waitFor();
    await checkScreen(page, 'data-map-history', scheme);

    await openScreen(page, 'Settings');
    await page.getByRole('region', { name: 'Classification scale' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'settings-scale', scheme);
  });

  it('console screens', async () => {
    const { page } = await suite.open({ vault: 'seeded', colorScheme: scheme });

    await waitForHeading(page, 'Dashboard');
    await page.getByText('Open incidents by severity').waitFor();
    await checkScreen(page, 'dashboard', scheme);

    await openScreen(page, 'Data Map');
    await expectGridTotal(page, 10);
    await checkScreen(page, 'data-map', scheme);

    await page.getByRole('gridcell', { name: 'health_notes' }).click();
    await page.getByRole('dialog', { name: 'Entry: health_notes' }).waitFor();
    await checkScreen(page, 'data-map-entry', scheme);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Import inventory' }).click();
    await page.getByRole('dialog', { name: 'Import a classification inventory' }).waitFor();
    await checkScreen(page, 'data-map-import', scheme);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await openScreen(page, 'Privacy Requests');
    await expectGridTotal(page, 5);
    await checkScreen(page, 'privacy-requests', scheme);

    await openScreen(page, 'Incidents');
    await expectGridTotal(page, 4);
    await checkScreen(page, 'incidents', scheme);

    await openScreen(page, 'Security Posture');
    await expectGridTotal(page, 3);
    await checkScreen(page, 'security-posture', scheme);

    await openScreen(page, 'Audit Trail');
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByTestId('audit-verification').waitFor();
    await checkScreen(page, 'audit-trail', scheme);

    await openScreen(page, 'Reports');
    await checkScreen(page, 'reports', scheme);

    await openScreen(page, 'Settings');
    await page.getByRole('combobox', { name: 'Time zone' }).waitFor();
    await checkScreen(page, 'settings', scheme);
  });
});
