// What the renderer can and cannot reach, checked in the browser; see vault.test.ts for what
// the harness covers. The sender-frame check of ipcMain is unit-tested in test/desktop.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CONTENT_SECURITY_POLICY } from '../../electron/main/renderer-files.js';
import { contractShape } from '../../shared/ipc/contract.js';
import type { WindowApi } from '../../shared/ipc/window-api.js';
import { waitForHeading } from './harness/flows.js';
import { useSuite } from './harness/suite.js';

const suite = useSuite();

/**
 * The page's global object as these tests use it. The suite is type-checked without the DOM
 * library, so functions that run in the page reach it through globalThis. They are serialised
 * into the page, so they can use no helper defined in this file; a type cast is erased.
 */
interface PageGlobals {
  api: WindowApi;
  [name: string]: unknown;
}

describe('renderer sandbox', () => {
  it('serves every file with the Content Security Policy', async () => {
    const response = await fetch(`${suite.serverUrl}/index.html`);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives the page window.api and nothing of Node or Electron', async () => {
    const { page } = await suite.open();
    await waitForHeading(page, 'Dashboard');

    const surface = await page.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown>;
      const api = page.api as Record<string, Record<string, unknown>>;
      return {
        api: Object.fromEntries(
          Object.entries(api).map(([domain, methods]) => [domain, Object.keys(methods).sort()]),
        ),
        require: typeof page.require,
        process: typeof page.process,
        ipcRenderer: typeof page.ipcRenderer,
        electron: typeof page.electron,
      };
    });

    const expected = Object.fromEntries(
      Object.entries(contractShape()).map(([domain, actions]) => [
        domain,
        (domain === 'jobs' ? [...actions, 'onProgress'] : actions).sort(),
      ]),
    );
    expect(surface.api).toEqual(expected);
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');
    expect(surface.ipcRenderer).toBe('undefined');
    expect(surface.electron).toBe('undefined');
  });

  it('blocks injected inline scripts and eval', async () => {
    const app = await suite.open();
    await waitForHeading(app.page, 'Dashboard');

    // A string, because the suite has no DOM types; it runs in the page like any evaluate().
    const outcome = (await app.page.evaluate(`(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      let evalResult = 'ran';
      try {
        window.eval('1 + 1');
      } catch (error) {
        evalResult = error.name;
      }
      return { injected: window.__injected === true, evalResult };
    })()`)) as { injected: boolean; evalResult: string };

    expect(outcome.injected).toBe(false);
    expect(outcome.evalResult).toBe('EvalError');
    expect(app.problems.some((problem) => problem.includes('CSP violation: script-src'))).toBe(
      true,
    );
    // Expected violations; the suite's check after each test looks for unexpected ones.
    app.problems.length = 0;
  });
});

describe('start-up without the bridge', () => {
  it('shows the error screen when window.api is missing', async () => {
    const app = await suite.open({ vault: 'none' });
    const plain = await app.context.newPage();
    const errors: string[] = [];
    plain.on('pageerror', (error) => errors.push(error.message));

    // A page that the harness did not prepare: no window.api, as in a plain browser.
    await app.page.close();
    await plain.goto(`${suite.serverUrl}/index.html`);
    await plain
      .getByRole('heading', { level: 1, name: 'The console cannot open its vault' })
      .waitFor();
    expect(await plain.getByRole('alert').innerText()).toContain('without its desktop bridge');
    expect(errors).toEqual([]);
  });
});

describe('IPC input checks', () => {
  it('rejects a path that no dialog returned', async () => {
    const { page } = await suite.open();
    await waitForHeading(page, 'Dashboard');

    const result = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).api.classification.importPreview({
        path: '/etc/passwd',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain('was not chosen in a file dialog');
  });

  it('writes a report only where the save dialog pointed', async () => {
    const app = await suite.open();
    await waitForHeading(app.page, 'Dashboard');
    const target = join(app.vaultDir, 'chosen-by-page.xlsx');

    const result = await app.page.evaluate(
      (path) =>
        (globalThis as unknown as PageGlobals).api.reports.build({
          jobId: crypto.randomUUID(),
          path,
          sections: ['summary'],
          unmasked: true,
        }),
      target,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(existsSync(target)).toBe(false);
  });

  it('returns field issues for invalid input', async () => {
    const { page } = await suite.open();
    await waitForHeading(page, 'Dashboard');

    const result = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).api.classification.create({
        system: '',
        dataset: 'x',
        field: 'y',
        level: 'INTERNAL',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues).toEqual([{ path: 'system', message: 'system is required' }]);
  });

  it('never returns the recovery key after creation', async () => {
    const app = await suite.open({ vault: 'none' });
    const created = await app.call<{ recoveryKey: string }>('vault:create', {
      mode: 'passphrase',
      passphrase: 'a passphrase for this test only',
    });
    await app.page.reload();
    await waitForHeading(app.page, 'Dashboard');

    const replies = await app.page.evaluate(async () => {
      const { api } = globalThis as unknown as PageGlobals;
      return [
        await api.vault.status(),
        await api.settings.get(),
        await api.dashboard.summary(),
        await api.audit.list({ limit: 100 }),
      ];
    });
    expect(JSON.stringify(replies)).not.toContain(created.recoveryKey);
    expect(JSON.stringify(replies)).not.toContain(created.recoveryKey.replace(/-/g, ''));
  });
});
