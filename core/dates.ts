import { SynapseError } from '../shared/errors.js';

/**
 * Checks that text is a calendar date written YYYY-MM-DD, with a month from 1 to 12 and a day
 * that exists in that month (leap years included), and returns it. `Date` would roll
 * 2026-02-30 over to 2026-03-02, so the parts are checked here instead.
 * Throws INVALID_INPUT naming the option and the value.
 */
export function parseCalendarDate(text: string, optionName: string): string {
  const value = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new SynapseError(
      'INVALID_INPUT',
      `Invalid ${optionName}: "${text}" is not a calendar date; write YYYY-MM-DD.`,
    );
  }
  return value;
}

/** Returns whether the month is 1 to 12 and the day exists in that month of that year. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
