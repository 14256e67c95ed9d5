import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { SynapseError } from '../shared/errors.js';

/**
 * Checks a file the command is about to write: its folder must exist, the path must not be a
 * folder, and an existing file is replaced only with --force.
 */
export function checkOutputPath(
  out: string,
  options: { force: boolean; extension: string },
): string {
  const path = resolve(out);
  if (!path.toLowerCase().endsWith(options.extension)) {
    throw new SynapseError(
      'USAGE',
      `--out "${out}" must end in ${options.extension}, the format this command writes.`,
    );
  }

  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new SynapseError(
      'INVALID_INPUT',
      `The folder ${folder} does not exist. Create it first or choose another --out path.`,
    );
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) {
      throw new SynapseError(
        'INVALID_INPUT',
        `--out "${out}" is a folder. Name a file inside it, for example ${resolve(path, `report${options.extension}`)}.`,
      );
    }
    if (!options.force) {
      throw new SynapseError(
        'INVALID_INPUT',
        `The file ${path} already exists. Pass --force to replace it, or choose another --out path.`,
      );
    }
  }
  return path;
}
