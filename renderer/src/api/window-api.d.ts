import type { WindowApi } from '../../../shared/ipc/window-api.js';

declare global {
  interface Window {
    /** Built by the preload from the IPC contract; the renderer's only way to main. */
    readonly api: WindowApi;
  }
}
