import { basename, extname } from 'node:path';

import { CsvError, parse } from 'csv-parse/sync';

import {
  classificationEntryInputSchema,
  type ClassificationEntryInput,
  type ClassificationLevel,
  type PersonalDataCategory,
} from '../../shared/domain/classification.js';
import { InvalidInputError } from '../../shared/errors.js';
import {
  mapHeaders,
  parseMappingFile,
  type ClassificationMapping,
  type MappableField,
} from './classification-mapping.js';
import {
  parseCategory,
  parseLegalBasis,
  parseLevel,
  parsePersonalData,
  parseRetention,
  ValueError,
} from './classification-values.js';
import {
  decodeCsvBytes,
  detectDelimiter,
  type CsvDelimiter,
  type CsvEncoding,
} from './csv-text.js';
import { proposeLevel } from './detectors/levels.js';
import { proposeFieldClassification } from './detectors/propose.js';
import { isPersonTableName } from './detectors/tokens.js';
import { assertMaxBytes, assertNoNul, assertNotEmpty, truncateText } from './text-input.js';
import type { ParsedClassification } from './types.js';

export { parseMappingFile };
export type { ClassificationMapping };

export interface CsvClassificationOptions {
  /** Overrides delimiter detection. */
  delimiter?: CsvDelimiter;
  mapping?: ClassificationMapping;
  /** System for rows without one, when the mapping file gives no default either. */
  system?: string;
  maxBytes?: number;
}

export interface ParsedClassificationCsv extends ParsedClassification {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Rows that were not imported, such as section headers, by their first line number. */
  skipped: { line: number; reason: string }[];
}

export const DEFAULT_MAX_CSV_BYTES = 64 * 1024 * 1024;

const DESCRIPTION_MAX_CHARS = 2000;

/** A CSV row with the line it starts on (a quoted field may span several lines). */
interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * Parses a classification inventory from CSV. Headers map to entry fields by name and common
 * synonyms, or through a mapping file. Rows without a level get one proposed by the same
 * detectors as the SQLite scan, marked proposed with a confidence.
 */
export function parseClassificationCsv(
  file: string,
  bytes: Buffer | string,
  options: CsvClassificationOptions = {},
): ParsedClassificationCsv {
  // 1. Decode the text and split it into rows.
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  assertMaxBytes(file, size, options.maxBytes ?? DEFAULT_MAX_CSV_BYTES, 'CSV');
  const { text, encoding } = decodeCsvBytes(file, bytes);
  assertNotEmpty(file, text, 'a classification CSV with a header row');
  assertNoNul(file, text, 'CSV');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const [header, ...rows] = readRows(file, text, delimiter);

  // 2. Map the header row to entry fields.
  const columns = mapHeaders(file, header?.cells ?? [], options.mapping);
  const mappedFields = new Set(columns.values());
  if (!mappedFields.has('field')) {
    throw new InvalidInputError(
      { file, line: header?.line ?? 1 },
      `missing field name column (headers: ${(header?.cells ?? []).join(', ')}); name one ` +
        '"field" or "column_name", or map it in a mapping file',
    );
  }
  if (rows.length === 0) {
    throw new InvalidInputError(
      { file, line: header?.line ?? 1 },
      'the file has a header row but no data rows',
    );
  }

  // 3. Convert every data row; section headers are skipped and counted.
  const fallbacks = {
    system: options.mapping?.defaults.system ?? options.system ?? fileStem(file),
    dataset: options.mapping?.defaults.dataset ?? fileStem(file),
  };
  const records: ClassificationEntryInput[] = [];
  const skipped: ParsedClassificationCsv['skipped'] = [];
  for (const row of rows) {
    const nonEmpty = row.cells.filter((cell) => cell.trim() !== '').length;
    if (nonEmpty === 0) {
      continue;
    }
    // A title row between groups of fields, such as "Reduction in Force (RIF) Fields,,,,".
    if (nonEmpty === 1 && (header?.cells.length ?? 0) >= 3) {
      skipped.push({ line: row.line, reason: 'section header row (only one cell is filled)' });
      continue;
    }
    records.push(convertRow(file, row, columns, options.mapping, fallbacks));
  }

  return { kind: 'classification', file, records, encoding, delimiter, skipped };
}

function readRows(file: string, text: string, delimiter: CsvDelimiter): CsvRow[] {
  // Parsing bytes makes info.bytes an offset into this buffer, which the line numbers come from.
  const buffer = Buffer.from(text, 'utf8');
  const parseOptions = {
    delimiter,
    info: true,
    relax_column_count_less: true,
    skip_empty_lines: true,
  } as const;

  let parsed: ParsedRecord[];
  try {
    parsed = parse(buffer, parseOptions) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) {
      throw error;
    }
    // The error's own line count is off after quoted line breaks, so the failing record's first
    // line is found by parsing the records before it again.
    const recordIndex = (error as CsvError & { records?: number }).records ?? 0;
    const before = parse(buffer, { ...parseOptions, to: recordIndex }) as unknown as ParsedRecord[];
    const line = new LineCounter(buffer).lineOfRecordAt(before.at(-1)?.info.bytes ?? 0);
    throw new InvalidInputError(
      { file, line },
      `invalid CSV: ${error.message.replace(/ (at|on) line \d+/g, '')}; check the quotes and ` +
        'the number of columns on that line',
    );
  }

  // csv-parse counts a CRLF inside a quoted field as two lines, so lines are counted here from
  // the byte offset where each record starts: right after the previous one.
  const counter = new LineCounter(buffer);
  let start = 0;
  return parsed.map(({ record, info }) => {
    const line = counter.lineOfRecordAt(start);
    start = info.bytes;
    return { cells: record, line };
  });
}

