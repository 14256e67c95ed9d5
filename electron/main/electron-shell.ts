import { join } from 'node:path';

import { app, BrowserWindow, dialog, shell, webContents } from 'electron';

import type { DesktopShell, FileFilter } from '../../core/app/ipc/desktop-shell.js';

/** File dialogs and the file manager through Electron, each dialog over the calling window. */
export class ElectronDesktopShell implements DesktopShell {
  async chooseFileToOpen(
    windowId: number,
    options: { title: string; filters: FileFilter[] },
  ): Promise<string | null> {
    const dialogOptions = {
      title: options.title,
      filters: options.filters,
      properties: ['openFile' as const],
    };
    const owner = windowOf(windowId);
    const result = owner
      ? await dialog.showOpenDialog(owner, dialogOptions)
      : await dialog.showOpenDialog(dialogOptions);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  async chooseFileToSave(
    windowId: number,
    options: { title: string; defaultName: string; filters: FileFilter[] },
  ): Promise<string | null> {
    const dialogOptions = {
      title: options.title,
      defaultPath: join(app.getPath('documents'), options.defaultName),
      filters: options.filters,
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const owner = windowOf(windowId);
    const result = owner
      ? await dialog.showSaveDialog(owner, dialogOptions)
      : await dialog.showSaveDialog(dialogOptions);
    return result.canceled || result.filePath === undefined || result.filePath === ''
      ? null
      : result.filePath;
  }

  showItemInFolder(path: string): void {
    shell.showItemInFolder(path);
  }
}

function windowOf(webContentsId: number): BrowserWindow | null {
  const contents = webContents.fromId(webContentsId);
  return contents === undefined ? null : BrowserWindow.fromWebContents(contents);
}
