import { describe, expect, it } from 'vitest';

import { SynapseError } from '../shared/errors.js';
import { parseCalendarDate } from './dates.js';

describe('parseCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', ' 2026-01-01 '])('accepts %j', (text) => {
    expect(parseCalendarDate(text, '--as-of')).toBe(text.trim());
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-01-00',
    '2026-1-1',
    '01.02.2026',
    '',
  ])('rejects %j', (text) => {
    let caught: unknown;
    try {
      parseCalendarDate(text, '--as-of');
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(SynapseError);
    expect((caught as SynapseError).code).toBe('INVALID_INPUT');
    expect((caught as SynapseError).message).toBe(
      `Invalid --as-of: "${text}" is not a calendar date; write YYYY-MM-DD.`,
    );
  });
});
