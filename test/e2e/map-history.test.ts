// End-to-end flows of the data map's history view; see vault.test.ts for what the harness covers.
import { describe, expect, it } from 'vitest';

import { openScreen } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

/** Returns the day before today as YYYY-MM-DD in the browser's time zone, as the view uses. */
function yesterday(): string {
  const date = new Date();
  date.setDate(date.getDate() - 1);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

describe('map history view', () => {
  it('shows the map as of a date and the difference between two dates', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');
    await page.getByRole('tab', { name: 'History' }).click();

    const asOf = page.getByRole('region', { name: 'Map as of a date' });
    await asOf.getByRole('button', { name: 'Show map' }).click();
    await asOf.getByText(/^10 fields at /).waitFor();
    await asOf.getByRole('gridcell', { name: 'health_notes' }).waitFor();

    // The vault was created today, so the day before it held no field.
    await asOf.getByLabel('Map as of', { exact: true }).fill(yesterday());
    await asOf.getByRole('button', { name: 'Show map' }).click();
    await asOf.getByText(/^0 fields at /).waitFor();

    const compare = page.getByRole('region', { name: 'Compare two dates' });
    await compare.getByLabel('From', { exact: true }).fill(yesterday());
    await compare.getByRole('button', { name: 'Compare' }).click();
    const added = compare.getByRole('list', { name: 'Added (10)' });
    await added.getByText('HR / employees / health_notes').waitFor();
    expect(await added.getByRole('listitem').count()).toBe(10);
    await compare.getByRole('list', { name: 'Changed (0)' }).waitFor();
  });

  it('reports an unchanged map between equal dates', async () => {
    const { page } = await suite.open({ vault: 'seeded' });
    await openScreen(page, 'Data Map');
    await page.getByRole('tab', { name: 'History' }).click();

    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByText('The map did not change between these dates.').waitFor();
  });
});
