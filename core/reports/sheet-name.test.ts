import { describe, expect, it } from 'vitest';

import { MAX_SHEET_NAME_LENGTH, safeSheetName } from './sheet-name.js';

describe('safeSheetName', () => {
  it('keeps a valid name', () => {
    expect(safeSheetName('Privacy Requests')).toBe('Privacy Requests');
  });

  it('cuts a 40-character name to 31', () => {
    const name = 'Classification entries by system and set';
    expect(name).toHaveLength(40);
    expect(safeSheetName(name)).toBe('Classification entries by syste');
  });

  it('never exceeds the limit', () => {
    for (const name of ['x'.repeat(40), `${'y'.repeat(30)} z`, 'é'.repeat(50)]) {
      expect(safeSheetName(name).length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    }
  });

  it('replaces forbidden characters', () => {
    expect(safeSheetName('Q1/Q2: [draft] *a?\\b')).toBe('Q1-Q2- -draft- -a--b');
  });

  it('removes control characters', () => {
    expect(safeSheetName('Audit\u0000\tTrail\n')).toBe('AuditTrail');
  });

  it('trims edge apostrophes and spaces', () => {
    expect(safeSheetName("  'Incidents'  ")).toBe('Incidents');
  });

  it('trims a space exposed by the cut', () => {
    const name = `${'a'.repeat(30)} bcd`;
    expect(safeSheetName(name)).toBe('a'.repeat(30));
  });

  it('keeps a surrogate pair whole at the cut', () => {
    const name = `${'a'.repeat(30)}😀`;
    expect(safeSheetName(name)).toBe('a'.repeat(30));
  });

  it('uses the fallback for a blank name', () => {
    expect(safeSheetName('   ')).toBe('Sheet');
    expect(safeSheetName("''", [], 'Report')).toBe('Report');
    expect(safeSheetName('[]', [])).toBe('--');
  });

  it('avoids the reserved History name', () => {
    expect(safeSheetName('History')).toBe('History (2)');
    expect(safeSheetName('history')).toBe('history (2)');
  });

  it('numbers a taken name', () => {
    expect(safeSheetName('Audit Trail', ['Audit Trail'])).toBe('Audit Trail (2)');
    expect(safeSheetName('audit trail', ['Audit Trail', 'AUDIT TRAIL (2)'])).toBe(
      'audit trail (3)',
    );
  });

  it('cuts a long taken name to fit the suffix', () => {
    const name = 'z'.repeat(40);
    const first = safeSheetName(name);
    const second = safeSheetName(name, [first]);

    expect(first).toBe('z'.repeat(31));
    expect(second).toBe(`${'z'.repeat(27)} (2)`);
    expect(second).toHaveLength(MAX_SHEET_NAME_LENGTH);
  });
});
