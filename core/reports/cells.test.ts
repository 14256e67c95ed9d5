import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import {
  DATE_FORMAT,
  TIMESTAMP_FORMAT,
  parseCalendarDate,
  parseTimestamp,
  setCellValue,
  type CellKind,
} from './cells.js';

const MASKED = { masked: true };
const UNMASKED = { masked: false };

function written(kind: CellKind, value: unknown, policy = MASKED): ExcelJS.Cell {
  const sheet = new ExcelJS.Workbook().addWorksheet('Test');
  const cell = sheet.getCell('A1');
  setCellValue(cell, kind, value, policy);
  return cell;
}

describe('parseCalendarDate', () => {
  it('returns UTC midnight', () => {
    expect(parseCalendarDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '2024', '2024-05', ''])(
    'rejects %j',
    (text) => {
      expect(parseCalendarDate(text)).toBeNull();
    },
  );

  it('rejects dates Excel shows wrongly', () => {
    expect(parseCalendarDate('1900-02-28')).toBeNull();
    expect(parseCalendarDate('1900-03-01')?.toISOString()).toBe('1900-03-01T00:00:00.000Z');
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2024-03-01T08:30:00+09:00', '2024-02-29T23:30:00.000Z'],
    ['2024-03-01T08:30:00.123Z', '2024-03-01T08:30:00.123Z'],
    ['2024-03-01T08:30Z', '2024-03-01T08:30:00.000Z'],
    ['2024-03-01 08:30:00', '2024-03-01T08:30:00.000Z'],
  ])('reads %s as UTC', (text, iso) => {
    expect(parseTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each(['2024-03-01', 'yesterday', '2024-03-01T25:00:00Z', '1899-12-31T00:00:00Z'])(
    'rejects %j',
    (text) => {
      expect(parseTimestamp(text)).toBeNull();
    },
  );
});

describe('setCellValue', () => {
  it('writes a calendar date at UTC midnight', () => {
    const cell = written('date', '2024-01-01');
    expect(cell.value).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(cell.numFmt).toBe(DATE_FORMAT);
  });

  it('writes a timestamp in UTC', () => {
    const cell = written('timestamp', '2024-03-01T08:30:00+09:00');
    expect(cell.value).toEqual(new Date(Date.UTC(2024, 1, 29, 23, 30)));
    expect(cell.numFmt).toBe(TIMESTAMP_FORMAT);
  });

  it('writes a partial date as text', () => {
    expect(written('partial-date', '2023-07').value).toBe('2023-07');
    expect(written('partial-date', '2023').value).toBe('2023');
  });

  it('writes an invalid date as text', () => {
    expect(written('date', '2023-02-29').value).toBe('2023-02-29');
  });

  it('writes numbers with their formats', () => {
    expect(written('integer', 42).numFmt).toBe('0');
    expect(written('percent', 0.85).numFmt).toBe('0%');
    expect(written('number', 7.5).value).toBe(7.5);
  });

  it('leaves empty values and non-finite numbers blank', () => {
    expect(written('text', null).value).toBeNull();
    expect(written('json', undefined).value).toBeNull();
    expect(written('number', Number.NaN).value).toBeNull();
  });

  it('writes Yes and No', () => {
    expect(written('yes-no', true).value).toBe('Yes');
    expect(written('yes-no', false).value).toBe('No');
  });

  it('writes a wrongly typed value as safe text', () => {
    expect(written('integer', '=1+1').value).toBe("'=1+1");
    expect(written('yes-no', '-1').value).toBe("'-1");
  });

  it('neutralises formulas in every text kind', () => {
    for (const kind of ['text', 'subject', 'verbatim'] as const) {
      expect(written(kind, '=SUM(A1)', UNMASKED).value, kind).toBe("'=SUM(A1)");
    }
  });

  it('masks text kinds except verbatim', () => {
    expect(written('text', 'mail bob@corp.example').value).toBe('mail b***@c***.example');
    expect(written('subject', 'CUST-0042').value).toBe('C***2');
    expect(written('verbatim', 'bob@corp.example').value).toBe('bob@corp.example');
  });

  it('keeps text unmasked when asked', () => {
    expect(written('text', 'mail bob@corp.example', UNMASKED).value).toBe('mail bob@corp.example');
    expect(written('subject', 'CUST-0042', UNMASKED).value).toBe('CUST-0042');
  });

  it('writes JSON with masked strings', () => {
    const cell = written('json', { subjectRef: 'john.doe@example.com', count: 2 });
    expect(cell.value).toBe('{"subjectRef":"j***@e***.com","count":2}');
  });

  it('strips illegal characters before masking', () => {
    expect(written('text', 'jane\u0000.doe@example.com').value).toBe('j***@e***.com');
  });
});
