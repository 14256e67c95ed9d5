import type { DesktopShell, FileFilter } from '../../core/app/ipc/desktop-shell.js';

/**
 * A DesktopShell for tests: each dialog returns the next path a test queued, as if the user had
 * picked it, or null (cancel) when none is queued. Calls are recorded for assertions.
 */
export class ScriptedDesktopShell implements DesktopShell {
  private readonly openAnswers: (string | null)[] = [];
  private readonly saveAnswers: (string | null)[] = [];
  readonly openDialogs: { title: string; filters: FileFilter[] }[] = [];
  readonly saveDialogs: { title: string; defaultName: string }[] = [];
  readonly revealed: string[] = [];

  answerNextOpen(path: string | null): void {
    this.openAnswers.push(path);
  }

  answerNextSave(path: string | null): void {
    this.saveAnswers.push(path);
  }

  async chooseFileToOpen(
    _windowId: number,
    options: { title: string; filters: FileFilter[] },
  ): Promise<string | null> {
    this.openDialogs.push(options);
    return this.openAnswers.shift() ?? null;
  }

  async chooseFileToSave(
    _windowId: number,
    options: { title: string; defaultName: string; filters: FileFilter[] },
  ): Promise<string | null> {
    this.saveDialogs.push({ title: options.title, defaultName: options.defaultName });
    return this.saveAnswers.shift() ?? null;
  }

  showItemInFolder(path: string): void {
    this.revealed.push(path);
  }
}
