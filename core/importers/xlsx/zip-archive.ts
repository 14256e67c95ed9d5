import { inflateRawSync } from 'node:zlib';

import { InvalidInputError } from '../../../shared/errors.js';
import { formatSize } from '../text-input.js';

/** Limits checked before any entry of an archive is decompressed. */
export interface ZipLimits {
  /** Entries in the archive, read from the end of central directory record. */
  maxEntries: number;
  /** Declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /**
   * Declared uncompressed size divided by compressed size, checked for entries above 1 MiB.
   * Spreadsheet XML compresses about 5 to 30 times; a block of zeros about 1,000 times.
   */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
};

/** One file of a ZIP archive as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const RATIO_CHECK_FROM = 1024 * 1024;

const STORED = 0;
const DEFLATED = 8;

/**
 * A ZIP archive held in memory whose central directory has passed the limits. Entries are
 * decompressed one at a time, and never to more bytes than the directory declares, so an archive
 * that lies about its sizes fails instead of filling memory.
 */
export class ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;

  constructor(
    private readonly file: string,
    private readonly bytes: Buffer,
    limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.entries = readCentralDirectory(file, bytes, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Decompresses one entry, or returns null when the archive has no entry of that name. */
  read(name: string): Buffer | null {
    const entry = this.entries.get(name);
    if (entry === undefined) {
      return null;
    }

    const data = this.compressedData(entry);
    if (entry.method === STORED) {
      return data;
    }

    try {
      // maxOutputLength stops zlib as soon as the output passes the declared size.
      const output = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      if (output.length !== entry.uncompressedSize) {
        throw this.invalid(
          `entry ${name} decompresses to ${output.length} bytes but declares ` +
            `${entry.uncompressedSize}; the file is damaged`,
        );
      }
      return output;
    } catch (error) {
      if (error instanceof InvalidInputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') {
        throw this.invalid(
          `entry ${name} decompresses to more than the ${formatSize(entry.uncompressedSize)} ` +
            'its directory declares, which is how a zip bomb hides its size; the file was rejected',
        );
      }
      throw this.invalid(`entry ${name} cannot be decompressed: ${(error as Error).message}`);
    }
  }

  private compressedData(entry: ZipEntry): Buffer {
    const offset = entry.localHeaderOffset;
    if (offset + 30 > this.bytes.length || this.bytes.readUInt32LE(offset) !== LOCAL_HEADER) {
      throw this.invalid(`the local header of entry ${entry.name} is missing; the file is damaged`);
    }

    const nameLength = this.bytes.readUInt16LE(offset + 26);
    const extraLength = this.bytes.readUInt16LE(offset + 28);
    const start = offset + 30 + nameLength + extraLength;
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) {
      throw this.invalid(`entry ${entry.name} runs past the end of the file; the file is damaged`);
    }
    return this.bytes.subarray(start, end);
  }

  private invalid(problem: string): InvalidInputError {
    return new InvalidInputError({ file: this.file }, problem);
  }
}

function readCentralDirectory(
  file: string,
  bytes: Buffer,
  limits: ZipLimits,
): Map<string, ZipEntry> {
  const invalid = (problem: string) => new InvalidInputError({ file }, problem);

  // 1. Find the end of central directory record, which ends the file before an optional comment.
  const end = findEndRecord(bytes);
  if (end < 0) {
    throw invalid('not an XLSX workbook: the file is not a ZIP archive; save it as .xlsx');
  }
  const entryCount = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) {
    throw invalid('the archive uses ZIP64, which workbooks under 4 GB never need; re-save it');
  }
  if (entryCount > limits.maxEntries) {
    throw invalid(
      `the archive has ${entryCount} entries, above the limit of ${limits.maxEntries} for a ` +
        'workbook; the file was rejected before anything was decompressed',
    );
  }
  if (directoryOffset + directorySize > end) {
    throw invalid('the ZIP central directory points outside the file; the file is damaged');
  }

  // 2. Read every directory header and check the declared sizes.
  const entries = new Map<string, ZipEntry>();
  let offset = directoryOffset;
  let totalBytes = 0;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== DIRECTORY_HEADER) {
      throw invalid(`ZIP directory entry ${index + 1} is damaged`);
    }
    const flags = bytes.readUInt16LE(offset + 8);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const entry: ZipEntry = {
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      uncompressedSize: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
    };
    offset += 46 + nameLength + extraLength + commentLength;

    if ((flags & 0x1) !== 0) {
      throw invalid(`entry ${entry.name} is encrypted; remove the workbook password and re-save`);
    }
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw invalid(`entry ${entry.name} uses ZIP compression method ${entry.method}; re-save it`);
    }
    checkEntrySize(entry, limits, invalid);

    totalBytes += entry.uncompressedSize;
    if (totalBytes > limits.maxTotalBytes) {
      throw invalid(
        `the workbook expands to more than ${formatSize(limits.maxTotalBytes)}; the file was ` +
          'rejected before anything was decompressed (a zip bomb, or a workbook too large to import)',
      );
    }
    entries.set(entry.name, entry);
  }
  return entries;
}

function checkEntrySize(
  entry: ZipEntry,
  limits: ZipLimits,
  invalid: (problem: string) => InvalidInputError,
): void {
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw invalid(
      `entry ${entry.name} expands to ${formatSize(entry.uncompressedSize)}, above the ` +
        `${formatSize(limits.maxEntryBytes)} limit; split the workbook into smaller files`,
    );
  }

  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize >= RATIO_CHECK_FROM && ratio > limits.maxRatio) {
    throw invalid(
      `entry ${entry.name} expands ${Math.round(ratio)} times (${formatSize(entry.compressedSize)} ` +
        `to ${formatSize(entry.uncompressedSize)}), above the limit of ${limits.maxRatio}; this ` +
        'is how a zip bomb looks, so the file was rejected',
    );
  }
}

/** Returns the offset of the end of central directory record, or -1. */
function findEndRecord(bytes: Buffer): number {
  const last = bytes.length - END_RECORD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let offset = last; offset >= first; offset -= 1) {
    if (bytes.readUInt32LE(offset) === END_OF_DIRECTORY) {
      return offset;
    }
  }
  return -1;
}