/** With info: true, csv-parse returns these objects; its typings do not say so. */
interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

/** Converts byte offsets, visited in increasing order, to 1-based line numbers. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly buffer: Buffer) {}

  /** Returns the line of the first record at or after the offset, skipping empty lines. */
  lineOfRecordAt(start: number): number {
    while (this.offset < start || this.isLineBreak(this.offset)) {
      this.step();
    }
    return this.line;
  }

  private isLineBreak(offset: number): boolean {
    const byte = this.buffer[offset];
    return byte === 0x0a || byte === 0x0d;
  }

  private step(): void {
    const byte = this.buffer[this.offset];
    // A CR counts only when no LF follows, so CRLF is one line break.
    if (byte === 0x0a || (byte === 0x0d && this.buffer[this.offset + 1] !== 0x0a)) {
      this.line += 1;
    }
    this.offset += 1;
  }
}

function cellOf(row: CsvRow, columns: Map<number, MappableField>, field: MappableField): string {
  for (const [index, mapped] of columns) {
    if (mapped === field) {
      return (row.cells[index] ?? '').trim();
    }
  }
  return '';
}

function convertRow(
  file: string,
  row: CsvRow,
  columns: Map<number, MappableField>,
  mapping: ClassificationMapping | undefined,
  fallbacks: { system: string; dataset: string },
): ClassificationEntryInput {
  const cell = (field: MappableField) => cellOf(row, columns, field);
  const defaults = mapping?.defaults ?? {};

  try {
    const field = cell('field');
    if (field === '') {
      throw new ValueError('the field name is empty; fill it in or delete the row');
    }
    const dataset = cell('dataset') || fallbacks.dataset;
    const description = truncateText(cell('description'), DESCRIPTION_MAX_CHARS);
    const category = parseCategory(cell('category')) ?? defaults.category ?? null;
    const personalData = parsePersonalData(cell('personalData'));
    const level = parseLevel(cell('level')) ?? defaults.level ?? null;

    const entry = {
      system: cell('system') || fallbacks.system,
      dataset,
      field,
      description,
      owner: cell('owner') || (defaults.owner ?? ''),
      retention: parseRetention(cell('retention')) ?? parseRetention(defaults.retention ?? ''),
      legalBasis: parseLegalBasis(cell('legalBasis')) ?? defaults.legalBasis ?? null,
      source: 'import' as const,
      ...classify({ dataset, field, description, category, personalData, level }),
    };

    const result = classificationEntryInputSchema.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ValueError(`${issue?.path.join('.') ?? 'value'}: ${issue?.message ?? 'invalid'}`);
    }
    return result.data;
  } catch (error) {
    if (error instanceof ValueError) {
      throw new InvalidInputError({ file, line: row.line }, error.message);
    }
    throw error;
  }
}

/**
 * Keeps a level the row states. Without one, the detectors propose the level (and the category
 * and personal data flag the row leaves empty), marked proposed with their confidence.
 */
function classify(row: {
  dataset: string;
  field: string;
  description: string;
  category: PersonalDataCategory | null;
  personalData: boolean | null;
  level: ClassificationLevel | null;
}): Pick<
  ClassificationEntryInput,
  'level' | 'category' | 'personalData' | 'proposed' | 'confidence'
> {
  if (row.level !== null) {
    return {
      level: row.level,
      category: row.category,
      personalData: row.personalData ?? row.category !== null,
      proposed: false,
      confidence: null,
    };
  }

  if (row.category !== null) {
    return {
      level: proposeLevel(row.category),
      category: row.category,
      personalData: row.personalData ?? true,
      proposed: true,
      confidence: 0.9,
    };
  }

  const proposal = proposeFieldClassification({
    dataset: row.dataset,
    field: row.field,
    description: row.description,
    personContext: isPersonTableName(row.dataset),
  });
  const personalData = row.personalData ?? proposal.personalData;
  let level = proposal.level;
  if (!personalData) {
    level = proposeLevel(null);
  } else if (proposal.category === null) {
    // The row marks the field as personal data, but it gives no category and the detectors found none.
    level = 'CONFIDENTIAL';
  }
  return {
    level,
    category: personalData ? proposal.category : null,
    personalData,
    proposed: true,
    confidence: proposal.confidence,
  };
}

function fileStem(file: string): string {
  return basename(file, extname(file));
}
