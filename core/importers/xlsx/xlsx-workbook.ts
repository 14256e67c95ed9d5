import { InvalidInputError } from '../../../shared/errors.js';
import { assertMaxBytes } from '../text-input.js';
import type { TabularRow } from '../tabular.js';
import {
  readWorkbookParts,
  requirePart,
  type SheetInfo,
  type WorkbookParts,
} from './workbook-parts.js';
import { StopParsing, attributeOf, parseXml } from './xml-events.js';
import { DEFAULT_ZIP_LIMITS, ZipArchive, type ZipLimits } from './zip-archive.js';

/** Limits of an XLSX import, checked before and while a sheet is read. */
export interface XlsxLimits extends ZipLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /** Rows of one sheet, from its <dimension> and from the rows actually read. */
  maxRows: number;
  /** Columns of one sheet. */
  maxColumns: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxFileBytes: 64 * 1024 * 1024,
  maxRows: 250_000,
  maxColumns: 500,
};

export interface ReadSheetOptions {
  /** Stops after this many rows, for scans that sample the first rows only. */
  rowLimit?: number;
}

/** One sheet's rows, each cell as the text the spreadsheet shows for it. */
export interface SheetRows {
  name: string;
  rows: TabularRow[];
}

const MS_PER_DAY = 86_400_000;

/** Text of a boolean cell, as the spreadsheet shows it. */
const BOOLEAN_TEXT: Readonly<Record<string, string>> = { '1': 'TRUE', '0': 'FALSE' };
/** Day 0 of Excel's 1900 date system is 1899-12-30, once its 1900 leap-year error is allowed for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * An XLSX workbook, checked before any sheet is read: the ZIP central directory limits the entry
 * count and the uncompressed sizes, and each sheet's declared <dimension> limits its rows and
 * columns. Cells come out as plain text: shared and rich-text strings joined, formulas as their
 * cached result (never evaluated), dates as YYYY-MM-DD.
 */
export class XlsxWorkbook {
  private readonly archive: ZipArchive;
  private readonly parts: WorkbookParts;

  constructor(
    private readonly file: string,
    bytes: Buffer,
    private readonly limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
  ) {
    assertMaxBytes(file, bytes.length, limits.maxFileBytes, 'XLSX');
    if (bytes.length === 0) {
      throw new InvalidInputError({ file }, 'the file is empty; expected an XLSX workbook');
    }
    this.archive = new ZipArchive(file, bytes, limits);
    this.parts = readWorkbookParts(file, this.archive);
  }

  get sheetNames(): string[] {
    return this.parts.sheets.map((sheet) => sheet.name);
  }

  /** Reads one sheet, the first one by default. */
  readSheet(name?: string, options: ReadSheetOptions = {}): SheetRows {
    const sheet = this.findSheet(name);
    const reader = new SheetReader(this.file, sheet, this.parts, this.limits, options);
    parseXml(this.file, sheet.path, requirePart(this.file, this.archive, sheet.path), reader);
    return { name: sheet.name, rows: reader.rows };
  }

  private findSheet(name: string | undefined): SheetInfo {
    const sheets = this.parts.sheets;
    if (name === undefined) {
      return sheets[0] as SheetInfo;
    }
    const sheet = sheets.find((candidate) => candidate.name === name);
    if (sheet === undefined) {
      throw new InvalidInputError(
        { file: this.file },
        `the workbook has no sheet "${name}"; its sheets are ${this.sheetNames.join(', ')}`,
      );
    }
    return sheet;
  }
}

/** Collects the rows of one sheet from the parser's events. */
class SheetReader {
  readonly rows: TabularRow[] = [];
  private row: string[] | null = null;
  private rowNumber = 0;
  private cell: { column: number; type: string; style: number } | null = null;
  private nextColumn = 0;
  private value: string[] = [];
  private inlineText: string[] = [];
  private capture: 'value' | 'inline' | null = null;
  private inPhonetic = false;

