import { z } from 'zod';

import {
  ISO_DURATION,
  legalBasisSchema,
  levelNameSchema,
  personalDataCategorySchema,
  type ClassificationEntryInput,
} from './classification.js';
import { dataSubjectCategorySchema } from './processing.js';

/** Fields of a classification entry that a CSV or XLSX column can fill. */
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
  'confidence',
  'dataSubjects',
  'purpose',
  'specialCategoryCondition',
  'retentionTrigger',
  'recipients',
  'transfers',
  'transferSafeguard',
  'steward',
  'encryptionRequired',
  'encryptionInPlace',
  'maskingRequired',
  'maskingInPlace',
  'nextReviewOn',
] as const;
export const mappableFieldSchema = z.enum(MAPPABLE_FIELDS);
export type MappableField = z.infer<typeof mappableFieldSchema>;

/**
 * A mapping for CSV or XLSX headers that do not map by themselves. `columns` maps a header to a
 * model field; `defaults` fills fields that no column gives, or that a row leaves empty.
 */
export const classificationMappingSchema = z.strictObject({
  columns: z.record(z.string().min(1), mappableFieldSchema).default({}),
  defaults: z
    .strictObject({
      system: z.string().trim().min(1).max(200).optional(),
      dataset: z.string().trim().min(1).max(200).optional(),
      level: levelNameSchema.optional(),
      category: personalDataCategorySchema.optional(),
      owner: z.string().trim().max(200).optional(),
      retention: z
        .string()
        .trim()
        .regex(ISO_DURATION, 'retention must be an ISO 8601 duration such as P6Y or P30D')
        .optional(),
      legalBasis: legalBasisSchema.optional(),
      purpose: z.string().trim().max(500).optional(),
      steward: z.string().trim().max(200).optional(),
      retentionTrigger: z.string().trim().max(200).optional(),
      dataSubjects: z.array(dataSubjectCategorySchema).max(20).optional(),
    })
    .default({}),
});
export type ClassificationMapping = z.output<typeof classificationMappingSchema>;

/** Input formats of a classification import. */
export const CLASSIFICATION_IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ClassificationImportFormat = (typeof CLASSIFICATION_IMPORT_FORMATS)[number];

/**
 * Import behaviour for invalid rows: 'all-or-nothing' stores nothing, and 'valid-rows' stores the
 * valid rows and reports the others. Either mode writes in one transaction.
 */
export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export const importModeSchema = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof importModeSchema>;

/** An invalid row of an import, by the line (CSV) or sheet row (XLSX) it starts on. */
export interface ImportRowError {
  line: number;
  message: string;
}

/**
 * A classification file read and mapped, as the user reviews it before accepting the import.
 * Nothing is stored while previewing.
 */
export interface ClassificationImportPreview {
  file: string;
  format: ClassificationImportFormat;
  /** Detected encoding and delimiter of a CSV file; null for XLSX. */
  encoding: string | null;
  delimiter: string | null;
  /** The sheet read and every sheet of an XLSX workbook; null and [] for CSV. */
  sheet: string | null;
  sheets: string[];
  headers: string[];
  headerLine: number;
  /** The field each header maps to by the built-in header names alone. */
  suggestedMapping: Record<string, MappableField | null>;
  /** The field each header maps to with the mapping given to the preview. */
  mapping: Record<string, MappableField | null>;
  /** Data rows read (section headers and blank rows excluded) and how many are valid. */
  rowCount: number;
  validCount: number;
  /** The first valid rows as they would be stored. */
  rows: { line: number; entry: ClassificationEntryInput }[];
  /** Invalid rows, at most the first 1,000; errorCount counts them all. */
  errors: ImportRowError[];
  errorCount: number;
  skipped: { line: number; reason: string }[];
  /**
   * A problem that stops the whole file from being read as mapped, such as no field column. The
   * headers still let the user fix the mapping. Null when the rows could be read.
   */
  problem: string | null;
}

export interface ClassificationImportResult {
  file: string;
  format: ClassificationImportFormat;
  mode: ImportMode;
  /** Valid rows stored (inserted, updated or unchanged) and invalid rows left out. */
  records: number;
  rejected: number;
  errors: ImportRowError[];
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A column mapping saved in the vault under a name, reusable by later imports. */
export interface SavedMapping {
  id: number;
  name: string;
  mapping: ClassificationMapping;
  createdAt: string;
  updatedAt: string;
}

/** A saved mapping's name; without path separators, so a command line can tell it from a file. */
export const mappingNameSchema = z
  .string()
  .trim()
  .min(1, 'mapping name is required')
  .max(100)
  .regex(/^[^\\/]+$/, 'mapping names cannot contain / or \\');
