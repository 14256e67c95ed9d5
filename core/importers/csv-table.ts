import { CsvError, parse } from 'csv-parse/sync';

import { InvalidInputError } from '../../shared/errors.js';
import {
  decodeCsvBytes,
  detectDelimiter,
  type CsvDelimiter,
  type CsvEncoding,
} from './csv-text.js';
import type { TabularRow } from './tabular.js';
import { assertMaxBytes, assertNoNul, assertNotEmpty } from './text-input.js';

export const DEFAULT_MAX_CSV_BYTES = 64 * 1024 * 1024;

export interface CsvTableOptions {
  /** Overrides delimiter detection. */
  delimiter?: CsvDelimiter;
  maxBytes?: number;
  /** Stops after this many records, for scans that sample the first rows only. */
  rowLimit?: number;
  /** Names what the file should contain, for the message about an empty file. */
  expected?: string;
  /**
   * Returns rows with more cells than the first row instead of rejecting the file, for callers
   * that report such rows one by one. Rows with fewer cells are always returned.
   */
  allowLongRows?: boolean;
}

/** A decoded CSV file: its rows, and the encoding and delimiter it was read with. */
export interface CsvTable {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  rows: TabularRow[];
}

/**
 * Decodes CSV bytes (see decodeCsvBytes for the encodings) and splits them into rows. Quoted
 * fields may hold delimiters, doubled quotes and line breaks; each row keeps the line it starts on.
 */
export function readCsvTable(
  file: string,
  bytes: Buffer | string,
  options: CsvTableOptions = {},
): CsvTable {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  assertMaxBytes(file, size, options.maxBytes ?? DEFAULT_MAX_CSV_BYTES, 'CSV');
  const { text, encoding } = decodeCsvBytes(file, bytes);
  assertNotEmpty(file, text, options.expected ?? 'a CSV file with a header row');
  assertNoNul(file, text, 'CSV');

  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows = readRows(file, text, delimiter, options.rowLimit, options.allowLongRows === true);
  return { encoding, delimiter, rows };
}

function readRows(
  file: string,
  text: string,
  delimiter: CsvDelimiter,
  rowLimit: number | undefined,
  allowLongRows: boolean,
): TabularRow[] {
  // Parsing bytes makes info.bytes an offset into this buffer, which the line numbers come from.
  const buffer = Buffer.from(text, 'utf8');
  const parseOptions = {
    delimiter,
    info: true,
    ...(allowLongRows ? { relax_column_count: true } : { relax_column_count_less: true }),
    skip_empty_lines: true,
    ...(rowLimit === undefined ? {} : { to: rowLimit }),
  } as const;

  let parsed: ParsedRecord[];
  try {
    parsed = parse(buffer, parseOptions) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) {
      throw error;
    }
    // The error's own line count is off after quoted line breaks, so the failing record's first
    // line is found by parsing the records before it again.
    const recordIndex = (error as CsvError & { records?: number }).records ?? 0;
    const before = parse(buffer, { ...parseOptions, to: recordIndex }) as unknown as ParsedRecord[];
    const line = new LineCounter(buffer).lineOfRecordAt(before.at(-1)?.info.bytes ?? 0);
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new InvalidInputError(
        { file, line },
        'the file ends inside a quoted field that starts on this line: the file may be ' +
          'truncated, or a quote is missing',
      );
    }
    throw new InvalidInputError(
      { file, line },
      `invalid CSV: ${error.message.replace(/ (at|on) line \d+/g, '')}; check the quotes and ` +
        'the number of columns on that line',
    );
  }

  // csv-parse counts a CRLF inside a quoted field as two lines, so lines are counted here from
  // the byte offset where each record starts: right after the previous one.
  const counter = new LineCounter(buffer);
  let start = 0;
  return parsed.map(({ record, info }) => {
    const line = counter.lineOfRecordAt(start);
    start = info.bytes;
    return { cells: record, line };
  });
}

/** With info: true, csv-parse returns these objects; its typings do not say so. */
interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

/** Converts byte offsets, visited in increasing order, to 1-based line numbers. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly buffer: Buffer) {}

  /** Returns the line of the first record at or after the offset, skipping empty lines. */
  lineOfRecordAt(start: number): number {
    while (this.offset < start || this.isLineBreak(this.offset)) {
      this.step();
    }
    return this.line;
  }

  private isLineBreak(offset: number): boolean {
    const byte = this.buffer[offset];
    return byte === 0x0a || byte === 0x0d;
  }

  private step(): void {
    const byte = this.buffer[this.offset];
    // A CR counts only when no LF follows, so CRLF is one line break.
    if (byte === 0x0a || (byte === 0x0d && this.buffer[this.offset + 1] !== 0x0a)) {
      this.line += 1;
    }
    this.offset += 1;
  }
}
