import { deflateRawSync } from 'node:zlib';

import { beforeAll, describe, expect, it } from 'vitest';

import { catchInvalidInput } from '../../../test/helpers/invalid-input.js';
import {
  buildRawZip,
  buildXlsx,
  deflatedEntry,
  inlineRow,
  workbookParts,
  type RawZipEntry,
} from '../../../test/helpers/xlsx-builder.js';
import { DEFAULT_XLSX_LIMITS, XlsxWorkbook, columnIndex } from './xlsx-workbook.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Builds a valid one-sheet workbook from raw entries, with the sheet XML given. */
function rawWorkbook(sheetXml: string | Buffer, declaredSheetSize?: number): Buffer {
  const parts = workbookParts([{ name: 'Data', xml: '' }]);
  const entries: RawZipEntry[] = Object.entries(parts)
    .filter(([name]) => name !== 'xl/worksheets/sheet1.xml')
    .map(([name, content]) => deflatedEntry(name, content));
  entries.push(deflatedEntry('xl/worksheets/sheet1.xml', sheetXml, declaredSheetSize));
  return buildRawZip(entries);
}

describe('XlsxWorkbook cells', () => {
  let workbook: XlsxWorkbook;

  beforeAll(async () => {
    const sharedStrings =
      '<si><t>field</t></si>' +
      '<si><r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r><rPh><t>ふりがな</t></rPh></si>' +
      '<si><t xml:space="preserve"> padded </t></si>';
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>';
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>0.85</v></c><c r="B2" s="1"><v>45839</v></c><c r="C2" s="2"><v>45839.5</v></c></row>' +
      '<row r="3"><c r="A3" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="B3" t="b"><v>1</v></c>' +
      '<c r="C3" t="e"><v>#N/A</v></c><c r="E3" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>' +
      '<row r="5"><c r="B5"><f>1/0</f></c></row>';
    workbook = new XlsxWorkbook(
      'cells.xlsx',
      await buildXlsx([{ name: 'Inventory', xml: rows }], { sharedStrings, styles }),
    );
  });

  it('lists the sheets', () => {
    expect(workbook.sheetNames).toEqual(['Inventory']);
  });

  it('reads shared and rich-text strings as plain text', () => {
    const { rows } = workbook.readSheet();

    expect(rows[0]).toEqual({ line: 1, cells: ['field', 'rich text', ' padded '] });
  });

  it('reads numbers as written and date cells as dates', () => {
    const { rows } = workbook.readSheet();

    expect(rows[1]).toEqual({ line: 2, cells: ['0.85', '2025-07-01', '2025-07-01 12:00:00'] });
  });

  it('takes cached formula results, errors as empty', () => {
    const { rows } = workbook.readSheet();

    expect(rows[2]).toEqual({ line: 3, cells: ['ab', 'TRUE', '', '', 'inline'] });
    expect(rows[3]).toEqual({ line: 5, cells: ['', ''] });
  });

  it('stops at the row limit', () => {
    expect(workbook.readSheet(undefined, { rowLimit: 2 }).rows).toHaveLength(2);
  });

  it('names an unknown sheet', () => {
    const error = catchInvalidInput(() => workbook.readSheet('Missing'));

    expect(error.message).toBe(
      'cells.xlsx: the workbook has no sheet "Missing"; its sheets are Inventory',
    );
  });
});

describe('columnIndex', () => {
  it.each([
    ['A', 0],
    ['Z', 25],
    ['AA', 26],
    ['XFD', 16383],
  ])('maps %s to %i', (letters, index) => {
    expect(columnIndex(letters)).toBe(index);
  });
});

