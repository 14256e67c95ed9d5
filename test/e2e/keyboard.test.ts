// Keyboard use of the console: the rail, the lists and the drawers without a mouse. See
// vault.test.ts for what the harness covers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { expectGridTotal, waitForHeading } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

/** Returns the accessible text of the focused element. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const focused = (
      globalThis as unknown as {
        document: { activeElement: { textContent: string | null } | null };
      }
    ).document.activeElement;
    return focused?.textContent?.trim() ?? '';
  });
}

describe('keyboard navigation', () => {
  it('moves through the rail with the arrow keys', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await waitForHeading(page, 'Dashboard');

    // The skip link comes first, then the rail's current item.
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Dashboard');

    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe('Data Map');
    await page.keyboard.press('End');
    expect(await focusedText(page)).toBe('Settings');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe('Dashboard');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toBe('Reports');

    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Reports');
  });

  it('opens a row with Enter and closes the drawer with Escape', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Incidents' })
      .click();
    await waitForHeading(page, 'Incidents');
    await expectGridTotal(page, 4);

    await page.getByRole('gridcell', { name: 'Malware on a build agent' }).focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: /^Incident \d+$/ });
    await drawer.waitFor();
    expect(await drawer.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(
      'Malware on a build agent',
    );

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });
});
