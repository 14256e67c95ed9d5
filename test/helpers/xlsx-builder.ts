// Builds XLSX workbooks and raw ZIP archives for importer tests: well-formed workbooks with
// hand-written sheet XML, and hostile archives whose central directory declares what a test chooses.
import { deflateRawSync } from 'node:zlib';

import JSZip from 'jszip';

export interface SheetSpec {
  name: string;
  /** The <sheetData> rows, or the whole worksheet XML when it starts with "<?xml" or "<worksheet". */
  xml: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Escapes text for XML element content and attribute values. */
export function xmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Builds a row of inline-string cells in columns A, B, C ... */
export function inlineRow(row: number, cells: readonly string[]): string {
  const xml = cells
    .map((cell, index) => {
      const ref = `${String.fromCharCode(65 + index)}${row}`;
      return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(cell)}</t></is></c>`;
    })
    .join('');
  return `<row r="${row}">${xml}</row>`;
}

/** Builds the XML of the workbook parts, without the ZIP around them. */
export function workbookParts(
  sheets: readonly SheetSpec[],
  options: { sharedStrings?: string; styles?: string } = {},
): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>` +
      sheets
        .map(
          (sheet, index) =>
            `<sheet name="${xmlText(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
        )
        .join('') +
      '</sheets></workbook>',
  };

  const relationships = sheets.map(
    (_, index) =>
      `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  );
  if (options.sharedStrings !== undefined) {
    relationships.push(
      `<Relationship Id="rIdStrings" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>`,
    );
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${options.sharedStrings}</sst>`;
  }
  if (options.styles !== undefined) {
    relationships.push(
      `<Relationship Id="rIdStyles" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>`,
    );
    parts['xl/styles.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${options.styles}</styleSheet>`;
  }
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${relationships.join('')}</Relationships>`;

  sheets.forEach((sheet, index) => {
    const whole = sheet.xml.startsWith('<?xml') || sheet.xml.startsWith('<worksheet');
    parts[`xl/worksheets/sheet${index + 1}.xml`] = whole
      ? sheet.xml
      : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.xml}</sheetData></worksheet>`;
  });
  return parts;
}

/** Zips workbook parts with JSZip, deflated like a spreadsheet application writes them. */
export async function buildXlsx(
  sheets: readonly SheetSpec[],
  options: {
    sharedStrings?: string;
    styles?: string;
    extra?: Record<string, string | Buffer>;
  } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(workbookParts(sheets, options))) {
    zip.file(name, content);
  }
  for (const [name, content] of Object.entries(options.extra ?? {})) {
    zip.file(name, content);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** One entry of a raw archive: its name, its deflated data and the size its directory declares. */
export interface RawZipEntry {
  name: string;
  data: Buffer;
  /** Uncompressed size written to the directory; the real size when left out. */
  declaredSize?: number;
  uncompressedSize: number;
}

/** Deflates content into a raw ZIP entry; `declaredSize` lets a test lie about the size. */
export function deflatedEntry(
  name: string,
  content: Buffer | string,
  declaredSize?: number,
): RawZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    data: deflateRawSync(bytes),
    uncompressedSize: bytes.length,
    ...(declaredSize === undefined ? {} : { declaredSize }),
  };
}

/**
 * Writes a ZIP archive by hand (no data descriptors, CRC left at 0, which the reader does not
 * check), so a test controls every size the central directory declares.
 */
export function buildRawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? entry.uncompressedSize;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.data);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    directory.push(header, name);

    offset += local.length + name.length + entry.data.length;
  }

  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}
