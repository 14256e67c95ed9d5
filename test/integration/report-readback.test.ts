import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeComplianceReport, type ReportResult } from '../../core/reports/compliance-report.js';
import { FORMULA_TEXTS, hostileReportSource } from '../helpers/fake-report-source.js';
import {
  readRawXlsx,
  serialToUtc,
  type RawCell,
  type RawSheet,
} from '../helpers/xlsx-raw-reader.js';

const run = promisify(execFile);
const childScript = fileURLToPath(new URL('../helpers/report-timezone-child.ts', import.meta.url));

const SHEET_NAMES = [
  'Summary',
  'Data Map',
  'Art. 30 Record',
  'Privacy Requests',
  'Incidents',
  'Security Findings',
  'Audit Trail',
];

const HEADERS: Record<string, string[]> = {
  Summary: ['Figure', 'Value'],
  'Data Map': [
    'System',
    'Dataset',
    'Field',
    'Level',
    'Category',
    'Personal data',
    'Description',
    'Owner',
    'Retention',
    'Legal basis',
    'Source',
    'Proposed',
    'Confidence',
    'Updated (UTC)',
    'Purpose',
    'Data subjects',
    'Art. 9(2) condition',
    'Retention trigger',
    'Recipients',
    'Transfers outside the EEA',
    'Transfer safeguard',
    'Steward',
    'Encryption required',
    'Encryption in place',
    'Masking required',
    'Masking in place',
    'Next review',
  ],
  'Art. 30 Record': [
    'Activity',
    'Controller (a)',
    'Systems',
    'Location',
    'Purposes (b)',
    'Legal bases',
    'Data subjects (c)',
    'Personal data (c)',
    'Special categories (Art. 9, 10)',
    'Art. 9(2) conditions',
    'Recipients (d)',
    'Transfers and safeguards (e)',
    'Retention (f)',
    'Security measures (g)',
    'Fields',
  ],
  'Privacy Requests': [
    'ID',
    'Type',
    'GDPR article',
    'Status',
    'Received',
    'Due',
    'Days left (negative = overdue)',
    'Subject',
  ],
  Incidents: [
    'ID',
    'Ref',
    'Title',
    'Severity',
    'Status',
    'Category',
    'Occurred',
    'Personal data',
    'Records affected',
    'Source',
  ],
  'Security Findings': [
    'Tool',
    'Rule',
    'Title',
    'Severity',
    'Status',
    'Location',
    'Target',
    'Score',
    'First seen (UTC)',
    'Last seen (UTC)',
    'Help',
  ],
  'Audit Trail': [
    'Seq',
    'At (UTC)',
    'Actor',
    'Action',
    'Entity type',
    'Entity ID',
    'Before',
    'After',
    'Hash',
  ],
};

const DATA_ROWS: Record<string, number> = {
  Summary: 29,
  'Data Map': 2,
  'Art. 30 Record': 1,
  'Privacy Requests': 3,
  Incidents: 3,
  'Security Findings': 2,
  'Audit Trail': 3,
};

