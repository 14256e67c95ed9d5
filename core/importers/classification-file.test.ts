import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { catchInvalidInput } from '../../test/helpers/invalid-input.js';
import { buildXlsx, xmlText } from '../../test/helpers/xlsx-builder.js';
import { previewClassificationImport } from './classification-file.js';
import type { CsvDelimiter } from './csv-text.js';

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
const DELIMITERS: CsvDelimiter[] = [',', ';', '\t'];

/** Writes the inventory as a real tool would: decimal comma, a quoted line break and quotes. */
function inventoryText(delimiter: CsvDelimiter): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const rows = [
    ['system', 'dataset', 'field', 'level', 'confidence', 'description'],
    [
      'CRM',
      'contacts',
      'Prénom',
      'Confidential',
      '0,85',
      'Given name, "first" name\r\nof the contact',
    ],
    ['CRM', 'contacts', 'email', 'Restricted', '90%', 'Primary address'],
  ];
  return rows
    .map((row) =>
      row.map((cell) => (/[",;\t\r\n]/.test(cell) ? quote(cell) : cell)).join(delimiter),
    )
    .join('\r\n');
}

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
  }
}

const CSV_CASES = ENCODINGS.flatMap((encoding) =>
  DELIMITERS.map((delimiter) => ({
    encoding,
    delimiter,
    name: `${encoding} with ${delimiter === '\t' ? 'TAB' : delimiter}`,
  })),
);

