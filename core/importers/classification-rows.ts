import {
  classificationEntryInputSchema,
  type ClassificationEntryDraft,
  type ClassificationEntryInput,
  type PersonalDataCategory,
} from '../../shared/domain/classification.js';
import { InvalidInputError } from '../../shared/errors.js';
import {
  mapHeaders,
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
import { proposeLevel } from './detectors/levels.js';
import { proposeFieldClassification } from './detectors/propose.js';
import { isPersonTableName } from './detectors/tokens.js';
import {
  parseArt9Condition,
  parseCalendarDay,
  parseConfidence,
  parseDataSubjects,
  parseTransferSafeguard,
  parseTransfers,
  parseYesNo,
  splitList,
} from './processing-values.js';
import { isBlankRow, type TabularRow, type TabularTable } from './tabular.js';
import { truncateText } from './text-input.js';

export interface RowConversionOptions {
  mapping?: ClassificationMapping | undefined;
  /** System for rows without one, when the mapping gives no default either. */
  system: string;
  /** Dataset for rows without one, when the mapping gives no default either. */
  dataset: string;
  /**
   * Turns a level cell into a level name, or throws a ValueError; null for an empty cell. The
   * default accepts the default scale's names and common synonyms such as "restricted".
   */
  resolveLevel?: (text: string) => string | null;
  /**
   * Makes a row with more or fewer cells than the header a row error. CSV sets it, because a
   * short or long row there means a truncated file or a wrong delimiter. XLSX leaves it out,
   * because sheets drop trailing empty cells.
   */
  requireHeaderCellCount?: boolean;
}

export interface ConvertedRow {
  line: number;
  record: ClassificationEntryDraft;
}

/** A row that cannot be imported, by the line (CSV) or row number (XLSX) it starts on. */
export interface RowError {
  line: number;
  message: string;
}

export interface ConvertedRows {
  /** The field each column fills, by column index. */
  columns: Map<number, MappableField>;
  records: ConvertedRow[];
  errors: RowError[];
  /** Rows left out on purpose, such as section headers. */
  skipped: { line: number; reason: string }[];
}

const DESCRIPTION_MAX_CHARS = 2000;

/**
 * Converts the rows of a classification inventory to entries, collecting a message for every
 * invalid row instead of stopping at the first. Problems with the header itself (no field
 * column, two columns for one field, no data rows) throw, because no row can be read then.
 */
export function convertClassificationTable(
  file: string,
  table: TabularTable,
  options: RowConversionOptions,
): ConvertedRows {
  // 1. Map the header row to entry fields.
  const headerCells = table.header?.cells ?? [];
  const headerLine = table.header?.line ?? 1;
  const columns = mapHeaders(file, headerCells, options.mapping);
  if (![...columns.values()].includes('field')) {
    throw new InvalidInputError(
      { file, line: headerLine },
      `missing field name column (headers: ${headerCells.join(', ')}); name one ` +
        '"field" or "column_name", or map it in a mapping file',
    );
  }
  if (!table.rows.some((row) => !isBlankRow(row))) {
    throw new InvalidInputError(
      { file, line: headerLine },
      'the file has a header row but no data rows',
    );
  }

  // 2. Convert every data row; section headers are skipped and counted.
  const result: ConvertedRows = { columns, records: [], errors: [], skipped: [] };
  for (const row of table.rows) {
    const filled = row.cells.filter((cell) => cell.trim() !== '').length;
    if (filled === 0) {
      continue;
    }
    if (options.requireHeaderCellCount === true && row.cells.length !== headerCells.length) {
      result.errors.push({ line: row.line, message: cellCountMessage(row, headerCells.length) });
      continue;
    }
    // A title row between groups of fields, such as "Reduction in Force (RIF) Fields,,,,".
    if (filled === 1 && headerCells.length >= 3) {
      result.skipped.push({
        line: row.line,
        reason: 'section header row (only one cell is filled)',
      });
      continue;
    }

    try {
      result.records.push({ line: row.line, record: convertRow(row, columns, options) });
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      result.errors.push({ line: row.line, message: error.message });
    }
  }
  rejectDuplicateKeys(result);
  return result;
}

function cellCountMessage(row: TabularRow, headerCount: number): string {
  const count = row.cells.length;
  return (
    `line ${row.line} has ${count} ${count === 1 ? 'field' : 'fields'}, the header has ` +
    `${headerCount}: the file may be truncated or a delimiter is wrong`
  );
}

/**
 * Turns every row after the first with the same system, dataset and field into a row error that
 * names both lines, because storing both would silently keep only the last one.
 */
function rejectDuplicateKeys(result: ConvertedRows): void {
  const firstLineByKey = new Map<string, number>();
  const unique: ConvertedRow[] = [];
  for (const row of result.records) {
    const { system, dataset, field } = row.record;
    const key = JSON.stringify([system, dataset, field]);
    const firstLine = firstLineByKey.get(key);
    if (firstLine === undefined) {
      firstLineByKey.set(key, row.line);
      unique.push(row);
      continue;
    }
    result.errors.push({
      line: row.line,
      message:
        `line ${row.line} repeats system "${system}", dataset "${dataset}", field "${field}" ` +
        `of line ${firstLine}; keep one of the two rows`,
    });
  }
  result.records = unique;
  result.errors.sort((a, b) => a.line - b.line);
}

function convertRow(
  row: TabularRow,
  columns: Map<number, MappableField>,
  options: RowConversionOptions,
): ClassificationEntryDraft {
  const cells = new Map<MappableField, string>();
  for (const [index, field] of columns) {
    cells.set(field, (row.cells[index] ?? '').trim());
  }
  const cell = (field: MappableField) => cells.get(field) ?? '';
  const defaults = options.mapping?.defaults ?? {};
  const resolveLevel = options.resolveLevel ?? parseLevel;

  const field = cell('field');
  if (field === '') {
    throw new ValueError('the field name is empty; fill it in or delete the row');
  }
  const dataset = cell('dataset') || defaults.dataset || options.dataset;
  const description = truncateText(cell('description'), DESCRIPTION_MAX_CHARS);
  const category = parseCategory(cell('category')) ?? defaults.category ?? null;
  const personalData = parsePersonalData(cell('personalData'));
  const level =
    resolveLevel(cell('level')) ??
    (defaults.level === undefined ? null : resolveLevel(defaults.level));
  const subjects = parseDataSubjects(cell('dataSubjects'));

  const entry: ClassificationEntryInput = {
    system: cell('system') || defaults.system || options.system,
    dataset,
    field,
    description,
    owner: cell('owner') || (defaults.owner ?? ''),
    retention: parseRetention(cell('retention')) ?? parseRetention(defaults.retention ?? ''),
    legalBasis: parseLegalBasis(cell('legalBasis')) ?? defaults.legalBasis ?? null,
    source: 'import',
    dataSubjects: subjects.length > 0 ? subjects : (defaults.dataSubjects ?? []),
    purpose: cell('purpose') || (defaults.purpose ?? ''),
    specialCategoryCondition: parseArt9Condition(cell('specialCategoryCondition')),
    retentionTrigger: cell('retentionTrigger') || (defaults.retentionTrigger ?? null),
    recipients: splitList(cell('recipients')),
    transfers: parseTransfers(cell('transfers')),
    transferSafeguard: parseTransferSafeguard(cell('transferSafeguard')),
    steward: cell('steward') || (defaults.steward ?? ''),
    encryptionRequired: parseYesNo(cell('encryptionRequired'), 'encryption required') ?? false,
    encryptionInPlace: parseYesNo(cell('encryptionInPlace'), 'encryption in place') ?? false,
    maskingRequired: parseYesNo(cell('maskingRequired'), 'masking required') ?? false,
    maskingInPlace: parseYesNo(cell('maskingInPlace'), 'masking in place') ?? false,
    nextReviewOn: parseCalendarDay(cell('nextReviewOn'), 'next review date'),
    ...classify({ dataset, field, description, category, personalData, level }),
  };
  const confidence = parseConfidence(cell('confidence'));
  if (confidence !== null) {
    entry.confidence = confidence;
  }

  const result = classificationEntryInputSchema.safeParse(entry);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ValueError(`${issue?.path.join('.') ?? 'value'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/**
 * Keeps a level the row states. Without one, the detectors propose the level (and the category
 * and personal data flag the row leaves empty), marked proposed with their confidence. Proposed
 * levels use the default scale's names, which the vault maps onto its own scale.
 */
function classify(row: {
  dataset: string;
  field: string;
  description: string;
  category: PersonalDataCategory | null;
  personalData: boolean | null;
  level: string | null;
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
  let level: string = proposal.level;
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
