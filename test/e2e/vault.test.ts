// End-to-end: the built renderer in Debian's Chromium, window.api routed through a Playwright
// binding into the same handler table main registers with ipcMain, over a real encrypted vault
// in a temp folder. Only Electron's IPC transport (ipcRenderer, contextBridge, ipcMain and the
// sender-frame check) is not exercised here. Keychain mode needs scripts/with-keyring.sh, which
// sets SYNAPSE_KEYRING; without it the vaults use passphrase mode.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { TEST_PASSPHRASE, useKeychain } from './harness/app-harness.js';
import { createVaultThroughUi, waitForHeading } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

describe('vault start-up', () => {
  it('creates a vault and shows the recovery key once', async () => {
    const { page, session } = await suite.open({ vault: 'none' });

    const recoveryKey = await createVaultThroughUi(page);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{1,5}$/);
    expect((await session.status()).keyMode).toBe(useKeychain ? 'keychain' : 'passphrase');

    const proceed = page.getByRole('button', { name: 'Continue to the console' });
    expect(await proceed.isDisabled()).toBe(true);
    await page.getByLabel('I have stored the recovery key somewhere safe').check();
    await proceed.click();
    await waitForHeading(page, 'Dashboard');

    // The key is gone from the page and never comes back, also not after a reload.
    expect(await page.content()).not.toContain(recoveryKey);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.content()).not.toContain(recoveryKey);
  });

  it('locks and unlocks with the recovery key', async () => {
    const { page, session } = await suite.open({ vault: 'none' });
    const recoveryKey = await createVaultThroughUi(page);
    await page.getByLabel('I have stored the recovery key somewhere safe').check();
    await page.getByRole('button', { name: 'Continue to the console' }).click();
    await waitForHeading(page, 'Dashboard');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Lock' })
      .click();
    await waitForHeading(page, 'Unlock the vault');
    expect(session.isUnlocked).toBe(false);

    await page.getByRole('tab', { name: 'Recovery key' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Unlock' }).click();
    if (useKeychain) {
      await waitForHeading(page, 'Dashboard');
      expect(session.isUnlocked).toBe(true);
    } else {
      // Recovery stores the key in the keychain again, so without a keychain it must fail.
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('keychain');
      expect(session.isUnlocked).toBe(false);
    }
  });

  it('shows the reason when a passphrase is wrong', async () => {
    const { page, session } = await suite.open({ vault: 'none' });
    await session.create({ passphrase: TEST_PASSPHRASE });
    session.lock();
    await page.reload();
    await waitForHeading(page, 'Unlock the vault');

    await page.getByRole('tab', { name: 'Passphrase' }).click();
    await page.getByLabel('Passphrase').fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The key does not open the vault');

    await page.getByLabel('Passphrase').fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await waitForHeading(page, 'Dashboard');
  });

  it('rejects a short passphrase at creation', async () => {
    const { page } = await suite.open({ vault: 'none' });
    await waitForHeading(page, 'Create your vault');
    await page.getByLabel(/^Passphrase:/).check();
    await page.getByLabel(/^Passphrase(?!:)/).fill('too short');
    await page.getByLabel('Repeat the passphrase').fill('too short');
    await page.getByRole('button', { name: 'Create vault' }).click();

    await page.getByText('passphrase must be at least 12 characters').waitFor();
    await openScreenIsAbsent(page);
  });
});

async function openScreenIsAbsent(page: Page): Promise<void> {
  expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
}