  constructor(
    private readonly file: string,
    private readonly sheet: SheetInfo,
    private readonly parts: WorkbookParts,
    private readonly limits: XlsxLimits,
    private readonly options: ReadSheetOptions,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case 'dimension':
        this.checkDimension(attributes.ref ?? '');
        return;
      case 'row':
        this.startRow(attributes.r);
        return;
      case 'c':
        this.startCell(attributes);
        return;
      case 'v':
        this.capture = 'value';
        return;
      case 't':
        // Text of an inline string, plain or in rich-text runs; phonetic runs are not read.
        if (this.cell !== null && !this.inPhonetic) this.capture = 'inline';
        return;
      case 'rPh':
        this.inPhonetic = true;
        return;
    }
  }

  close(name: string): void {
    if (name === 'v' || name === 't') {
      this.capture = null;
    } else if (name === 'rPh') {
      this.inPhonetic = false;
    } else if (name === 'c') {
      this.endCell();
    } else if (name === 'row') {
      this.endRow();
    }
  }

  text(text: string): void {
    if (this.capture === 'value') this.value.push(text);
    else if (this.capture === 'inline') this.inlineText.push(text);
  }

  private checkDimension(ref: string): void {
    const last = ref.split(':').at(-1) ?? '';
    const match = /^([A-Z]+)(\d+)$/.exec(last.replace(/\$/g, ''));
    if (match === null) {
      return;
    }
    const rows = Number(match[2]);
    const columns = columnIndex(match[1] ?? 'A') + 1;
    if (rows > this.limits.maxRows) {
      throw this.invalid(
        `sheet "${this.sheet.name}" declares ${rows.toLocaleString('en-US')} rows (${ref}), ` +
          `above the limit of ${this.limits.maxRows.toLocaleString('en-US')}; the sheet was ` +
          'rejected before its rows were read; split it into smaller sheets',
      );
    }
    if (columns > this.limits.maxColumns) {
      throw this.invalid(
        `sheet "${this.sheet.name}" declares ${columns} columns (${ref}), above the limit of ` +
          `${this.limits.maxColumns}`,
      );
    }
  }

  private startRow(reference: string | undefined): void {
    this.rowNumber = reference === undefined ? this.rowNumber + 1 : Number(reference);
    if (!Number.isInteger(this.rowNumber) || this.rowNumber > this.limits.maxRows) {
      throw this.invalid(
        `sheet "${this.sheet.name}" has more than ${this.limits.maxRows.toLocaleString('en-US')} ` +
          'rows; split it into smaller sheets',
      );
    }
    this.row = [];
    this.nextColumn = 0;
  }

  private startCell(attributes: Record<string, string>): void {
    const reference = attributeOf(attributes, 'r');
    const letters = reference === undefined ? null : /^([A-Z]+)/.exec(reference)?.[1];
    const column =
      letters === undefined || letters === null ? this.nextColumn : columnIndex(letters);
    if (column >= this.limits.maxColumns) {
      throw this.invalid(
        `sheet "${this.sheet.name}" has a cell in column ${column + 1}, above the limit of ` +
          `${this.limits.maxColumns} columns`,
      );
    }
    this.cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0) };
    this.value = [];
    this.inlineText = [];
  }

  private endCell(): void {
    if (this.cell === null || this.row === null) {
      return;
    }
    const { column } = this.cell;
    while (this.row.length < column) this.row.push('');
    this.row[column] = this.cellText();
    this.nextColumn = column + 1;
    this.cell = null;
  }

  private endRow(): void {
    if (this.row !== null) {
      this.rows.push({ line: this.rowNumber, cells: this.row });
    }
    this.row = null;
    if (this.options.rowLimit !== undefined && this.rows.length >= this.options.rowLimit) {
      throw new StopParsing();
    }
  }

  /** Returns the cell's text. For a formula, <v> contains the cached result and <f> is never read. */
  private cellText(): string {
    const cell = this.cell;
    const raw = this.value.join('');
    switch (cell?.type) {
      case 's':
        return this.parts.sharedStrings[Number(raw)] ?? '';
      case 'inlineStr':
        return this.inlineText.join('');
      case 'b':
        return BOOLEAN_TEXT[raw] ?? raw;
      case 'e':
        // An error such as #N/A or #REF! carries no value to import.
        return '';
      case 'str':
      case 'd':
        return raw;
      default:
        return this.parts.dateStyles[cell?.style ?? 0] === true ? this.serialToDate(raw) : raw;
    }
  }

  private serialToDate(raw: string): string {
    const serial = Number(raw);
    if (raw === '' || !Number.isFinite(serial)) {
      return raw;
    }
    const epoch = this.parts.date1904 ? EPOCH_1904 : EPOCH_1900;
    const date = new Date(epoch + Math.round(serial * MS_PER_DAY));
    const iso = date.toISOString();
    return Number.isInteger(serial) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }

  private invalid(problem: string): InvalidInputError {
    return new InvalidInputError({ file: this.file }, problem);
  }
}

/** Column letters to a zero-based index: A is 0, Z 25, AA 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) {
    index = index * 26 + (letter.charCodeAt(0) - 64);
  }
  return index - 1;
}
