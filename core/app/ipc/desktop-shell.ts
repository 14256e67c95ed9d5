import type { ImportFileKind } from '../../../shared/ipc/files.js';

export interface FileFilter {
  name: string;
  /** Extensions without the dot; '*' matches every file. */
  extensions: string[];
}

/**
 * The native parts of the desktop that handlers need: file dialogs and the file manager. Main
 * implements it with Electron's dialog and shell; the e2e harness with a scripted fake.
 */
export interface DesktopShell {
  /** Shows an open dialog over the window; resolves to the chosen path, or null on cancel. */
  chooseFileToOpen(
    windowId: number,
    options: { title: string; filters: FileFilter[] },
  ): Promise<string | null>;
  /** Shows a save dialog over the window; resolves to the chosen path, or null on cancel. */
  chooseFileToSave(
    windowId: number,
    options: { title: string; defaultName: string; filters: FileFilter[] },
  ): Promise<string | null>;
  showItemInFolder(path: string): void;
}

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

export const IMPORT_DIALOGS: Record<ImportFileKind, { title: string; filters: FileFilter[] }> = {
  classificationFile: {
    title: 'Import a classification inventory',
    filters: [
      { name: 'CSV and Excel files', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xlsm'] },
      ALL_FILES,
    ],
  },
  scanSource: {
    title: 'Scan a database or data file',
    filters: [
      {
        name: 'SQLite databases, CSV and Excel files',
        extensions: ['sqlite', 'sqlite3', 'db', 'db3', 'csv', 'xlsx'],
      },
      ALL_FILES,
    ],
  },
  verisJson: {
    title: 'Import VERIS incidents',
    filters: [{ name: 'VERIS JSON', extensions: ['json'] }, ALL_FILES],
  },
  findingsJson: {
    title: 'Import security findings',
    filters: [{ name: 'Scanner reports', extensions: ['json', 'sarif'] }, ALL_FILES],
  },
};

export const REPORT_DIALOG = {
  title: 'Save the compliance report',
  filters: [{ name: 'Excel workbooks', extensions: ['xlsx'] }],
};
