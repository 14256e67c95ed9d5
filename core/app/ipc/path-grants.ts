import { resolve } from 'node:path';

import { SynapseError } from '../../../shared/errors.js';

/**
 * Permission a window has on a path: read a file it chose to import, write the report file it
 * chose to save, or reveal a report it wrote.
 */
export type PathGrantKind = 'read' | 'write' | 'reveal';

/** Paths one window may hold at a time; the oldest grant goes first beyond this. */
export const MAX_GRANTS_PER_WINDOW = 64;

/**
 * The per-window allow-list of file paths. Only paths that a native dialog returned (or that a
 * report was written to) are granted, so a compromised renderer cannot make main read or write a
 * path of its own choosing. Paths are compared after path.resolve, exactly as granted.
 */
export class PathGrants {
  private readonly byWindow = new Map<number, Map<string, Set<PathGrantKind>>>();

  grant(windowId: number, path: string, kind: PathGrantKind): string {
    const resolved = resolve(path);
    let grants = this.byWindow.get(windowId);
    if (grants === undefined) {
      grants = new Map();
      this.byWindow.set(windowId, grants);
    }

    // Re-inserting moves the path to the end, so eviction drops the least recently granted.
    const kinds = grants.get(resolved) ?? new Set<PathGrantKind>();
    grants.delete(resolved);
    kinds.add(kind);
    grants.set(resolved, kinds);

    while (grants.size > MAX_GRANTS_PER_WINDOW) {
      const oldest = grants.keys().next().value;
      if (oldest === undefined) break;
      grants.delete(oldest);
    }
    return resolved;
  }

  has(windowId: number, path: string, kind: PathGrantKind): boolean {
    return this.byWindow.get(windowId)?.get(resolve(path))?.has(kind) === true;
  }

  /** Returns the resolved path, or throws INVALID_INPUT when the window has no such grant. */
  require(windowId: number, path: string, kind: PathGrantKind): string {
    if (!this.has(windowId, path, kind)) {
      throw new SynapseError(
        'INVALID_INPUT',
        `The file ${path} was not chosen in a file dialog of this window. ` +
          (kind === 'write'
            ? 'Choose where to save the report first.'
            : kind === 'read'
              ? 'Choose the file to import first.'
              : 'Only a report written by this window can be shown in its folder.'),
      );
    }
    return resolve(path);
  }

  forgetWindow(windowId: number): void {
    this.byWindow.delete(windowId);
  }
}
