import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { createHandlerTable, type HandlerTable } from '../../../core/app/ipc/handler-table.js';
import type { HandlerContext } from '../../../core/app/ipc/types.js';
import { VaultSession } from '../../../core/app/session.js';
import { OsKeyStore } from '../../../core/keychain/os-keychain.js';
import { keychainAccount } from '../../../core/vault/paths.js';
import type { JobProgress } from '../../../shared/ipc/jobs.js';
import { ScriptedDesktopShell } from '../../helpers/scripted-shell.js';

/** Where the browser comes from: Debian's Chromium, as the CI machine installs it. */
export const CHROMIUM_PATH = process.env.SYNAPSE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * True when scripts/with-keyring.sh started a private Secret Service, so vaults are keyed by
 * the real OS keychain; otherwise the suite creates passphrase-mode vaults.
 */
export const useKeychain = process.env.SYNAPSE_KEYRING === 'secret-service';

/** Passphrase of the vaults the suite creates when no test keyring runs. */
export const TEST_PASSPHRASE = 'correct horse battery staple e2e';

/** Logs every Content Security Policy violation as a console error, which the suite fails on. */
const REPORT_CSP_VIOLATIONS = `
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI +
      ' at ' + event.sourceFile + ':' + event.lineNumber);
  });
`;

/** Window id of the one test window in the handler table; main uses webContents ids. */
const WINDOW_ID = 1;

/**
 * Launches Chromium without network features; launch() gives every browser a new, empty
 * profile. The flags keep it from contacting any other host.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AppHarness {
  page: Page;
  context: BrowserContext;
  shell: ScriptedDesktopShell;
  session: VaultSession;
  table: HandlerTable;
  vaultDir: string;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Every progress event the handlers sent to the page, in order. */
  progress: JobProgress[];
  /** Calls a channel as the renderer would, for seeding data in tests. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/**
 * Opens the built renderer in a fresh browser context over a new vault in a temp folder. Calls
 * to window.api go through a Playwright binding into createHandlerTable, the same table main
 * registers with ipcMain.
 */
export async function openApp(
  browser: Browser,
  rendererUrl: string,
  browserApiScript: string,
  options: OpenAppOptions = {},
): Promise<AppHarness> {
  const vaultDir = mkdtempSync(join(tmpdir(), 'synapse-e2e-vault-'));
  const vaultPath = join(vaultDir, 'vault.synapse');
  const keyStore = new OsKeyStore(`Synapse Compliance Console e2e ${randomUUID()}`);
  const session = new VaultSession(vaultPath, keyStore, 'desktop:e2e');
  const shell = new ScriptedDesktopShell();
  const table = createHandlerTable({ session, shell });

  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const progress: JobProgress[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  const handlerContext: HandlerContext = {
    windowId: WINDOW_ID,
    emitProgress: (event: JobProgress) => {
      progress.push(event);
      page
        .evaluate((event) => {
          const page = globalThis as { __synapseProgress?: (event: unknown) => void };
          page.__synapseProgress?.(event);
        }, event)
        .catch(() => undefined);
    },
  };

  const call = async (channel: string, input?: unknown) => {
    const handler = table.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler for channel ${channel}`);
    return handler(input, handlerContext);
  };

  await page.exposeBinding('__synapseInvoke', (_source, channel: string, input: unknown) =>
    call(channel, input),
  );
  await page.addInitScript({ content: browserApiScript });
  await page.addInitScript({ content: REPORT_CSP_VIOLATIONS });

  return {
    page,
    context,
    shell,
    session,
    table,
    vaultDir,
    problems,
    progress,
    call: async <T>(channel: string, input?: unknown) => {
      const result = await call(channel, input);
      if (!result.ok)
        throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    close: async () => {
      await context.close();
      await table.shutdown();
      await keyStore.delete(keychainAccount(vaultPath)).catch(() => false);
      rmSync(vaultDir, { recursive: true, force: true });
    },
  };
}
