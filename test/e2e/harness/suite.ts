import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

import {
  launchChromium,
  openApp,
  TEST_PASSPHRASE,
  useKeychain,
  type AppHarness,
  type OpenAppOptions,
} from './app-harness.js';
import { seedSampleRecords } from './seed.js';
import { startStaticServer, type StaticServer } from './static-server.js';

export interface SuiteOpenOptions extends OpenAppOptions {
  /**
   * "none" opens the app before any vault exists. "unlocked" creates the vault first, with the
   * keychain when a test keyring runs and else with TEST_PASSPHRASE, so the app opens unlocked.
   * "seeded" also adds the sample records.
   */
  vault?: 'none' | 'unlocked' | 'seeded';
}

export interface Suite {
  /** Opens the app in a new browser context over a new vault; closed after the test. */
  open(options?: SuiteOpenOptions): Promise<AppHarness>;
  readonly serverUrl: string;
}

/**
 * Shares one Chromium and one static server across a file's tests, and gives each test a fresh
 * browser context and vault. After each test, no console error, page error or CSP violation
 * may have been seen.
 */
export function useSuite(): Suite {
  let browser: Browser;
  let server: StaticServer;
  const opened: AppHarness[] = [];

  beforeAll(async () => {
    server = await startStaticServer(inject('rendererDir'));
    browser = await launchChromium();
  });

  afterEach(async () => {
    const apps = opened.splice(0);
    const problems = apps.flatMap((app) => app.problems);
    for (const app of apps) await app.close();
    expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    async open(options = {}) {
      const app = await openApp(browser, server.url, inject('browserApiScript'), options);
      opened.push(app);
      const vault = options.vault ?? 'unlocked';
      if (vault !== 'none') {
        await app.call(
          'vault:create',
          useKeychain ? { mode: 'keychain' } : { mode: 'passphrase', passphrase: TEST_PASSPHRASE },
        );
      }
      if (vault === 'seeded') await seedSampleRecords(app);
      await app.page.goto(`${server.url}/index.html`);
      return app;
    },
    get serverUrl() {
      return server.url;
    },
  };
}
