// End-to-end flow of the classification scale editor; see vault.test.ts for what the harness
// covers.
import { describe, expect, it } from 'vitest';

import { choose, openScreen } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

describe('classification scale editor', () => {
  it('removes a level in use with a remap and a preview', async () => {
    const app = await suite.open({ vault: 'seeded' });
    const { page } = app;
    await openScreen(page, 'Settings');
    const editor = page.getByRole('region', { name: 'Classification scale' });

    await editor.getByRole('textbox', { name: 'Level 1 colour', exact: true }).fill('#1B5E20');
    await editor.getByRole('button', { name: 'Remove level 5' }).click();

    // Without a remap, the preview names the level whose entries have nowhere to go.
    await editor.getByRole('button', { name: 'Preview change' }).click();
    await editor
      .getByText(/TOP_SECRET/)
      .first()
      .waitFor();
    expect(await editor.getByRole('alert').innerText()).toMatch(/TOP_SECRET/);

    await choose(page, 'Entries at Top secret move to', 'Sensitive');
    await editor.getByRole('button', { name: 'Preview change' }).click();
    await editor
      .getByRole('status')
      .getByText('1 entries move from TOP_SECRET to SENSITIVE; 9 entries keep their level.')
      .waitFor();
    const unchanged = await app.call<{ levels: unknown[] }>('classification:scale');
    expect(unchanged.levels).toHaveLength(5);

    await editor.getByRole('button', { name: 'Apply scale' }).click();
    await page.getByText('Classification scale saved.').waitFor();

    const scale = await app.call<{ levels: { name: string; color: string }[] }>(
      'classification:scale',
    );
    expect(scale.levels.map((level) => level.name)).toEqual([
      'PUBLIC',
      'INTERNAL',
      'CONFIDENTIAL',
      'SENSITIVE',
    ]);
    expect(scale.levels[0]?.color).toBe('#1B5E20');
    const health = await app.call<{ rows: { level: string }[] }>('classification:list', {
      search: 'health_notes',
    });
    expect(health.rows[0]?.level).toBe('SENSITIVE');
  });
});
