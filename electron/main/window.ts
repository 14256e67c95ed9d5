import { fileURLToPath } from 'node:url';

import { BrowserWindow, shell, type WebContents } from 'electron';

import { moduleLogger } from '../../core/log/logger.js';
import { decideNavigation, decideWindowOpen, isAppUrl } from './guards.js';
import { mainWindowOptions } from './window-options.js';

const log = moduleLogger('window');

export function createMainWindow(entryUrl: string): BrowserWindow {
  const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
  const window = new BrowserWindow(mainWindowOptions(preload));
  window.once('ready-to-show', () => window.show());
  window.loadURL(entryUrl).catch((error: unknown) => {
    log.error({ err: error }, 'the renderer failed to load');
  });
  return window;
}

/**
 * Applies the navigation rules to every webContents: the app's pages may load, allowed
 * external links open in the user's browser, no new window and no <webview> is ever created.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, appOrigin);
    if (decision.action === 'allow') return;
    event.preventDefault();
    openOutside(decision);
  });

  // Subframes may never leave the app, and the app has none of its own.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url, appOrigin)) event.preventDefault();
  });

  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    openOutside(decideWindowOpen(url));
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function openOutside(decision: { action: 'deny' } | { action: 'openExternal'; url: string }): void {
  if (decision.action === 'deny') {
    log.warn('blocked a navigation away from the app');
    return;
  }
  shell.openExternal(decision.url).catch((error: unknown) => {
    log.warn({ err: error }, 'the operating system could not open an external link');
  });
}
