import { z } from 'zod';

import {
  classificationLevelSchema,
  legalBasisSchema,
  personalDataCategorySchema,
} from '../../shared/domain/classification.js';
import { InvalidInputError } from '../../shared/errors.js';
import { formatJsonPath, readJsonInput } from './json-input.js';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** Fields of a classification entry that a CSV column can fill. */
export const MAPPABLE_FIELDS = [
  'system',
  'dataset',
  'field',
  'level',
  'category',
  'personalData',
  'description',
  'owner',
  'retention',
  'legalBasis',
] as const;
export const mappableFieldSchema = z.enum(MAPPABLE_FIELDS);
export type MappableField = z.infer<typeof mappableFieldSchema>;

/**
 * A mapping file for CSV headers that do not map by themselves. `columns` maps a CSV header to a
 * model field; `defaults` fills fields that no column gives, or that a row leaves empty.
 */
export const classificationMappingSchema = z.strictObject({
  columns: z.record(z.string().min(1), mappableFieldSchema).default({}),
  defaults: z
    .strictObject({
      system: z.string().trim().min(1).max(200).optional(),
      dataset: z.string().trim().min(1).max(200).optional(),
      level: classificationLevelSchema.optional(),
      category: personalDataCategorySchema.optional(),
      owner: z.string().trim().max(200).optional(),
      retention: z
        .string()
        .trim()
        .regex(ISO_DURATION, 'retention must be an ISO 8601 duration such as P6Y or P30D')
        .optional(),
      legalBasis: legalBasisSchema.optional(),
    })
    .default({}),
});
export type ClassificationMapping = z.output<typeof classificationMappingSchema>;

/**
 * Header names (lower case, letters and digits only) that map to a field without a mapping file.
 * Each field's own name is listed too.
 */
const HEADER_SYNONYMS: Readonly<Record<string, MappableField>> = {
  system: 'system',
  systemname: 'system',
  application: 'system',
  app: 'system',
  sourcesystem: 'system',
  dataset: 'dataset',
  datasetname: 'dataset',
  table: 'dataset',
  tablename: 'dataset',
  entity: 'dataset',
  file: 'dataset',
  field: 'field',
  fieldname: 'field',
  column: 'field',
  columnname: 'field',
  attribute: 'field',
  variable: 'field',
  dataelement: 'field',
  level: 'level',
  classification: 'level',
  classificationlevel: 'level',
  sensitivity: 'level',
  sensitivitylevel: 'level',
  description: 'description',
  columndescription: 'description',
  fielddescription: 'description',
  descriptionandusagenotes: 'description',
  definition: 'description',
  owner: 'owner',
  dataowner: 'owner',
  retention: 'retention',
  retentionperiod: 'retention',
  legalbasis: 'legalBasis',
  lawfulbasis: 'legalBasis',
  category: 'category',
  datacategory: 'category',
  personaldatacategory: 'category',
  personaldata: 'personalData',
  pii: 'personalData',
  ispersonal: 'personalData',
  containspersonaldata: 'personalData',
};

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Maps CSV headers to fields: the mapping file first (exact header, then normalised), then the
 * built-in synonyms. Unmapped headers are ignored. Two headers for one field are an error.
 */
export function mapHeaders(
  file: string,
  headers: readonly string[],
  mapping: ClassificationMapping | undefined,
): Map<number, MappableField> {
  const mappedColumns = new Map(
    Object.entries(mapping?.columns ?? {}).map(([header, field]) => [
      normalizeHeader(header),
      field,
    ]),
  );
  const byIndex = new Map<number, MappableField>();
  const firstHeaderOf = new Map<MappableField, string>();

  headers.forEach((header, index) => {
    const trimmed = header.trim();
    const field =
      mapping?.columns[trimmed] ??
      mappedColumns.get(normalizeHeader(trimmed)) ??
      HEADER_SYNONYMS[normalizeHeader(trimmed)];
    if (field === undefined) {
      return;
    }

    const earlier = firstHeaderOf.get(field);
    if (earlier !== undefined) {
      throw new InvalidInputError(
        { file, line: 1 },
        `columns "${earlier}" and "${trimmed}" both map to ${field}; remove one or map one of ` +
          'them to another field in a mapping file',
      );
    }
    firstHeaderOf.set(field, trimmed);
    byIndex.set(index, field);
  });

  return byIndex;
}

/** Reads and validates a CSV mapping file (JSON). */
export function parseMappingFile(file: string, bytes: Buffer | string): ClassificationMapping {
  const value = readJsonInput(file, bytes, { formatName: 'classification mapping JSON' });
  const result = classificationMappingSchema.safeParse(value);
  if (result.success) {
    return result.data;
  }

  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).filter(
    (segment): segment is string | number => typeof segment !== 'symbol',
  );
  throw new InvalidInputError(
    { file, jsonPath: formatJsonPath(path) },
    `invalid mapping file: ${issue?.message ?? 'unexpected value'}; expected ` +
      `{"columns": {"<csv header>": "<field>"}, "defaults": {...}} with fields ` +
      MAPPABLE_FIELDS.join(', '),
  );
}
