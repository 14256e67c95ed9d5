// An .xlsx reader that shares no code with exceljs: jszip opens the package and saxes, a strict
// XML 1.0 parser, parses each part, so a part that is not well-formed XML fails the test.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface RawCell {
  ref: string;
  /** The t attribute: null for a number, 'str' / 'inlineStr' / 's' for text, 'b' for a boolean. */
  type: string | null;
  /** The cell's text, or its number as written. */
  value: string | null;
  /** Format code of the cell's style, or null when the style has none. */
  numFmt: string | null;
  bold: boolean;
  hasFormula: boolean;
}

export interface RawSheet {
  name: string;
  /** The worksheet part as stored, for checks on the XML itself. */
  xml: string;
  rows: RawCell[][];
  pane: Record<string, string> | null;
  autoFilterRef: string | null;
  columnWidths: number[];
}

// Built-in number formats of SpreadsheetML (ECMA-376 Part 1, 18.8.30) that show a date or time.
const BUILT_IN_DATE_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
};

/** Parses a whole XML document into a small element tree, rejecting any well-formedness error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];

  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    const current = stack[stack.length - 1];
    if (current !== undefined) current.text += text;
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();

  const documentElement = root.children[0];
  if (documentElement === undefined) throw new Error('XML document has no root element');
  return documentElement;
}

export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    found.push(...findAll(child, name));
  }
  return found;
}

function findFirst(element: XmlElement, name: string): XmlElement | undefined {
  return findAll(element, name)[0];
}

/** Reads every worksheet of an .xlsx file in workbook order. */
export async function readRawXlsx(file: string): Promise<RawSheet[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const part = async (name: string): Promise<string> => {
    const entry = zip.file(name);
    if (entry === null) throw new Error(`${file} has no part ${name}`);
    return entry.async('string');
  };

  const workbook = parseXml(await part('xl/workbook.xml'));
  const relationships = parseXml(await part('xl/_rels/workbook.xml.rels'));
  const styles = readStyles(parseXml(await part('xl/styles.xml')));
  const sharedStringsEntry = zip.file('xl/sharedStrings.xml');
  const sharedStrings =
    sharedStringsEntry === null
      ? []
      : findAll(parseXml(await sharedStringsEntry.async('string')), 'si').map(textOf);

  const targets = new Map(
    findAll(relationships, 'Relationship').map((rel) => [rel.attributes.Id, rel.attributes.Target]),
  );

  const sheets: RawSheet[] = [];
  for (const sheet of findAll(workbook, 'sheet')) {
    const target = targets.get(sheet.attributes['r:id'] ?? '');
    if (target === undefined) throw new Error(`sheet ${sheet.attributes.name} has no relationship`);

    const partName = path.posix.join('xl', target.replace(/^\/xl\//, ''));
    const xml = await part(partName);
    sheets.push(readSheet(sheet.attributes.name ?? '', xml, styles, sharedStrings));
  }
  return sheets;
}

interface Styles {
  numFmtByStyle: (string | null)[];
  boldByStyle: boolean[];
}

function readStyles(styles: XmlElement): Styles {
  const customFormats = new Map(
    findAll(styles, 'numFmt').map((format) => [
      Number(format.attributes.numFmtId),
      format.attributes.formatCode ?? '',
    ]),
  );
  const fonts = findFirst(styles, 'fonts')?.children ?? [];
  const cellFormats = findFirst(styles, 'cellXfs')?.children ?? [];

  return {
    numFmtByStyle: cellFormats.map((format) => {
      const id = Number(format.attributes.numFmtId ?? 0);
      return customFormats.get(id) ?? BUILT_IN_DATE_FORMATS[id] ?? null;
    }),
    boldByStyle: cellFormats.map((format) => {
      const font = fonts[Number(format.attributes.fontId ?? 0)];
      return font !== undefined && findFirst(font, 'b') !== undefined;
    }),
  };
}

function readSheet(name: string, xml: string, styles: Styles, sharedStrings: string[]): RawSheet {
  const root = parseXml(xml);

  const rows = findAll(root, 'row').map((row) =>
    findAll(row, 'c').map((cell): RawCell => {
      const style = Number(cell.attributes.s ?? 0);
      return {
        ref: cell.attributes.r ?? '',
        type: cell.attributes.t ?? null,
        value: cellValue(cell, sharedStrings),
        numFmt: styles.numFmtByStyle[style] ?? null,
        bold: styles.boldByStyle[style] ?? false,
        hasFormula: findFirst(cell, 'f') !== undefined,
      };
    }),
  );

  return {
    name,
    xml,
    rows,
    pane: findFirst(root, 'pane')?.attributes ?? null,
    autoFilterRef: findFirst(root, 'autoFilter')?.attributes.ref ?? null,
    columnWidths: findAll(root, 'col').flatMap((col) => {
      const count = Number(col.attributes.max) - Number(col.attributes.min) + 1;
      return Array<number>(count).fill(Number(col.attributes.width));
    }),
  };
}

function cellValue(cell: XmlElement, sharedStrings: string[]): string | null {
  const value = findFirst(cell, 'v')?.text;
  switch (cell.attributes.t) {
    case 's':
      return sharedStrings[Number(value)] ?? null;
    case 'inlineStr': {
      const inline = findFirst(cell, 'is');
      return inline === undefined ? null : textOf(inline);
    }
    default:
      return value ?? null;
  }
}

/** Joins the text runs of a string item, as a rich-text cell stores them. */
function textOf(element: XmlElement): string {
  return findAll(element, 't')
    .map((run) => run.text)
    .join('');
}

/** Converts a 1900-system serial to the UTC instant it stands for, without exceljs. */
export function serialToUtc(serial: number): Date {
  const excelEpoch = Date.UTC(1899, 11, 30);
  return new Date(excelEpoch + Math.round(serial * 86_400_000));
}
