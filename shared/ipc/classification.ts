import { z } from 'zod';

import {
  classificationEntryInputSchema,
  personalDataCategorySchema,
} from '../domain/classification.js';
import {
  CLASSIFICATION_IMPORT_FORMATS,
  MAPPABLE_FIELDS,
  classificationMappingSchema,
  importModeSchema,
  mappableFieldSchema,
  mappingNameSchema,
  type ClassificationImportPreview,
  type ClassificationImportResult,
  type SavedMapping,
} from '../domain/classification-import.js';
import { classificationQuerySchema } from '../domain/classification-query.js';
import { SCAN_SOURCE_KINDS } from '../domain/classification-review.js';
import {
  byIdSchema,
  channel,
  idSchema,
  jobIdSchema,
  noInput,
  patchOf,
  type Assert,
  type Extends,
} from './define.js';
import { grantedPathSchema } from './files.js';
import { classificationEntrySchema, importSummarySchema, pageSchema } from './records.js';

export { MAPPABLE_FIELDS };

/** The vault's classification scale: its levels from least to most restricted, and aliases. */
export const classificationScaleSchema = z.object({
  levels: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      color: z.string(),
      requiresEncryption: z.boolean(),
      rank: z.number().int().nonnegative(),
    }),
  ),
  aliases: z.record(z.string(), z.string()),
  isDefault: z.boolean(),
});
export type ClassificationScaleView = z.infer<typeof classificationScaleSchema>;

const rowErrorSchema = z.object({ line: z.number().int(), message: z.string() });

/** A classification file as the import would read it; nothing is stored while previewing. */
export const importPreviewSchema = z.object({
  file: z.string(),
  format: z.enum(CLASSIFICATION_IMPORT_FORMATS),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  headerLine: z.number().int(),
  suggestedMapping: z.record(z.string(), mappableFieldSchema.nullable()),
  mapping: z.record(z.string(), mappableFieldSchema.nullable()),
  rowCount: z.number().int().nonnegative(),
  validCount: z.number().int().nonnegative(),
  rows: z.array(z.object({ line: z.number().int(), entry: classificationEntryInputSchema })),
  errors: z.array(rowErrorSchema),
  errorCount: z.number().int().nonnegative(),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  problem: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
type _ImportPreviewMatches = Assert<Extends<ImportPreview, ClassificationImportPreview>>;

export const importResultSchema = importSummarySchema.extend({
  file: z.string(),
  format: z.enum(CLASSIFICATION_IMPORT_FORMATS),
  mode: importModeSchema,
  records: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  errors: z.array(rowErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;
type _ImportResultMatches = Assert<Extends<ImportResult, ClassificationImportResult>>;

export const savedMappingSchema = z.object({
  id: idSchema,
  name: z.string(),
  mapping: classificationMappingSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
type _SavedMappingMatches = Assert<Extends<z.infer<typeof savedMappingSchema>, SavedMapping>>;

const importFileSchema = z.strictObject({
  path: grantedPathSchema,
  mapping: classificationMappingSchema.optional(),
  /** XLSX sheet to read; the first by default. */
  sheet: z.string().max(200).optional(),
});

export const scanSourceKindSchema = z.enum(SCAN_SOURCE_KINDS);

export const scanColumnSchema = z.object({
  table: z.string(),
  column: z.string(),
  declaredType: z.string(),
  personalData: z.boolean(),
  category: personalDataCategorySchema.nullable(),
  /** The level the detectors propose, on the default scale. */
  level: z.string(),
  confidence: z.number(),
  reasons: z.array(z.string()),
  /** Sampled values, masked by the scanner; never a raw value. */
  maskedExamples: z.array(z.string()),
});
export type ScanColumn = z.infer<typeof scanColumnSchema>;

export const scanPreviewSchema = z.object({
  file: z.string(),
  kind: scanSourceKindSchema,
  /** System name the entries get: the one asked for, else the file name without extension. */
  system: z.string(),
  tables: z.number().int().nonnegative(),
  columns: z.array(scanColumnSchema),
  skippedTables: z.array(z.object({ table: z.string(), reason: z.string() })),
});
export type ScanPreview = z.infer<typeof scanPreviewSchema>;

/** Outcome of applying a scan: the run stored in the review queue and the decisions taken. */
export const scanApplyResultSchema = z.object({
  runId: idSchema,
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** Fields whose proposal matched an earlier decision, so they needed none now. */
  alreadyDecided: z.number().int().nonnegative(),
  /** Proposals left pending in the review queue; only a scan applied with decide false has any. */
  queued: z.number().int().nonnegative().default(0),
});
export type ScanApplyResult = z.infer<typeof scanApplyResultSchema>;

const systemNameSchema = z.string().trim().min(1, 'system is required').max(200);

const columnRefSchema = z.strictObject({ table: z.string(), column: z.string() });

const scanSourceSchema = z.strictObject({
  path: grantedPathSchema,
  /** sqlite, csv or xlsx; taken from the file extension when left out. */
  kind: scanSourceKindSchema.optional(),
});

export const classificationChannels = {
  list: channel(
    'classification:list',
    classificationQuerySchema,
    pageSchema(classificationEntrySchema),
  ),
  get: channel('classification:get', byIdSchema, classificationEntrySchema),
  /** The levels an entry can have; the renderer builds its level choices and colours from it. */
  scale: channel('classification:scale', noInput, classificationScaleSchema),
  create: channel(
    'classification:create',
    classificationEntryInputSchema,
    classificationEntrySchema,
  ),
  update: channel(
    'classification:update',
    z.strictObject({ id: idSchema, changes: patchOf(classificationEntryInputSchema) }),
    classificationEntrySchema,
  ),
  delete: channel('classification:delete', byIdSchema, z.object({ id: idSchema })),
  importPreview: channel('classification:importPreview', importFileSchema, importPreviewSchema),
  importConfirm: channel(
    'classification:importConfirm',
    importFileSchema.extend({ jobId: jobIdSchema, mode: importModeSchema }),
    importResultSchema,
  ),
  listMappings: channel('classification:listMappings', noInput, z.array(savedMappingSchema)),
  saveMapping: channel(
    'classification:saveMapping',
    z.strictObject({ name: mappingNameSchema, mapping: classificationMappingSchema }),
    savedMappingSchema,
  ),
  scanPreview: channel(
    'classification:scanPreview',
    scanSourceSchema.extend({ system: systemNameSchema.optional() }),
    scanPreviewSchema,
  ),
  /**
   * Records the scan in the review queue, then accepts every pending proposal except the
   * columns listed in exclude, which are rejected. With decide false, the proposals stay pending.
   */
  scanApply: channel(
    'classification:scanApply',
    scanSourceSchema.extend({
      jobId: jobIdSchema,
      system: systemNameSchema,
      exclude: z.array(columnRefSchema).max(100_000).default([]),
      /** False stores the scan in the review queue and decides nothing; exclude is then unused. */
      decide: z.boolean().default(true),
    }),
    scanApplyResultSchema,
  ),
};
