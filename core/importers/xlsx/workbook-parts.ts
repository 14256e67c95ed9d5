import { posix } from 'node:path';

import { InvalidInputError } from '../../../shared/errors.js';
import type { ZipArchive } from './zip-archive.js';
import { attributeOf, parseXml } from './xml-events.js';

/** A worksheet as the workbook lists it, with the archive entry that contains its XML. */
export interface SheetInfo {
  name: string;
  path: string;
}

/** The parts of a workbook the sheet reader needs besides the sheet itself. */
export interface WorkbookParts {
  sheets: SheetInfo[];
  sharedStrings: string[];
  /** For each cell style index: whether it formats numbers as dates. */
  dateStyles: boolean[];
  /** True for the 1904 date system of old Mac workbooks. */
  date1904: boolean;
}

const RELATIONSHIP_TYPES = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
} as const;

/** Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Reads the workbook's sheet list, shared strings and date styles. */
export function readWorkbookParts(file: string, archive: ZipArchive): WorkbookParts {
  const workbookPath = officeDocumentPath(file, archive);
  const relationships = readRelationships(file, archive, relationshipsPathOf(workbookPath));
  const { sheets: listed, date1904 } = readSheetList(file, archive, workbookPath);

  const sheets = listed.map((sheet) => {
    const target = relationships.get(sheet.relationshipId);
    if (target === undefined || !target.type.endsWith(RELATIONSHIP_TYPES.worksheet)) {
      throw new InvalidInputError(
        { file },
        `sheet "${sheet.name}" has no worksheet part (it may be a chart sheet); remove it or ` +
          'save the data on a normal sheet',
      );
    }
    return { name: sheet.name, path: resolveTarget(workbookPath, target.target) };
  });

  const sharedStringsPath = findTarget(workbookPath, relationships, 'sharedStrings');
  const stylesPath = findTarget(workbookPath, relationships, 'styles');
  return {
    sheets,
    sharedStrings:
      sharedStringsPath === null ? [] : readSharedStrings(file, archive, sharedStringsPath),
    dateStyles: stylesPath === null ? [] : readDateStyles(file, archive, stylesPath),
    date1904,
  };
}

/** Reads a part that must exist. */
export function requirePart(file: string, archive: ZipArchive, path: string): Buffer {
  const bytes = archive.read(path);
  if (bytes === null) {
    throw new InvalidInputError(
      { file },
      `not an XLSX workbook: the part ${path} is missing; save the file from the spreadsheet ` +
        'as "Excel Workbook (.xlsx)"',
    );
  }
  return bytes;
}

function officeDocumentPath(file: string, archive: ZipArchive): string {
  if (!archive.has('_rels/.rels')) {
    return requirePartName(file, archive, 'xl/workbook.xml');
  }
  const relationships = readRelationships(file, archive, '_rels/.rels');
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith(RELATIONSHIP_TYPES.officeDocument)) {
      return relationship.target.replace(/^\//, '');
    }
  }
  return requirePartName(file, archive, 'xl/workbook.xml');
}

function requirePartName(file: string, archive: ZipArchive, path: string): string {
  requirePart(file, archive, path);
  return path;
}

function relationshipsPathOf(partPath: string): string {
  return posix.join(posix.dirname(partPath), '_rels', `${posix.basename(partPath)}.rels`);
}

function resolveTarget(partPath: string, target: string): string {
  if (target.startsWith('/')) {
    return target.slice(1);
  }
  return posix.normalize(posix.join(posix.dirname(partPath), target));
}

function readRelationships(
  file: string,
  archive: ZipArchive,
  path: string,
): Map<string, { type: string; target: string }> {
  const relationships = new Map<string, { type: string; target: string }>();
  const bytes = archive.read(path);
  if (bytes === null) {
    return relationships;
  }
  parseXml(file, path, bytes, {
    open(name, attributes) {
      const id = attributes.Id;
      if (name === 'Relationship' && id !== undefined) {
        relationships.set(id, { type: attributes.Type ?? '', target: attributes.Target ?? '' });
      }
    },
  });
  return relationships;
}

function findTarget(
  workbookPath: string,
  relationships: Map<string, { type: string; target: string }>,
  kind: keyof typeof RELATIONSHIP_TYPES,
): string | null {
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith(RELATIONSHIP_TYPES[kind])) {
      return resolveTarget(workbookPath, relationship.target);
    }
  }
  return null;
}

function readSheetList(
  file: string,
  archive: ZipArchive,
  workbookPath: string,
): { sheets: { name: string; relationshipId: string }[]; date1904: boolean } {
  const sheets: { name: string; relationshipId: string }[] = [];
  let date1904 = false;
  parseXml(file, workbookPath, requirePart(file, archive, workbookPath), {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const value = attributes.date1904;
        date1904 = value === '1' || value === 'true';
      }
      if (name === 'sheet') {
        sheets.push({
          name: attributes.name ?? `Sheet${sheets.length + 1}`,
          relationshipId: attributeOf(attributes, 'id') ?? '',
        });
      }
    },
  });
  if (sheets.length === 0) {
    throw new InvalidInputError({ file }, 'the workbook has no sheets');
  }
  return { sheets, date1904 };
}

/**
 * Reads the shared string table. Rich text runs are joined into plain text; phonetic guides
 * (rPh) are left out, because they are not part of the cell's text.
 */
function readSharedStrings(file: string, archive: ZipArchive, path: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phoneticDepth = 0;

  parseXml(file, path, requirePart(file, archive, path), {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phoneticDepth += 1;
      else if (name === 't' && phoneticDepth === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current?.join('') ?? '');
        current = null;
      } else if (name === 'rPh') {
        phoneticDepth -= 1;
      } else if (name === 't') {
        inText = false;
      }
    },
    text(text) {
      if (inText && current !== null) current.push(text);
    },
  });
  return strings;
}

function readDateStyles(file: string, archive: ZipArchive, path: string): boolean[] {
  const customFormats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellFormats = false;

  parseXml(file, path, requirePart(file, archive, path), {
    open(name, attributes) {
      if (name === 'numFmt') {
        customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      } else if (name === 'cellXfs') {
        inCellFormats = true;
      } else if (name === 'xf' && inCellFormats) {
        const formatId = Number(attributes.numFmtId ?? 0);
        const custom = customFormats.get(formatId);
        dateStyles.push(
          custom === undefined ? BUILT_IN_DATE_FORMATS.has(formatId) : isDateFormat(custom),
        );
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellFormats = false;
    },
  });
  return dateStyles;
}

/** True when a number format code shows a date: it has day, month or year parts. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare) || /m.*[ds]|[hs].*m/i.test(bare);
}
