import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import ExcelJS, { type Worksheet } from 'exceljs';

import { SynapseError } from '../../shared/errors.js';
import { setCellValue, setLabel, type CellKind, type CellPolicy } from './cells.js';
import type { SheetColumn } from './columns.js';
import { safeSheetName } from './sheet-name.js';

/** One cell of a row to write: its value and the kind that decides how it is written. */
export interface CellInput {
  kind: CellKind;
  value: unknown;
}

export interface ReportWorkbookOptions {
  policy: CellPolicy;
  onProgress?: ((rowsWritten: number) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Data rows per sheet before the rest moves to a continuation sheet such as "Audit Trail (2)". */
  maxDataRowsPerSheet?: number | undefined;
}

/** Excel's row limit (1,048,576) minus the header row. */
export const MAX_DATA_ROWS_PER_SHEET = 1_048_575;

/**
 * Rows written between two pauses. Each pause reports progress, checks for cancellation and lets
 * the event loop run, because exceljs commits rows synchronously and only the event loop drains
 * them through the zip compressor to the file.
 */
const ROWS_PER_PAUSE = 1_000;

/**
 * Uncompressed sheet XML allowed to wait for the zip compressor before writing stops until it
 * catches up. exceljs 4.4 ignores backpressure, so without this limit a sheet's XML piles up in
 * memory whenever rows are produced faster than they are compressed.
 */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

interface OpenSheet {
  worksheet: Worksheet;
  name: string;
  columnCount: number;
  dataRows: number;
  autoFilter: boolean;
}

/**
 * A streaming workbook for reports: each sheet has a bold, frozen header row, and every row is
 * committed to the output as soon as it is written, so memory does not grow with the row count.
 */
export class ReportWorkbook {
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheetRows = new Map<string, number>();
  private rowsWritten = 0;
  private failure: unknown = null;
  /** Aborted on a stream failure, to end a wait for the compressor that would never finish. */
  private readonly failed = new AbortController();

  constructor(
    output: Writable,
    private readonly options: ReportWorkbookOptions,
  ) {
    // A stream, not a file name, so that the caller owns the file handle and can wait for it to
    // close (or close it on failure) before renaming or deleting the file.
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });

