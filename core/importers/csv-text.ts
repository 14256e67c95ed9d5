import iconv from 'iconv-lite';

import { InvalidInputError } from '../../shared/errors.js';
import { decodeUtf16, decodeUtf8Strict, detectBom } from './text-input.js';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * Decodes CSV bytes. A byte order mark decides the encoding (UTF-8, UTF-16 LE or BE). Without one,
 * the text is UTF-8 when it decodes as valid UTF-8 and Windows-1252 otherwise, which is what Excel
 * writes for "CSV" on Western European Windows systems. NUL bytes without a UTF-16 byte order mark
 * mean a binary file.
 */
export function decodeCsvBytes(
  file: string,
  bytes: Buffer | string,
): { text: string; encoding: CsvEncoding } {
  if (typeof bytes === 'string') {
    return { text: bytes.startsWith('\uFEFF') ? bytes.slice(1) : bytes, encoding: 'utf-8' };
  }

  const bom = detectBom(bytes);
  if (bom !== null && bom.encoding !== 'utf-8') {
    return { text: decodeUtf16(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  }

  const body = bom === null ? bytes : bytes.subarray(bom.length);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    throw new InvalidInputError(
      { file },
      `the file is binary, not CSV text (NUL byte at offset ${nul}); a UTF-16 CSV needs a byte ` +
        'order mark, so save it from the spreadsheet as "CSV UTF-8"',
    );
  }

  const utf8 = decodeUtf8Strict(body);
  if (utf8 !== null) {
    return { text: utf8, encoding: 'utf-8' };
  }
  return { text: iconv.decode(body, 'windows-1252'), encoding: 'windows-1252' };
}

/**
 * Picks the delimiter that occurs most often outside quotes in the header line: comma, semicolon
 * (European Excel) or TAB. Ties go to the comma, then the semicolon.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;

  for (const char of headerLine(text)) {
    if (char === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
    }
  }

  let best: CsvDelimiter = ',';
  for (const delimiter of CSV_DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) {
      best = delimiter;
    }
  }
  return best;
}

/** Returns the first non-empty line, ending at the first line break outside quotes. */
function headerLine(text: string): string {
  const start = text.search(/[^\r\n]/);
  if (start < 0) {
    return '';
  }

  let inQuotes = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && (char === '\n' || char === '\r')) {
      return text.slice(start, index);
    }
  }
  return text.slice(start);
}
