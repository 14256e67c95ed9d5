import { createHash } from 'node:crypto';

import { InvalidInputError } from '../../shared/errors.js';

/** Byte order marks the importers recognise, longest first. */
export const BYTE_ORDER_MARKS = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
] as const;

export type BomEncoding = (typeof BYTE_ORDER_MARKS)[number]['encoding'];

/** Returns the encoding named by the byte order mark at the start of the bytes, if any. */
export function detectBom(bytes: Buffer): { encoding: BomEncoding; length: number } | null {
  for (const bom of BYTE_ORDER_MARKS) {
    if (bom.bytes.every((byte, index) => bytes[index] === byte)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

/**
 * Decodes UTF-8 and returns null when the bytes are not valid UTF-8, instead of replacing the
 * invalid sequences with U+FFFD as Buffer.toString does.
 */
export function decodeUtf8Strict(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes UTF-16 text after its byte order mark; Node's TextDecoder handles both byte orders. */
export function decodeUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/**
 * Rejects empty input. Whitespace-only text counts as empty, because no format the importers read
 * accepts it.
 */
export function assertNotEmpty(file: string, text: string, expected: string): void {
  if (text.trim() === '') {
    throw new InvalidInputError({ file }, `the file is empty; expected ${expected}`);
  }
}

/** Rejects text that contains a NUL character, which no text export produces. */
export function assertNoNul(file: string, text: string, formatName: string): void {
  const index = text.indexOf('\u0000');
  if (index >= 0) {
    throw new InvalidInputError(
      { file },
      `the file is binary, not ${formatName} text (NUL character at offset ${index}); ` +
        `export the data as ${formatName} and import that file`,
    );
  }
}

/** Rejects a file larger than the import limit before it is decoded. */
export function assertMaxBytes(file: string, size: number, maxBytes: number, formatName: string) {
  if (size > maxBytes) {
    throw new InvalidInputError(
      { file },
      `the file is ${formatSize(size)}, above the ${formatSize(maxBytes)} limit for ` +
        `${formatName} imports; split it into smaller files`,
    );
  }
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${bytes.toLocaleString('en-US')} bytes`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Shortens text to at most `max` characters, ending with an ellipsis when it was cut. Importers
 * cut optional long text such as summaries to the schema limit instead of rejecting the record.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const end = lastSpace > max * 0.6 ? lastSpace : cut.length;
  return `${cut.slice(0, end).trimEnd()}…`;
}

/** Hex SHA-256 of the parts joined by a separator that cannot occur in them (U+001F). */
export function sha256Of(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}
