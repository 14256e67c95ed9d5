import { open } from 'node:fs/promises';

import { InvalidInputError, SynapseError } from '../../../shared/errors.js';
import type { JobRun } from './jobs.js';

/**
 * Largest file an import reads. The parsers hold the whole file in memory, and a Node Buffer
 * cannot exceed a few gigabytes, so a bigger file is rejected before any byte is read.
 */
export const MAX_IMPORT_FILE_BYTES = 1024 * 1024 * 1024;

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a file chosen for import in chunks, reporting bytes read and stopping when the job is
 * cancelled. File-system errors become messages that name the file.
 */
export async function readImportFile(path: string, job?: JobRun): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(path, error);
  }

  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      throw new InvalidInputError({ file: path }, 'is a folder, not a file; choose a file');
    }
    if (stats.size > MAX_IMPORT_FILE_BYTES) {
      throw new InvalidInputError(
        { file: path },
        `is ${Math.round(stats.size / 1024 / 1024)} MiB, above the import limit of ` +
          `${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB; split the file and import the parts`,
      );
    }

    const buffer = Buffer.alloc(stats.size);
    let offset = 0;
    while (offset < stats.size) {
      job?.throwIfCancelled();
      const length = Math.min(CHUNK_BYTES, stats.size - offset);
      const { bytesRead } = await handle.read(buffer, offset, length, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
      job?.progress('reading', offset, stats.size);
    }
    return buffer.subarray(0, offset);
  } catch (error) {
    if (error instanceof SynapseError) throw error;
    throw fileError(path, error);
  } finally {
    await handle.close();
  }
}

function fileError(path: string, error: unknown): InvalidInputError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem =
    code === 'ENOENT'
      ? 'file not found; it was moved or deleted after it was chosen'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied; check the file permissions'
        : code === 'EISDIR'
          ? 'is a folder, not a file; choose a file'
          : `cannot be read (${code ?? 'unknown error'})`;
  return new InvalidInputError({ file: path }, problem);
}
