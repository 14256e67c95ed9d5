import {
  MAPPABLE_FIELDS,
  classificationMappingSchema,
  mappableFieldSchema,
  type ClassificationMapping,
  type MappableField,
} from '../../shared/domain/classification-import.js';
import { InvalidInputError } from '../../shared/errors.js';
import { formatJsonPath, readJsonInput } from './json-input.js';

export { MAPPABLE_FIELDS, classificationMappingSchema, mappableFieldSchema };
export type { ClassificationMapping, MappableField };

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
  confidence: 'confidence',
  confidencescore: 'confidence',
  datasubjects: 'dataSubjects',
  datasubjectcategories: 'dataSubjects',
  categoriesofdatasubjects: 'dataSubjects',
  purpose: 'purpose',
  purposes: 'purpose',
  processingpurpose: 'purpose',
  purposeofprocessing: 'purpose',
  art9condition: 'specialCategoryCondition',
  article9condition: 'specialCategoryCondition',
  art92condition: 'specialCategoryCondition',
  specialcategorycondition: 'specialCategoryCondition',
  retentiontrigger: 'retentionTrigger',
  retentionstart: 'retentionTrigger',
  retentionstartevent: 'retentionTrigger',
  recipients: 'recipients',
  recipient: 'recipients',
  recipientcategories: 'recipients',
  transfers: 'transfers',
  thirdcountries: 'transfers',
  transfercountries: 'transfers',
  thirdcountrytransfers: 'transfers',
  safeguard: 'transferSafeguard',
  transfersafeguard: 'transferSafeguard',
  transfermechanism: 'transferSafeguard',
  steward: 'steward',
  datasteward: 'steward',
  encryptionrequired: 'encryptionRequired',
  encryptioninplace: 'encryptionInPlace',
  encrypted: 'encryptionInPlace',
  encryptedatrest: 'encryptionInPlace',
  maskingrequired: 'maskingRequired',
  maskinginplace: 'maskingInPlace',
  masked: 'maskingInPlace',
  nextreview: 'nextReviewOn',
  nextreviewon: 'nextReviewOn',
  nextreviewdate: 'nextReviewOn',
  reviewdate: 'nextReviewOn',
};

/** Suggests the field of each header from the built-in synonyms alone, or null. */
export function suggestMapping(headers: readonly string[]): Record<string, MappableField | null> {
  const suggestion: Record<string, MappableField | null> = {};
  const taken = new Set<MappableField>();
  for (const header of headers) {
    const field = HEADER_SYNONYMS[normalizeHeader(header)];
    suggestion[header] = field !== undefined && !taken.has(field) ? field : null;
    if (field !== undefined) taken.add(field);
  }
  return suggestion;
}

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Maps CSV or XLSX headers to fields: the mapping first (exact header, then normalised), then the
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

/** Reads and validates a mapping file (JSON) for CSV and XLSX imports. */
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