describe('previewClassificationImport on CSV', () => {
  it.each(CSV_CASES)('reads $name', ({ encoding, delimiter }) => {
    const preview = previewClassificationImport(
      'inventory.csv',
      encode(inventoryText(delimiter), encoding),
    );

    expect(preview.problem).toBeNull();
    expect(preview.encoding).toBe(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
    expect(preview.delimiter).toBe(delimiter);
    expect(preview.headers).toEqual([
      'system',
      'dataset',
      'field',
      'level',
      'confidence',
      'description',
    ]);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(preview.rows[0]?.entry).toMatchObject({
      field: 'Prénom',
      level: 'CONFIDENTIAL',
      confidence: 0.85,
      description: 'Given name, "first" name\r\nof the contact',
    });
    expect(preview.rows[1]?.entry).toMatchObject({ level: 'SENSITIVE', confidence: 0.9 });
  });

  it('suggests a mapping from the headers', () => {
    const preview = previewClassificationImport(
      'inv.csv',
      Buffer.from(
        'Application;Column name;Sensitivity;Lawful basis;Remarks\nCRM;email;public;6(1)(b);x',
      ),
    );

    expect(preview.suggestedMapping).toEqual({
      Application: 'system',
      'Column name': 'field',
      Sensitivity: 'level',
      'Lawful basis': 'legalBasis',
      Remarks: null,
    });
    expect(preview.rows[0]?.entry).toMatchObject({ legalBasis: 'contract', level: 'PUBLIC' });
  });

  it('applies a mapping and defaults', () => {
    const preview = previewClassificationImport('inv.csv', Buffer.from('Spalte;Stufe\nemail;\n'), {
      mapping: {
        columns: { Spalte: 'field', Stufe: 'level' },
        defaults: { system: 'ERP', level: 'INTERNAL', purpose: 'Payroll' },
      },
    });

    expect(preview.mapping).toEqual({ Spalte: 'field', Stufe: 'level' });
    expect(preview.rows[0]?.entry).toMatchObject({
      system: 'ERP',
      dataset: 'inv',
      level: 'INTERNAL',
      purpose: 'Payroll',
    });
  });

  it('lists every invalid row with its line', () => {
    const text = [
      'field,level,confidence,transfers,next review',
      'a,bogus,,,',
      'b,PUBLIC,1.5,,',
      'c,PUBLIC,,DE,',
      'd,PUBLIC,,US,31.02.2025',
      'e,PUBLIC,,US,2025-12-31',
    ].join('\n');

    const preview = previewClassificationImport('inv.csv', Buffer.from(text));

    expect(preview.validCount).toBe(1);
    expect(preview.rowCount).toBe(5);
    expect(preview.errors.map((error) => error.line)).toEqual([2, 3, 4, 5]);
    expect(preview.errors[0]?.message).toMatch(/level "bogus" is not a classification level/);
    expect(preview.errors[1]?.message).toMatch(/confidence "1.5" is outside 0 to 1/);
    expect(preview.errors[2]?.message).toMatch(/transfer country DE is in the EEA/);
    expect(preview.errors[3]?.message).toMatch(/next review date "31.02.2025" is not a date/);
    expect(preview.rows[0]?.entry).toMatchObject({ transfers: ['US'], nextReviewOn: '2025-12-31' });
  });

  it('honours an overridden delimiter', () => {
    const preview = previewClassificationImport(
      'inv.csv',
      Buffer.from('field,level\nemail,PUBLIC'),
      {
        delimiter: ';',
      },
    );

    expect(preview.delimiter).toBe(';');
    expect(preview.headers).toEqual(['field,level']);
    expect(preview.problem).toMatch(/missing field name column/);
  });

  it('keeps formula text as text', () => {
    const preview = previewClassificationImport(
      'inv.csv',
      Buffer.from('field,level,description\n"=HYPERLINK(""http://x"")",PUBLIC,@SUM(A1)'),
    );

    expect(preview.rows[0]?.entry).toMatchObject({
      field: '=HYPERLINK("http://x")',
      description: '@SUM(A1)',
    });
  });

  it.each([
    ['a NUL byte', Buffer.from('field,level\u0000\n'), /binary, not CSV text/],
    ['UTF-16 without a byte order mark', Buffer.from('field,level\n', 'utf16le'), /binary/],
    [
      'an unclosed quote',
      Buffer.from('field,level\n"email,PUBLIC\n'),
      /line 2: the file ends inside a quoted field/,
    ],
  ])('rejects %s', (_name, bytes, message) => {
    const error = catchInvalidInput(() => previewClassificationImport('bad.csv', bytes));

    expect(error.message).toMatch(message);
  });
});

describe('previewClassificationImport on XLSX', () => {
  async function exceljsWorkbook(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Fields');
    sheet.addRow([
      'System',
      'Table',
      'Column name',
      'Level',
      'Confidence',
      'Next review',
      'Description',
    ]);
    sheet.addRow([
      'CRM',
      'contacts',
      'Prénom',
      'Confidential',
      0.85,
      new Date(Date.UTC(2025, 5, 30)),
      { richText: [{ text: 'Given ', font: { bold: true } }, { text: 'name' }] },
    ]);
    sheet.addRow([
      'CRM',
      'contacts',
      { formula: '"em"&"ail"', result: 'email' },
      'restricted',
      '0,9',
    ]);
    sheet.getCell('F2').numFmt = 'yyyy-mm-dd';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('reads a workbook written by exceljs', async () => {
    const preview = previewClassificationImport('inventory.xlsx', await exceljsWorkbook());

    expect(preview.format).toBe('xlsx');
    expect(preview.encoding).toBeNull();
    expect(preview.sheet).toBe('Fields');
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(preview.rows[0]?.entry).toMatchObject({
      system: 'CRM',
      field: 'Prénom',
      level: 'CONFIDENTIAL',
      confidence: 0.85,
      nextReviewOn: '2025-06-30',
      description: 'Given name',
    });
    expect(preview.rows[1]?.entry).toMatchObject({
      field: 'email',
      level: 'SENSITIVE',
      confidence: 0.9,
    });
  });

  it('takes a formula in every cell as its cached value', async () => {
    const cell = (ref: string, formula: string, cached: string) =>
      `<c r="${ref}" t="str"><f>${xmlText(formula)}</f><v>${xmlText(cached)}</v></c>`;
    const rows =
      `<row r="1">${cell('A1', '"fi"&"eld"', 'field')}${cell('B1', 'UPPER("level")', 'level')}</row>` +
      `<row r="2">${cell('A2', 'HYPERLINK("http://x")', 'email')}${cell('B2', 'CMD|calc', 'PUBLIC')}</row>` +
      `<row r="3"><c r="A3" t="str"><f>NOW()</f></c>${cell('B3', '"PUB"&"LIC"', 'PUBLIC')}</row>`;

    const preview = previewClassificationImport(
      'formulas.xlsx',
      await buildXlsx([{ name: 'Sheet1', xml: rows }]),
    );

    expect(preview.headers).toEqual(['field', 'level']);
    expect(preview.rows).toEqual([
      { line: 2, entry: expect.objectContaining({ field: 'email', level: 'PUBLIC' }) },
    ]);
    // A formula without a cached value gives an empty cell, so the row has no field name.
    expect(preview.errors).toEqual([
      { line: 3, message: 'the field name is empty; fill it in or delete the row' },
    ]);
  });

  it('reads the sheet asked for', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Cover',
        xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>Inventory</t></is></c></row>',
      },
      {
        name: 'Fields',
        xml: '<row r="3"><c r="A3" t="inlineStr"><is><t>field</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>email</t></is></c></row>',
      },
    ]);

    const preview = previewClassificationImport('book.xlsx', bytes, { sheet: 'Fields' });

    expect(preview.sheets).toEqual(['Cover', 'Fields']);
    expect(preview.headerLine).toBe(3);
    expect(preview.rows[0]).toMatchObject({ line: 4, entry: { field: 'email' } });
  });
});
