import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';

/**
 * Writes a file through a temporary file in the same folder that is renamed into place only when
 * `write` finished, so a failed export leaves no partial file and never replaces an earlier one
 * half-way. Returns the absolute path.
 */
export async function writeFileAtomically(
  outFile: string,
  write: (output: Writable) => Promise<void>,
): Promise<string> {
  const file = path.resolve(outFile);
  const tempFile = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );

  // 'wx' fails on a missing folder at once and never overwrites a file with the temporary name.
  const handle = await open(tempFile, 'wx');
  const output = handle.createWriteStream();
  // The stream emits 'close' after an error or destroy() too, so this settles on every path.
  const closed = new Promise<void>((resolve) => output.once('close', () => resolve()));

  try {
    await write(output);
    await closed;
    await rename(tempFile, file);
  } catch (error) {
    output.destroy();
    await closed;
    await rm(tempFile, { force: true });
    throw error;
  }
  return file;
}
