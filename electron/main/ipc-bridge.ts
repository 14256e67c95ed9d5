import { ipcMain, type IpcMainInvokeEvent } from 'electron';

import type { HandlerTable } from '../../core/app/ipc/handler-table.js';
import { moduleLogger } from '../../core/log/logger.js';
import { PROGRESS_EVENT } from '../../shared/ipc/jobs.js';
import { isTrustedSender } from './guards.js';

const log = moduleLogger('ipc');

/**
 * Registers every handler of the table with ipcMain. A call is served only when it comes from
 * the app's own top-level frame; any other sender gets a rejected promise and a log line.
 */
export function registerIpcHandlers(table: HandlerTable, appOrigin: string): void {
  for (const [channel, handler] of table.handlers) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(senderFrameOf(event), appOrigin)) {
        log.warn(
          { channel, webContentsId: event.sender.id },
          'rejected IPC call from an untrusted frame',
        );
        throw new Error(`${channel} rejected: the caller is not the application window.`);
      }

      const sender = event.sender;
      return handler(input, {
        windowId: sender.id,
        emitProgress: (progress) => {
          if (!sender.isDestroyed()) sender.send(PROGRESS_EVENT, progress);
        },
      });
    });
  }
}

function senderFrameOf(event: IpcMainInvokeEvent): { url: string; isMainFrame: boolean } | null {
  // senderFrame is null once the frame has navigated away or been destroyed.
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return null;
  return { url: frame.url, isMainFrame: frame === event.sender.mainFrame };
}