const DATE_FORMAT = 'yyyy-mm-dd';
const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Every date cell of the hostile report: its UTC instant and its number format. */
const DATE_CELLS: Record<string, { iso: string; numFmt: string }> = {
  'Summary!B2': { iso: '2024-05-01T23:30:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Summary!B3': { iso: '2024-05-01T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Data Map!N2': { iso: '2024-01-01T00:30:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Data Map!N3': { iso: '2024-01-01T00:30:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Data Map!AA2': { iso: '2025-01-01T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Data Map!AA3': { iso: '2025-01-01T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Privacy Requests!E2': { iso: '2024-02-29T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Privacy Requests!F2': { iso: '2024-03-29T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Privacy Requests!E3': { iso: '2024-02-29T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Privacy Requests!F3': { iso: '2024-05-08T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Privacy Requests!E4': { iso: '2024-02-29T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Privacy Requests!F4': { iso: '2024-03-29T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Incidents!G2': { iso: '2024-01-01T00:00:00.000Z', numFmt: DATE_FORMAT },
  'Security Findings!I2': { iso: '2024-02-29T23:30:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Security Findings!J2': { iso: '2024-03-02T00:00:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Security Findings!I3': { iso: '2024-02-29T23:30:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Security Findings!J3': { iso: '2024-03-02T00:00:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Audit Trail!B2': { iso: '2024-01-01T00:00:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Audit Trail!B3': { iso: '2024-01-01T00:00:00.000Z', numFmt: TIMESTAMP_FORMAT },
  'Audit Trail!B4': { iso: '2024-01-01T00:00:00.000Z', numFmt: TIMESTAMP_FORMAT },
};

/** Personal data of the hostile source that must not appear anywhere in a masked report. */
const RAW_PERSONAL_DATA = [
  'john.doe',
  'jane.doe',
  'bob@corp',
  'ops@corp',
  '7946',
  '(555)',
  '555-123',
  'CUST-0042',
];

const TIME_ZONES = ['America/Los_Angeles', 'Asia/Tokyo', 'UTC'];

/** Finds a written cell by "Sheet!A1". A blank cell is not written, so it is not found. */
function findCell(sheets: RawSheet[], reference: string): RawCell | undefined {
  const [sheetName, address] = reference.split('!');
  return sheets
    .find((sheet) => sheet.name === sheetName)
    ?.rows.flat()
    .find((candidate) => candidate.ref === address);
}

function cellAt(sheets: RawSheet[], reference: string): RawCell {
  const cell = findCell(sheets, reference);
  if (cell === undefined) throw new Error(`no cell ${reference}`);
  return cell;
}

function textAt(sheets: RawSheet[], reference: string): string | null {
  return cellAt(sheets, reference).value;
}

/** Column letters of a 1-based column number: 1 is A, 27 is AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

describe('compliance report read back', () => {
  let directory: string;
  let file: string;
  let result: ReportResult;
  let raw: RawSheet[];
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'synapse-report-'));
    file = path.join(directory, 'compliance.xlsx');
    result = await writeComplianceReport(hostileReportSource(), file);

    raw = await readRawXlsx(file);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('returns file, sheets, rows and masked', () => {
    expect(result.file).toBe(file);
    expect(result.sheets).toEqual(SHEET_NAMES);
    expect(result.rows).toEqual(DATA_ROWS);
    expect(result.masked).toBe(true);
  });

  it('orders sheets in both readers', () => {
    expect(raw.map((sheet) => sheet.name)).toEqual(SHEET_NAMES);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEET_NAMES);
  });

  it('writes bold header rows', () => {
    for (const sheet of raw) {
      const header = sheet.rows[0] ?? [];
      expect(
        header.map((cell) => cell.value),
        sheet.name,
      ).toEqual(HEADERS[sheet.name]);
      expect(
        header.every((cell) => cell.bold),
        sheet.name,
      ).toBe(true);

      const headerRow = workbook.getWorksheet(sheet.name)?.getRow(1);
      const values = (headerRow?.values as unknown[] | undefined)?.slice(1);
      expect(values, sheet.name).toEqual(HEADERS[sheet.name]);
    }
  });

  it('writes every data row', () => {
    for (const sheet of raw) {
      expect(sheet.rows.length - 1, sheet.name).toBe(DATA_ROWS[sheet.name]);
      expect(workbook.getWorksheet(sheet.name)?.actualRowCount, sheet.name).toBe(
        (DATA_ROWS[sheet.name] ?? 0) + 1,
      );
    }
  });

  it('freezes and filters data sheets', () => {
    for (const sheet of raw.filter((candidate) => candidate.name !== 'Summary')) {
      const lastColumn = columnLetters(HEADERS[sheet.name]?.length ?? 0);
      const lastRow = (DATA_ROWS[sheet.name] ?? 0) + 1;

      expect(sheet.pane?.state, sheet.name).toBe('frozen');
      expect(sheet.pane?.ySplit, sheet.name).toBe('1');
      expect(sheet.autoFilterRef, sheet.name).toBe(`A1:${lastColumn}${lastRow}`);

      const view = workbook.getWorksheet(sheet.name)?.views[0];
      expect(view?.state, sheet.name).toBe('frozen');
      expect(view?.state === 'frozen' ? view.ySplit : undefined, sheet.name).toBe(1);
    }
  });

  it('sets a width for every column', () => {
    for (const sheet of raw) {
      expect(sheet.columnWidths, sheet.name).toHaveLength(HEADERS[sheet.name]?.length ?? 0);
      expect(
        sheet.columnWidths.every((width) => width >= 8),
        sheet.name,
      ).toBe(true);
    }
  });

  it('contains no formula element', () => {
    for (const sheet of raw) {
      expect(sheet.xml, sheet.name).not.toMatch(/<f[\s>/]/);
      expect(
        sheet.rows.flat().some((cell) => cell.hasFormula),
        sheet.name,
      ).toBe(false);
    }
  });

  it('prefixes formula triggers with an apostrophe', () => {
    const [hyperlink, plusFormula, minusNumber, atFormula, tabCommand, returnCommand] =
      FORMULA_TEXTS;
    // XML parsers turn a literal carriage return into a line feed, and exceljs 4.4 writes it
    // unescaped, so the \r command reads back with \n after the apostrophe.
    const expected: Record<string, string> = {
      'Data Map!A2': `'${hyperlink}`,
      'Data Map!B2': `'${plusFormula}`,
      'Data Map!C2': `'${minusNumber}`,
      'Data Map!H2': `'${atFormula}`,
      'Data Map!A3': `'${tabCommand}`,
      'Data Map!B3': `'${returnCommand.replace('\r', '\n')}`,
      'Incidents!B2': `'${returnCommand.replace('\r', '\n')}`,
      'Incidents!C2': `'${tabCommand}`,
      'Incidents!F2': "'=1+1",
      'Security Findings!F2': `'${minusNumber}`,
      'Security Findings!K2': '\'=HYPERLINK("http://evil")',
      'Audit Trail!C3': "'=cmd|' /C calc'!A0",
    };

    for (const [reference, text] of Object.entries(expected)) {
      const cell = cellAt(raw, reference);
      expect(cell.value, reference).toBe(text);
      expect(cell.type, reference).toBe('str');

      const [sheetName, address] = reference.split('!');
      const read = workbook.getWorksheet(sheetName)?.getCell(address ?? '');
      expect(read?.type, reference).toBe(ExcelJS.ValueType.String);
      expect(String(read?.value).startsWith("'"), reference).toBe(true);
    }
  });

  it('removes characters illegal in XML', () => {
    expect(textAt(raw, 'Data Map!G2')).toBe('Ask j***@e***.com or +***58 now');
  });

  it('masks subjects and free text', () => {
    expect(textAt(raw, 'Privacy Requests!H2')).toBe('j***@e***.com');
    // A masked phone number keeps its leading +, so it gets the formula guard too.
    expect(textAt(raw, 'Privacy Requests!H3')).toBe("'+***67");
    expect(textAt(raw, 'Privacy Requests!H4')).toBe('C***2');
    expect(textAt(raw, 'Incidents!C3')).toBe('Phishing of b***@c***.example');
    expect(textAt(raw, 'Security Findings!C3')).toBe('Secret owned by o***@c***.example');
    expect(textAt(raw, 'Summary!B4')).toBe('Masked');

    expect(workbook.getWorksheet('Privacy Requests')?.getCell('H2').value).toBe('j***@e***.com');
  });

  it('masks audit JSON and keeps it valid', () => {
    const before = JSON.parse(textAt(raw, 'Audit Trail!G3') ?? '') as unknown;
    const after = JSON.parse(textAt(raw, 'Audit Trail!H2') ?? '') as unknown;

    expect(before).toEqual({ subjectRef: 'j***@e***.com', status: 'received' });
    expect(after).toEqual({ subjectRef: 'j***@e***.com', notes: 'Called back on ***67' });
    expect(textAt(raw, 'Audit Trail!I2')).toBe('1234567890abcdef'.repeat(4));
  });

  it('leaks no personal data anywhere', () => {
    for (const sheet of raw) {
      for (const value of RAW_PERSONAL_DATA) {
        expect(sheet.xml, `${sheet.name} contains ${value}`).not.toContain(value);
      }
    }
  });

  it('writes dates as serials with date formats', () => {
    for (const [reference, expected] of Object.entries(DATE_CELLS)) {
      const cell = cellAt(raw, reference);
      expect(cell.type, reference).toBeNull();
      expect(cell.numFmt, reference).toBe(expected.numFmt);
      expect(serialToUtc(Number(cell.value)).toISOString(), reference).toBe(expected.iso);
    }
  });

  it('writes partial dates as text', () => {
    expect(cellAt(raw, 'Incidents!G3')).toMatchObject({ type: 'str', value: '2023' });
    expect(cellAt(raw, 'Incidents!G4')).toMatchObject({ type: 'str', value: '2023-07' });
  });

  it('counts days left from the as-of date', () => {
    expect(textAt(raw, 'Privacy Requests!G2')).toBe('-33');
    expect(textAt(raw, 'Privacy Requests!G3')).toBe('7');
    expect(findCell(raw, 'Privacy Requests!G4')).toBeUndefined();
  });

  it('reads dates back alike in three time zones', async () => {
    const files = TIME_ZONES.map((zone) =>
      path.join(directory, `zone-${zone.replace('/', '-')}.xlsx`),
    );
    const child = (zone: string, args: string[]) =>
      run(process.execPath, ['--import', 'tsx', childScript, ...args], {
        env: { ...process.env, TZ: zone },
        timeout: 60_000,
      });

    const writes = await Promise.all(
      TIME_ZONES.map((zone, index) => child(zone, ['write', files[index] ?? ''])),
    );
    const reads = await Promise.all(TIME_ZONES.map((zone) => child(zone, ['read', ...files])));

    const offsets = [...writes, ...reads].map(
      (output) => (JSON.parse(output.stdout) as { offsetMinutes: number }).offsetMinutes,
    );
    // Proves that TZ reached the children: Los Angeles is behind UTC, Tokyo ahead.
    expect(offsets).toEqual([480, -540, 0, 480, -540, 0]);

    for (const file of files) {
      const sheets = await readRawXlsx(file);
      for (const [reference, expected] of Object.entries(DATE_CELLS)) {
        const serial = Number(cellAt(sheets, reference).value);
        expect(serialToUtc(serial).toISOString(), `${file} ${reference}`).toBe(expected.iso);
      }
    }

    for (const read of reads) {
      const output = JSON.parse(read.stdout) as {
        timeZone: string;
        files: Record<string, Record<string, { iso: string; numFmt: string }>>;
      };
      for (const file of files) {
        expect(output.files[file], `${output.timeZone} reading ${file}`).toEqual(DATE_CELLS);
      }
    }
  }, 120_000);
});

describe('unmasked compliance report', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'synapse-report-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes personal data as stored', async () => {
    const file = path.join(directory, 'unmasked.xlsx');
    const result = await writeComplianceReport(hostileReportSource(), file, { unmasked: true });
    const sheets = await readRawXlsx(file);

    expect(result.masked).toBe(false);
    expect(textAt(sheets, 'Summary!B4')).toBe('Not masked');
    expect(textAt(sheets, 'Privacy Requests!H2')).toBe('john.doe@example.com');
    expect(textAt(sheets, 'Privacy Requests!H3')).toBe("'+1 (555) 123-4567");
    expect(textAt(sheets, 'Data Map!G2')).toBe('Ask jane.doe@example.com or +44 20 7946 0958 now');
    expect(JSON.parse(textAt(sheets, 'Audit Trail!H2') ?? '')).toEqual({
      subjectRef: 'john.doe@example.com',
      notes: 'Called back on 555-123-4567',
    });
  });

  it('still neutralises formulas', async () => {
    const file = path.join(directory, 'unmasked-formulas.xlsx');
    await writeComplianceReport(hostileReportSource(), file, { unmasked: true });
    const sheets = await readRawXlsx(file);

    expect(textAt(sheets, 'Data Map!A2')).toBe('\'=HYPERLINK("http://x")');
    for (const sheet of sheets) {
      expect(sheet.xml, sheet.name).not.toMatch(/<f[\s>/]/);
    }
  });
});
