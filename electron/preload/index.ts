// The sandboxed preload: builds window.api from the IPC contract and exposes nothing else.
// It must bundle to one CommonJS file that requires only 'electron' (see electron.vite.config.ts).
import '../../shared/ipc/zod-jitless.js';

import { contextBridge, ipcRenderer } from 'electron';

import { PROGRESS_EVENT } from '../../shared/ipc/jobs.js';
import { buildWindowApi } from '../../shared/ipc/window-api.js';

const api = buildWindowApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribeProgress: (listener) => {
    // The listener gets the payload only: the IPC event would hand the page ipcRenderer itself.
    const forward = (_event: unknown, progress: Parameters<typeof listener>[0]) =>
      listener(progress);
    ipcRenderer.on(PROGRESS_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(PROGRESS_EVENT, forward);
    };
  },
});

contextBridge.exposeInMainWorld('api', api);
