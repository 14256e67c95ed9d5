import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';

import { app, BrowserWindow, Menu, protocol, session as electronSession } from 'electron';

import { createHandlerTable } from '../../core/app/ipc/handler-table.js';
import { VaultSession } from '../../core/app/session.js';
import { OsKeyStore } from '../../core/keychain/os-keychain.js';
import { moduleLogger } from '../../core/log/logger.js';
import { resolveVaultPath } from '../../core/vault/paths.js';
import { ElectronDesktopShell } from './electron-shell.js';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, isAppUrl, isPermissionAllowed } from './guards.js';
import { registerIpcHandlers } from './ipc-bridge.js';
import { applicationMenu } from './menu.js';
import { serveAppRequest } from './renderer-files.js';
import { createMainWindow, hardenWebContents } from './window.js';

const log = moduleLogger('desktop');

export interface DesktopApp {
  /** Brings the window to the front, as when a second instance is started. */
  focus(): void;
}

function desktopActor(): string {
  try {
    return `desktop:${userInfo().username}`;
  } catch {
    return 'desktop:unknown';
  }
}

/**
 * Returns the renderer's origin and first URL. Packaged and built runs use app://; `electron-vite dev`
 * sets ELECTRON_RENDERER_URL to its local dev server, which is trusted only in unpackaged runs.
 * NOTE: the dev server sends no Content-Security-Policy, because Vite's hot reload needs inline
 * scripts; the policy is in force only for app:// pages.
 */
function rendererLocation(): { origin: string; entryUrl: string } {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl !== undefined) {
    const parsed = new URL(devUrl);
    if (parsed.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(parsed.hostname)) {
      return { origin: parsed.origin, entryUrl: parsed.href };
    }
    log.warn('ELECTRON_RENDERER_URL is not a local http URL; loading the built renderer');
  }
  return { origin: APP_ORIGIN, entryUrl: APP_ENTRY_URL };
}

/** Wires the main process once the app is ready and opens the window. */
export async function startDesktop(): Promise<DesktopApp> {
  const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
  const { origin, entryUrl } = rendererLocation();

  // 1. The vault session and the IPC handler table over it.
  const session = new VaultSession(resolveVaultPath(), new OsKeyStore(), desktopActor());
  const table = createHandlerTable({ session, shell: new ElectronDesktopShell() });
  registerIpcHandlers(table, origin);

  // 2. The renderer's files, and nothing from the network.
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));
  const defaultSession = electronSession.defaultSession;
  defaultSession.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = isAppUrl(details.url, origin) || details.url.startsWith('devtools://');
    if (!allowed) log.warn({ resourceType: details.resourceType }, 'blocked a network request');
    callback({ cancel: !allowed });
  });
  defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, origin));
  });
  defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, origin),
  );
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin));

  // 3. The window; closing it quits, and quitting locks the vault first.
  Menu.setApplicationMenu(applicationMenu(app.isPackaged));
  let window = createMainWindow(entryUrl);
  const windowId = window.webContents.id;
  window.on('closed', () => table.forgetWindow(windowId));
  app.on('window-all-closed', () => app.quit());
  lockVaultBeforeQuit(() => table.shutdown());
  log.info({ origin }, 'desktop started');

  return {
    focus() {
      if (window.isDestroyed()) {
        window = createMainWindow(entryUrl);
        return;
      }
      if (window.isMinimized()) window.restore();
      window.focus();
    },
  };
}

/**
 * Holds the first quit until the handler table has cancelled its jobs and locked the vault,
 * which checkpoints the WAL so the vault is one file at rest.
 */
function lockVaultBeforeQuit(shutdown: () => Promise<void>): void {
  let locked = false;
  app.on('before-quit', (event) => {
    if (locked) return;
    event.preventDefault();
    shutdown()
      .catch((error: unknown) => log.error({ err: error }, 'locking the vault at quit failed'))
      .finally(() => {
        locked = true;
        for (const open of BrowserWindow.getAllWindows()) open.destroy();
        app.quit();
      });
  });
}
