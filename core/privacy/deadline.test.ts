import { describe, expect, it } from 'vitest';

import { addDays, daysBetween, responseDeadline, todayIn } from './deadline.js';

describe('responseDeadline', () => {
  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-08-31', '2026-09-30'],
    ['2026-12-31', '2027-01-31'],
    ['2026-12-01', '2027-01-01'],
    ['2026-02-28', '2026-03-28'],
  ])('received %s is due %s', (received, due) => {
    expect(responseDeadline(received)).toBe(due);
  });

  it('rejects a malformed date', () => {
    expect(() => responseDeadline('31/01/2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('calendar helpers', () => {
  it('counts days across a month end', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toBe(3);
    expect(daysBetween('2026-02-02', '2026-01-30')).toBe(-3);
  });

  it('adds days across a year end', () => {
    expect(addDays('2026-12-30', 7)).toBe('2027-01-06');
  });

  it('reads today in a named zone', () => {
    const instant = new Date('2026-12-04T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-12-04');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-12-05');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-12-04');
  });
});
