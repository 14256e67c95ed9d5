import { once } from 'node:events';
import type { Writable } from 'node:stream';

import { cellText, type CellPolicy } from './cells.js';
import type { ColumnDefinition } from './columns.js';

/** Rows written between two checks of the output's buffer. */
const ROWS_PER_CHECK = 500;

/**
 * Writes rows as CSV: UTF-8 with a byte order mark (so Excel reads the encoding), comma
 * delimiters, CRLF line ends and RFC 4180 quoting. Each value goes through cellText, so text is
 * masked under the policy and a leading = + - @ TAB or CR is neutralised with an apostrophe,
 * as in the Excel report. Returns the number of data rows.
 */
export async function writeCsvRows<Row>(
  output: Writable,
  columns: readonly ColumnDefinition<Row>[],
  rows: Iterable<Row>,
  policy: CellPolicy,
): Promise<number> {
  let buffer = `\uFEFF${columns.map((column) => quoteCsv(cellText('verbatim', column.header, policy))).join(',')}\r\n`;
  let count = 0;

  for (const row of rows) {
    const cells = columns.map((column) =>
      quoteCsv(cellText(column.kind, column.value(row), policy)),
    );
    buffer += `${cells.join(',')}\r\n`;
    count += 1;
    if (count % ROWS_PER_CHECK === 0) {
      await writeChunk(output, buffer);
      buffer = '';
    }
  }

  await writeChunk(output, buffer);
  output.end();
  return count;
}

/** Quotes a field that contains a comma, a quote or a line break, doubling its quotes. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeChunk(output: Writable, chunk: string): Promise<void> {
  if (chunk !== '' && !output.write(chunk)) {
    await once(output, 'drain');
  }
}
