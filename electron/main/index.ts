// Entry of the Electron main process. Only what must happen before 'ready' is here. The rest
// loads afterwards, so a failure to load a native module still ends in a readable error box.
import { app, dialog, protocol } from 'electron';

import { APP_SCHEME } from './guards.js';

// 1. A custom scheme gets web-page powers (origin, fetch, secure context) only when it is
// registered as privileged before the app is ready.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true },
  },
]);

// 2. Every renderer runs sandboxed, whatever a window's own options set.
app.enableSandbox();

// 3. One instance per user: two processes writing one vault would fight over its WAL.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  try {
    const { startDesktop } = await import('./desktop.js');
    const desktop = await startDesktop();
    app.on('second-instance', () => desktop.focus());
  } catch (error) {
    // Startup failed before a window could show it. The message names the failure; the stack
    // stays out because a user cannot act on it.
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(
      'Synapse Compliance Console could not start',
      `${message}\n\nReinstall the application; if this keeps happening, report the message above.`,
    );
    app.exit(1);
  }
}
