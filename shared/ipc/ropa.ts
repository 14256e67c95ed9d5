import { z } from 'zod';

import { LEGAL_BASES, PERSONAL_DATA_CATEGORIES } from '../domain/classification.js';
import {
  ART9_CONDITIONS,
  DATA_SUBJECT_CATEGORIES,
  TRANSFER_SAFEGUARDS,
} from '../domain/processing.js';
import {
  ROPA_GROUPINGS,
  controllerDetailsInputSchema,
  type RecordOfProcessing,
} from '../domain/ropa.js';
import { channel, noInput, type Assert, type Extends } from './define.js';
import { chosenFileSchema, grantedPathSchema } from './files.js';

const count = z.number().int().nonnegative();

export const controllerDetailsSchema = z.object({
  name: z.string(),
  contact: z.string(),
  dpo: z.string(),
  representative: z.string(),
});

export const processingActivitySchema = z.object({
  name: z.string(),
  systems: z.array(z.string()),
  locations: z.array(z.string()),
  purposes: z.array(z.string()),
  legalBases: z.array(z.enum(LEGAL_BASES)),
  dataSubjects: z.array(z.enum(DATA_SUBJECT_CATEGORIES)),
  personalDataCategories: z.array(z.enum(PERSONAL_DATA_CATEGORIES)),
  specialCategories: z.array(z.enum(PERSONAL_DATA_CATEGORIES)),
  art9Conditions: z.array(z.enum(ART9_CONDITIONS)),
  recipients: z.array(z.string()),
  transfers: z.array(
    z.object({
      country: z.string(),
      safeguards: z.array(z.enum(TRANSFER_SAFEGUARDS).nullable()),
    }),
  ),
  retention: z.array(
    z.object({ period: z.string().nullable(), trigger: z.string().nullable(), fields: count }),
  ),
  security: z.object({
    fields: count,
    encryptionRequired: count,
    encryptionInPlace: count,
    maskingRequired: count,
    maskingInPlace: count,
  }),
  fields: count,
});

export const recordOfProcessingSchema = z.object({
  generatedAt: z.string(),
  groupBy: z.enum(ROPA_GROUPINGS),
  controller: controllerDetailsSchema,
  activities: z.array(processingActivitySchema),
});
export type RecordOfProcessingView = z.infer<typeof recordOfProcessingSchema>;
type _RecordMatches = Assert<Extends<RecordOfProcessingView, RecordOfProcessing>>;

/** Files the console exports from the data map, each with its own save dialog and extension. */
export const MAP_EXPORT_KINDS = ['ropa', 'mapXlsx', 'mapCsv'] as const;
export const mapExportKindSchema = z.enum(MAP_EXPORT_KINDS);
export type MapExportKind = z.infer<typeof mapExportKindSchema>;

export const exportResultSchema = z.object({
  file: z.string(),
  rows: count,
  masked: z.boolean(),
});
export type MapExportResult = z.infer<typeof exportResultSchema>;

/** The Art. 30 record of processing activities and the data map's file exports. */
export const ropaChannels = {
  getController: channel('ropa:getController', noInput, controllerDetailsSchema),
  setController: channel(
    'ropa:setController',
    controllerDetailsInputSchema.strict(),
    controllerDetailsSchema,
  ),
  record: channel(
    'ropa:record',
    z.strictObject({ groupBy: z.enum(ROPA_GROUPINGS).default('system') }),
    recordOfProcessingSchema,
  ),
  /** Shows the native save dialog for an export; returns null when the user cancels. */
  chooseDestination: channel(
    'ropa:chooseDestination',
    z.strictObject({ kind: mapExportKindSchema }),
    chosenFileSchema.nullable(),
  ),
  /** Writes the Art. 30 record to XLSX, personal data masked; recorded in the audit trail. */
  exportRecord: channel(
    'ropa:exportRecord',
    z.strictObject({ path: grantedPathSchema, groupBy: z.enum(ROPA_GROUPINGS).default('system') }),
    exportResultSchema,
  ),
  /** Writes the whole data map to XLSX or CSV (by the file's extension), masked. */
  exportMap: channel(
    'ropa:exportMap',
    z.strictObject({ path: grantedPathSchema }),
    exportResultSchema,
  ),
};
