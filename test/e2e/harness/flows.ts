import type { Page } from 'playwright-core';
import { expect } from 'vitest';

import { TEST_PASSPHRASE, useKeychain } from './app-harness.js';

/** Waits for the screen's h1. */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Opens a screen from the navigation rail and waits for its heading. */
export async function openScreen(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).click();
  await waitForHeading(page, label);
}

/** Reads n from the "x–y of n" text of the grid's pagination. */
export async function gridTotal(page: Page): Promise<number> {
  const text = await page.locator('.MuiTablePagination-displayedRows').innerText();
  const match = /of\s+([\d,]+)/.exec(text);
  if (match?.[1] === undefined) throw new Error(`No total in pagination text "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

/** Polls the grid total until it equals the expected count. */
export async function expectGridTotal(page: Page, expected: number): Promise<void> {
  await expect.poll(() => gridTotal(page).catch(() => -1), { timeout: 15_000 }).toBe(expected);
}

/**
 * Creates the vault through the create screen, in keychain mode when a test keyring runs and
 * in passphrase mode otherwise. Returns the recovery key as the screen showed it.
 */
export async function createVaultThroughUi(page: Page): Promise<string> {
  await waitForHeading(page, 'Create your vault');
  if (useKeychain) {
    await page.getByLabel(/OS keychain/).check();
  } else {
    await page.getByLabel(/^Passphrase:/).check();
    await page.getByLabel(/^Passphrase(?!:)/).fill(TEST_PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(TEST_PASSPHRASE);
  }
  await page.getByRole('button', { name: 'Create vault' }).click();
  await waitForHeading(page, 'Save your recovery key');
  return (await page.getByTestId('recovery-key').innerText()).trim();
}

/** Fills a text field found by its label. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: false }).first().fill(value);
}

/** Picks an option of an MUI select found by its label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
