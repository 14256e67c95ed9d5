import { z } from 'zod';

import {
  classificationEntryInputSchema,
  classificationLevelSchema,
  legalBasisSchema,
  personalDataCategorySchema,
} from '../domain/classification.js';
import { classificationQuerySchema } from '../domain/classification-query.js';
import { byIdSchema, channel, idSchema, jobIdSchema, patchOf } from './define.js';
import { grantedPathSchema } from './files.js';
import { classificationEntrySchema, importSummarySchema, pageSchema } from './records.js';

/** Fields of a classification entry that a CSV column can fill, as the CSV importer names them. */
export const CSV_MAPPABLE_FIELDS = [
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
export const csvMappableFieldSchema = z.enum(CSV_MAPPABLE_FIELDS);
export type CsvMappableField = z.infer<typeof csvMappableFieldSchema>;

/**
 * How CSV headers map to entry fields, and the values for fields no column gives. Same shape as
 * the CSV importer's mapping file, so a mapping made in the wizard can be saved as one.
 */
export const csvMappingSchema = z.strictObject({
  columns: z.record(z.string().min(1).max(200), csvMappableFieldSchema).default({}),
  defaults: z
    .strictObject({
      system: z.string().trim().min(1).max(200).optional(),
      dataset: z.string().trim().min(1).max(200).optional(),
      level: classificationLevelSchema.optional(),
      category: personalDataCategorySchema.optional(),
      owner: z.string().trim().max(200).optional(),
      retention: z.string().trim().optional(),
      legalBasis: legalBasisSchema.optional(),
    })
    .default({}),
});
export type CsvMapping = z.input<typeof csvMappingSchema>;

const previewRecordSchema = classificationEntryInputSchema.pick({
  system: true,
  dataset: true,
  field: true,
  level: true,
  category: true,
  personalData: true,
});

/**
 * The CSV as read with the current mapping. `problem` is set, and `recordCount` is 0, when the
 * file cannot be imported as mapped; the headers still let the user fix the mapping.
 */
export const csvPreviewSchema = z.object({
  file: z.string(),
  headers: z.array(z.string()),
  /** The field each header fills with the current mapping; null when the header is ignored. */
  mappedHeaders: z.record(z.string(), csvMappableFieldSchema.nullable()),
  recordCount: z.number().int().nonnegative(),
  sample: z.array(previewRecordSchema),
  problem: z.string().nullable(),
});
export type CsvPreview = z.infer<typeof csvPreviewSchema>;

export const scanColumnSchema = z.object({
  table: z.string(),
  column: z.string(),
  declaredType: z.string(),
  personalData: z.boolean(),
  category: personalDataCategorySchema.nullable(),
  level: classificationLevelSchema,
  confidence: z.number(),
  reasons: z.array(z.string()),
  /** Sampled values, masked by the scanner; never a raw value. */
  maskedExamples: z.array(z.string()),
});
export type ScanColumn = z.infer<typeof scanColumnSchema>;

export const scanPreviewSchema = z.object({
  file: z.string(),
  /** System name the entries get: the one asked for, else the file name without extension. */
  system: z.string(),
  tables: z.number().int().nonnegative(),
  columns: z.array(scanColumnSchema),
  skippedTables: z.array(z.object({ table: z.string(), reason: z.string() })),
});
export type ScanPreview = z.infer<typeof scanPreviewSchema>;

const systemNameSchema = z.string().trim().min(1, 'system is required').max(200);

const columnRefSchema = z.strictObject({ table: z.string(), column: z.string() });

export const classificationChannels = {
  list: channel(
    'classification:list',
    classificationQuerySchema,
    pageSchema(classificationEntrySchema),
  ),
  get: channel('classification:get', byIdSchema, classificationEntrySchema),
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
  importPreview: channel(
    'classification:importPreview',
    z.strictObject({ path: grantedPathSchema, mapping: csvMappingSchema.optional() }),
    csvPreviewSchema,
  ),
  importConfirm: channel(
    'classification:importConfirm',
    z.strictObject({
      jobId: jobIdSchema,
      path: grantedPathSchema,
      mapping: csvMappingSchema.optional(),
    }),
    importSummarySchema,
  ),
  scanPreview: channel(
    'classification:scanPreview',
    z.strictObject({ path: grantedPathSchema, system: systemNameSchema.optional() }),
    scanPreviewSchema,
  ),
  /** Stores the scan's proposals as proposed entries, except the columns listed in exclude. */
  scanApply: channel(
    'classification:scanApply',
    z.strictObject({
      jobId: jobIdSchema,
      path: grantedPathSchema,
      system: systemNameSchema,
      exclude: z.array(columnRefSchema).max(100_000).default([]),
    }),
    importSummarySchema,
  ),
};