    // exceljs listens for errors only once the workbook is committed. Until then, an error from
    // the zip archiver or the file would be unhandled and would end the process.
    output.on('error', (error) => this.recordFailure(error));
    this.archiver()?.on('error', (error) => this.recordFailure(error));
  }

  /** Names of the sheets written so far, in workbook order. */
  get sheets(): string[] {
    return [...this.sheetRows.keys()];
  }

  /** Data rows (header excluded) of each sheet written so far. */
  get rows(): Record<string, number> {
    return Object.fromEntries(this.sheetRows);
  }

  /**
   * Writes one sheet from an iterable of rows, moving to continuation sheets when a sheet reaches
   * Excel's row limit. With autoFilter, the filter covers the header and every data row.
   */
  async writeSheet(
    title: string,
    columns: readonly SheetColumn[],
    rows: Iterable<readonly CellInput[]>,
    options: { autoFilter: boolean },
  ): Promise<void> {
    const maxDataRows = this.options.maxDataRowsPerSheet ?? MAX_DATA_ROWS_PER_SHEET;
    this.checkpoint();

    let sheet = this.openSheet(title, columns, options.autoFilter);
    for (const cells of rows) {
      if (sheet.dataRows >= maxDataRows) {
        this.closeSheet(sheet);
        sheet = this.openSheet(title, columns, options.autoFilter);
      }

      this.writeDataRow(sheet, cells);
      if (this.rowsWritten % ROWS_PER_PAUSE === 0) {
        await this.pause(sheet);
      }
    }

    this.closeSheet(sheet);
    this.options.onProgress?.(this.rowsWritten);
  }

  /** Finishes the workbook and resolves once all its bytes are handed to the output stream. */
  async commit(): Promise<void> {
    this.checkpoint();
    await this.writer.commit();
    this.checkpoint();
  }

  /**
   * Stops the zip archiver after a failure or cancellation, so that nothing more is written. The
   * caller still closes and deletes the output file.
   */
  abort(): void {
    const archiver = this.archiver();
    archiver?.unpipe();
    archiver?.abort();
  }

  private openSheet(
    title: string,
    columns: readonly SheetColumn[],
    autoFilter: boolean,
  ): OpenSheet {
    const name = safeSheetName(title, this.sheetRows.keys());
    this.sheetRows.set(name, 0);

    // Views must be given here: the streaming writer writes them when the sheet is created.
    const worksheet = this.writer.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    worksheet.columns = columns.map((column) => ({ width: column.width }));

    const header = worksheet.getRow(1);
    columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      setLabel(cell, column.header);
      cell.font = { bold: true };
    });
    header.commit();

    return { worksheet, name, columnCount: columns.length, dataRows: 0, autoFilter };
  }

  private writeDataRow(sheet: OpenSheet, cells: readonly CellInput[]): void {
    const row = sheet.worksheet.getRow(sheet.dataRows + 2);
    cells.forEach((cell, index) => {
      setCellValue(row.getCell(index + 1), cell.kind, cell.value, this.options.policy);
    });
    row.commit();

    sheet.dataRows += 1;
    this.sheetRows.set(sheet.name, sheet.dataRows);
    this.rowsWritten += 1;
  }

  private closeSheet(sheet: OpenSheet): void {
    if (sheet.autoFilter) {
      sheet.worksheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: sheet.dataRows + 1, column: sheet.columnCount },
      };
    }
    sheet.worksheet.commit();
  }

  private async pause(sheet: OpenSheet): Promise<void> {
    this.options.onProgress?.(this.rowsWritten);
    await yieldToEventLoop();
    this.checkpoint();

    const pending = pendingInput(sheet.worksheet);
    if (pending === undefined || pending._writableState.length <= MAX_PENDING_BYTES) {
      return;
    }

    // 'drain' fires once the compressor has taken everything queued. A cancellation or a stream
    // failure ends the wait early, and checkpoint() then throws the reason.
    const signals = [this.failed.signal, this.options.signal].filter(
      (signal) => signal !== undefined,
    );
    await once(pending, 'drain', { signal: AbortSignal.any(signals) }).catch(() => undefined);
    this.checkpoint();
  }

  /** Throws a recorded stream failure or a requested cancellation. */
  private checkpoint(): void {
    if (this.failure !== null) {
      throw this.failure;
    }

    const { signal } = this.options;
    if (signal?.aborted === true) {
      throw new SynapseError('CANCELLED', 'The report was cancelled and no file was written.', {
        cause: signal.reason,
      });
    }
  }

  private recordFailure(error: unknown): void {
    this.failure ??= error;
    this.failed.abort(error);
  }

  // NOTE: exceljs 4.4 keeps its archiver in the undocumented `zip` property. abort() and the
  // error listener depend on it and do nothing if a later version moves it.
  private archiver(): ArchiverHandle | undefined {
    const { zip } = this.writer as unknown as { zip?: ArchiverHandle };
    return zip;
  }
}

/** The part of a readable-stream 2.x Writable that pendingInput() reads. */
interface PendingInput extends NodeJS.EventEmitter {
  _writableState: { length: number };
}

// NOTE: exceljs 4.4 feeds each sheet's XML to the archiver through a PassThrough that is the first
// pipe of the sheet's `stream`. If a later version changes that, pause() only yields.
function pendingInput(worksheet: Worksheet): PendingInput | undefined {
  const { stream } = worksheet as unknown as { stream?: { pipes?: unknown[] } };
  const candidate = stream?.pipes?.[0] as Partial<PendingInput> | undefined;
  const isWritable =
    typeof candidate?._writableState?.length === 'number' && typeof candidate.once === 'function';
  return isWritable ? (candidate as PendingInput) : undefined;
}

interface ArchiverHandle {
  on(event: 'error', listener: (error: unknown) => void): unknown;
  unpipe(): unknown;
  abort(): unknown;
}
