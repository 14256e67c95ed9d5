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
import { decodeCsvBytes, detectDelimiter, type CsvDelimiter, type CsvEncoding } from './csv-text.js';
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

const FORMAT_NAME = 'classification CSV';
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
      `no column holds the field name (headers: ${(header?.cells ?? []).join(', ')}); name one ` +
        '"field" or "column_name", or map it in a mapping file',
    );
  }
  if (rows.length === 0) {
    throw new InvalidInputError({ file, line: header?.line ?? 1 }, 'the file has a header row but no data rows');
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
  let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    // With info: true csv-parse returns { record, info } objects; its typings do not say so.
    parsed = parse(text, {
      delimiter,
      info: true,
      relax_column_count_less: true,
      skip_empty_lines: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new InvalidInputError(
        line !== undefined ? { file, line } : { file },
        `invalid CSV: ${error.message.replace(/ on line \d+| at line \d+/, '')}; check the quotes ` +
          'and the number of columns on that line',
      );
    }
    throw error;
  }

  // info.lines is the line a record ends on; the next record starts after it and after any
  // empty lines skipped in between.
  let previousEnd = 0;
  let previousEmpty = 0;
  return parsed.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { cells: record, line };
  });
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
}): Pick<ClassificationEntryInput, 'level' | 'category' | 'personalData' | 'proposed' | 'confidence'> {
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
    // The row says personal data but names no category and the detectors found none.
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