describe('XlsxWorkbook on hostile files', () => {
  const zeros = (bytes: number) => Buffer.alloc(bytes, 0x30);

  const cases: { name: string; build: () => Promise<Buffer> | Buffer; message: RegExp }[] = [
    {
      name: 'a zip bomb of zeros',
      // 40 MB of "0" deflates to about 40 KB: a ratio near 1,000.
      build: () => rawWorkbook(zeros(40 * 1024 * 1024)),
      message: /entry xl\/worksheets\/sheet1\.xml expands \d+ times .* zip bomb/,
    },
    {
      name: 'an entry that lies about its size',
      build: () => rawWorkbook(zeros(8 * 1024 * 1024), 1024),
      message: /decompresses to more than the 1,024 bytes its directory declares/,
    },
    {
      name: 'a declared size above the entry limit',
      build: () => rawWorkbook('<worksheet/>', 300 * 1024 * 1024),
      message: /expands to 300\.0 MB, above the 256\.0 MB limit/,
    },
    {
      name: 'too many entries',
      build: () =>
        buildRawZip(
          Array.from({ length: DEFAULT_XLSX_LIMITS.maxEntries + 1 }, (_, index) =>
            deflatedEntry(`junk/${index}.txt`, 'x'),
          ),
        ),
      message: /the archive has 2,?001 entries, above the limit of 2,?000/,
    },
    {
      name: 'a sheet declaring a million rows',
      build: () =>
        rawWorkbook(
          `<worksheet xmlns="${MAIN}"><dimension ref="A1:J1000000"/><sheetData>` +
            `${inlineRow(1, ['field', 'level'])}</sheetData></worksheet>`,
        ),
      message: /sheet "Data" declares 1,000,000 rows \(A1:J1000000\), above the limit of 250,000/,
    },
    {
      name: 'a sheet declaring too many columns',
      build: () =>
        rawWorkbook(
          `<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD10"/><sheetData></sheetData></worksheet>`,
        ),
      message: /declares 16384 columns \(A1:XFD10\), above the limit of 500/,
    },
    {
      name: 'a row number past the limit without a dimension',
      build: () =>
        rawWorkbook(
          `<worksheet xmlns="${MAIN}"><sheetData><row r="900000"/></sheetData></worksheet>`,
        ),
      message: /has more than 250,000 rows/,
    },
    {
      name: 'a DOCTYPE with an external entity',
      build: () =>
        rawWorkbook(
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' +
            `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
        ),
      message: /declares a DOCTYPE, which workbooks never do/,
    },
    {
      name: 'a text file',
      build: () => Buffer.from('field,level\nemail,PUBLIC\n'),
      message: /not an XLSX workbook: the file is not a ZIP archive/,
    },
    {
      name: 'an archive without a workbook',
      build: () => buildRawZip([deflatedEntry('hello.txt', 'hi')]),
      message: /the part xl\/workbook\.xml is missing/,
    },
    {
      name: 'a damaged sheet',
      build: () => rawWorkbook('<worksheet><sheetData><row>'),
      message: /xl\/worksheets\/sheet1\.xml is not well-formed XML/,
    },
    {
      name: 'an empty file',
      build: () => Buffer.alloc(0),
      message: /the file is empty; expected an XLSX workbook/,
    },
  ];

  it.each(cases)('rejects $name', async ({ build, message }) => {
    const bytes = await build();

    const error = catchInvalidInput(() => new XlsxWorkbook('hostile.xlsx', bytes).readSheet());

    expect(error.message).toMatch(/^hostile\.xlsx: /);
    expect(error.message).toMatch(message);
  });

  it('reads a deflated sheet within the limits', () => {
    const sheet = `<worksheet xmlns="${MAIN}"><dimension ref="A1:B2"/><sheetData>${inlineRow(1, ['field', 'level'])}${inlineRow(2, ['email', 'PUBLIC'])}</sheetData></worksheet>`;

    const rows = new XlsxWorkbook('ok.xlsx', rawWorkbook(sheet)).readSheet().rows;

    expect(rows.map((row) => row.cells)).toEqual([
      ['field', 'level'],
      ['email', 'PUBLIC'],
    ]);
  });

  it('keeps the deflate check exact', () => {
    // The same bytes stored with their true size pass; only the lie is rejected.
    const content = zeros(64 * 1024);
    const entry = deflatedEntry('x', content);

    expect(entry.data.equals(deflateRawSync(content))).toBe(true);
  });
});
