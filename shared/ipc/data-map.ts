import { z } from 'zod';

import { classificationEntryInputSchema, levelNameSchema } from '../domain/classification.js';
import {
  POLICY_RULES,
  policyFindingQuerySchema,
  type PolicyFinding,
} from '../domain/classification-policy.js';
import {
  DATASET_KINDS,
  dataSystemInputSchema,
  datasetInputSchema,
  type DataSystem,
  type Dataset,
} from '../domain/data-systems.js';
import { channel, idSchema, noInput, patchOf, type Assert, type Extends } from './define.js';
import { pageSchema } from './records.js';

const timestamp = z.string().min(1);

export const dataSystemSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  owner: z.string(),
  location: z.string(),
  dpaInPlace: z.boolean(),
  datasetCount: z.number().int().nonnegative(),
  fieldCount: z.number().int().nonnegative(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type DataSystemView = z.infer<typeof dataSystemSchema>;
type _DataSystemMatches = Assert<Extends<DataSystemView, DataSystem>>;

export const datasetSchema = z.object({
  id: idSchema,
  systemId: idSchema,
  system: z.string(),
  name: z.string(),
  kind: z.enum(DATASET_KINDS),
  description: z.string(),
  fieldCount: z.number().int().nonnegative(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type DatasetView = z.infer<typeof datasetSchema>;
type _DatasetMatches = Assert<Extends<DatasetView, Dataset>>;

/** Most entries one bulk edit changes; a larger selection is split by the caller. */
export const MAX_BULK_ENTRIES = 10_000;

const entryShape = classificationEntryInputSchema.shape;

/** The fields a bulk edit sets; at least one of them. */
export const bulkChangesSchema = z
  .strictObject({
    level: levelNameSchema.optional(),
    owner: entryShape.owner.unwrap().optional(),
    retention: entryShape.retention.unwrap().optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: 'choose at least one of level, owner and retention to change',
  });
export type BulkChanges = z.input<typeof bulkChangesSchema>;

export const bulkUpdateResultSchema = z.object({
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

export const policyFindingSchema = z.object({
  rule: z.enum(POLICY_RULES),
  entryId: idSchema,
  system: z.string(),
  dataset: z.string(),
  field: z.string(),
  level: z.string(),
  message: z.string(),
});
export type PolicyFindingView = z.infer<typeof policyFindingSchema>;
type _PolicyFindingMatches = Assert<Extends<PolicyFindingView, PolicyFinding>>;

export const dataMapChannels = {
  listSystems: channel('dataMap:listSystems', noInput, z.array(dataSystemSchema)),
  createSystem: channel('dataMap:createSystem', dataSystemInputSchema, dataSystemSchema),
  updateSystem: channel(
    'dataMap:updateSystem',
    z.strictObject({ id: idSchema, changes: patchOf(dataSystemInputSchema) }),
    dataSystemSchema,
  ),
  /** Datasets of one system, or of every system when systemId is left out. */
  listDatasets: channel(
    'dataMap:listDatasets',
    z.strictObject({ systemId: idSchema.optional() }),
    z.array(datasetSchema),
  ),
  createDataset: channel('dataMap:createDataset', datasetInputSchema, datasetSchema),
  updateDataset: channel(
    'dataMap:updateDataset',
    z.strictObject({ id: idSchema, changes: patchOf(datasetInputSchema) }),
    datasetSchema,
  ),
  /** Sets level, owner or retention on many entries in one transaction. */
  bulkUpdate: channel(
    'dataMap:bulkUpdate',
    z.strictObject({
      ids: z
        .array(idSchema)
        .min(1, 'select at least one entry')
        .max(MAX_BULK_ENTRIES, `select at most ${MAX_BULK_ENTRIES} entries`),
      changes: bulkChangesSchema,
    }),
    bulkUpdateResultSchema,
  ),
  /** Findings per policy rule over the whole map, zero for rules nothing breaks. */
  countFindings: channel(
    'dataMap:countFindings',
    noInput,
    z.record(z.enum(POLICY_RULES), z.number().int().nonnegative()),
  ),
  listFindings: channel(
    'dataMap:listFindings',
    policyFindingQuerySchema,
    pageSchema(policyFindingSchema),
  ),
};
