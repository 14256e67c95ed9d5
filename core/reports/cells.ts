import type { Cell } from 'exceljs';

import { maskFreeText, maskJsonValue, maskSubjectRef } from './masking.js';
import { stripXmlIllegalCharacters, toSafeCellText } from './text-safety.js';

/**
 * Kind of a column's values, which decides how they are written. Every text kind goes through
 * toSafeCellText, and in a masked report every text kind except 'verbatim' is masked first.
 */
export type CellKind =
  /** Free text: emails and phone numbers in it are masked. */
  | 'text'
  /** A data subject reference, masked whole. */
  | 'subject'
  /** Identifiers and hashes that hold no personal data and must stay exact as evidence. */
  | 'verbatim'
  /** A structured value written as JSON text, with its strings masked. */
  | 'json'
  | 'integer'
  | 'number'
  /** A fraction from 0 to 1, shown as a percentage. */
  | 'percent'
  /** A calendar date as YYYY-MM-DD. */
  | 'date'
  /** YYYY, YYYY-MM or YYYY-MM-DD: a date cell when complete, text otherwise. */
  | 'partial-date'
  /** An ISO 8601 timestamp, written as its UTC date and time. */
  | 'timestamp'
  /** A boolean shown as Yes or No. */
  | 'yes-no';

export interface CellPolicy {
  masked: boolean;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const INTEGER_FORMAT = '0';
const PERCENT_FORMAT = '0%';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// SQLite's datetime() writes UTC as "YYYY-MM-DD HH:MM:SS" with no offset, so a missing offset is
// read as UTC rather than as the process's local time.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

// Excel's 1900 date system counts a 29 February 1900 that never existed, so serials before 1 March
// 1900 are off by one. exceljs 4.4 does not correct for this, so such dates are written as text.
const FIRST_EXACT_EXCEL_DATE = Date.UTC(1900, 2, 1);
const LAST_EXCEL_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Writes one value into a cell according to its column's kind. This is the only place that sets
 * a report cell's value, so formula neutralising, XML cleaning and masking apply to every sheet.
 * A value of the wrong type for its kind is written as text rather than dropped.
 */
export function setCellValue(cell: Cell, kind: CellKind, value: unknown, policy: CellPolicy): void {
  if (value === null || value === undefined) {
    return;
  }

  switch (kind) {
    case 'integer':
    case 'number':
    case 'percent':
      setNumber(cell, kind, value, policy);
      return;
    case 'date':
    case 'partial-date':
      setDate(cell, parseCalendarDate(String(value)), DATE_FORMAT, value, policy);
      return;
    case 'timestamp':
      setDate(cell, parseTimestamp(String(value)), TIMESTAMP_FORMAT, value, policy);
      return;
    case 'yes-no':
      if (typeof value === 'boolean') {
        setLabel(cell, value ? 'Yes' : 'No');
      } else {
        setText(cell, 'text', value, policy);
      }
      return;
    default:
      setText(cell, kind, value, policy);
  }
}

/**
 * Returns a value as CSV cell text under the same rules as setCellValue. Text kinds are masked
 * when the policy is masked, cleaned of characters illegal in XML and neutralised against
 * formulas. Numbers, dates and timestamps are written as their plain text, and null as ''.
 */
export function cellText(kind: CellKind, value: unknown, policy: CellPolicy): string {
  if (value === null || value === undefined) {
    return '';
  }

  switch (kind) {
    case 'integer':
    case 'number':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value)
        ? String(value)
        : textOf('text', value, policy);
    case 'date':
    case 'partial-date':
      return typeof value === 'string' && parseCalendarDate(value) !== null
        ? value
        : textOf('text', value, policy);
    case 'timestamp': {
      const date = typeof value === 'string' ? parseTimestamp(value) : null;
      return date === null ? textOf('text', value, policy) : date.toISOString();
    }
    case 'yes-no':
      if (typeof value !== 'boolean') {
        return textOf('text', value, policy);
      }
      return value ? 'Yes' : 'No';
    default:
      return textOf(kind, value, policy);
  }
}

/** Writes text that the report itself supplies, such as headers and Summary labels. */
export function setLabel(cell: Cell, label: string): void {
  cell.value = toSafeCellText(label);
}

/** Parses YYYY-MM-DD to UTC midnight, or null when it is no real date or Excel cannot show it. */
export function parseCalendarDate(text: string): Date | null {
  const match = CALENDAR_DATE.exec(text);
  if (match === null) {
    return null;
  }

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));

  // Date.UTC rolls 2024-02-30 over to 1 March, so a date that does not read back is invalid.
  const isRealDate =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isRealDate && isExcelDate(date) ? date : null;
}

/** Parses an ISO 8601 timestamp to its instant, or null when it is malformed or out of range. */
export function parseTimestamp(text: string): Date | null {
  const match = TIMESTAMP.exec(text);
  if (match === null) {
    return null;
  }

  const withOffset = match[1] === undefined ? `${text.replace(' ', 'T')}Z` : text.replace(' ', 'T');
  const date = new Date(withOffset);
  return Number.isNaN(date.getTime()) || !isExcelDate(date) ? null : date;
}

function isExcelDate(date: Date): boolean {
  const time = date.getTime();
  return time >= FIRST_EXACT_EXCEL_DATE && time <= LAST_EXCEL_DATE;
}

function setNumber(cell: Cell, kind: CellKind, value: unknown, policy: CellPolicy): void {
  if (typeof value !== 'number') {
    setText(cell, 'text', value, policy);
    return;
  }
  if (!Number.isFinite(value)) {
    return;
  }

  cell.value = value;
  if (kind === 'integer') {
    cell.numFmt = INTEGER_FORMAT;
  } else if (kind === 'percent') {
    cell.numFmt = PERCENT_FORMAT;
  }
}

/**
 * Writes a date cell. exceljs 4.4 turns a Date into a serial from its epoch milliseconds, which
 * are UTC, so the serial is the same whatever the process's time zone.
 */
function setDate(
  cell: Cell,
  date: Date | null,
  numFmt: string,
  original: unknown,
  policy: CellPolicy,
): void {
  if (date === null) {
    setText(cell, 'text', original, policy);
    return;
  }

  cell.value = date;
  cell.numFmt = numFmt;
}

function setText(cell: Cell, kind: CellKind, value: unknown, policy: CellPolicy): void {
  cell.value = textOf(kind, value, policy);
}

function textOf(kind: CellKind, value: unknown, policy: CellPolicy): string {
  // Illegal characters go before masking, because one inside an email address would otherwise
  // split it and leave the part before it unmasked.
  const text = stripXmlIllegalCharacters(
    kind === 'json' ? toJsonText(value, policy) : toText(value),
  );
  return toSafeCellText(policy.masked ? maskText(kind, text) : text);
}

function maskText(kind: CellKind, text: string): string {
  if (kind === 'verbatim' || kind === 'json') {
    return text;
  }
  return kind === 'subject' ? maskSubjectRef(text) : maskFreeText(text);
}

/** Masks the parsed value rather than the JSON text, so masking can never break the JSON. */
function toJsonText(value: unknown, policy: CellPolicy): string {
  const json = JSON.stringify(policy.masked ? maskJsonValue(value) : value);
  return json ?? '';
}

function toText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value) ?? '';
}
