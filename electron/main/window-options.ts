// The main window's options as plain data, so a Node test can check every security setting
// without Electron. Only a type is imported from 'electron', and it is erased at build time.
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Synapse Compliance Console';

/**
 * Options of the one application window. Each webPreferences value is set explicitly, even where
 * it matches Electron's default, so a changed default cannot weaken the window.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the window never flashes an empty frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click opens links in a new window; the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
