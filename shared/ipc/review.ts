import { z } from 'zod';

import {
  classificationEntryInputSchema,
  personalDataCategorySchema,
} from '../domain/classification.js';
import {
  SCAN_SOURCE_KINDS,
  proposalQuerySchema,
  proposalStatusSchema,
  type ScanDiff,
  type ScanProposal,
  type ScanRun,
} from '../domain/classification-review.js';
import { DATASET_KINDS } from '../domain/data-systems.js';
import { byIdSchema, channel, idSchema, patchOf, type Assert, type Extends } from './define.js';
import { classificationEntrySchema, pageSchema } from './records.js';

const count = z.number().int().nonnegative();

export const scanRunSchema = z.object({
  id: idSchema,
  sourceKind: z.enum(SCAN_SOURCE_KINDS),
  sourceKey: z.string(),
  fileName: z.string(),
  system: z.string(),
  scannedAt: z.string(),
  actor: z.string(),
  datasets: count,
  fields: count,
  personalFields: count,
  skipped: z.array(z.object({ table: z.string(), reason: z.string() })),
  pending: count,
});
export type ScanRunView = z.infer<typeof scanRunSchema>;
type _ScanRunMatches = Assert<Extends<ScanRunView, ScanRun>>;

export const scanProposalSchema = z.object({
  id: idSchema,
  runId: idSchema,
  system: z.string(),
  dataset: z.string(),
  datasetKind: z.enum(DATASET_KINDS),
  field: z.string(),
  declaredType: z.string(),
  personalData: z.boolean(),
  category: personalDataCategorySchema.nullable(),
  proposedLevel: z.string(),
  level: z.string().nullable(),
  confidence: z.number(),
  reasons: z.array(z.string()),
  sampled: count,
  matched: count,
  /** Sampled values as the scanner masked them; no raw value is stored. */
  maskedExamples: z.array(z.string()),
  change: z.enum(['new', 'changed', 'unchanged']),
  status: proposalStatusSchema,
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  entryId: idSchema.nullable(),
  existingEntryId: idSchema.nullable(),
  existingLevel: z.string().nullable(),
});
export type ScanProposalView = z.infer<typeof scanProposalSchema>;
type _ScanProposalMatches = Assert<Extends<ScanProposalView, ScanProposal>>;

const scanFieldSchema = z.object({
  dataset: z.string(),
  field: z.string(),
  personalData: z.boolean(),
  category: personalDataCategorySchema.nullable(),
  level: z.string(),
  confidence: z.number(),
});

export const scanDiffSchema = z.object({
  runId: idSchema,
  previousRunId: idSchema.nullable(),
  added: z.array(scanFieldSchema),
  removed: z.array(scanFieldSchema),
  changed: z.array(
    z.object({ before: scanFieldSchema, after: scanFieldSchema, changes: z.array(z.string()) }),
  ),
  unchanged: count,
});
export type ScanDiffView = z.infer<typeof scanDiffSchema>;
type _ScanDiffMatches = Assert<Extends<ScanDiffView, ScanDiff>>;

/** The review queue of discovery scans: runs, their proposals and the decisions on them. */
export const reviewChannels = {
  /** Scan runs, newest first. */
  listRuns: channel(
    'review:listRuns',
    z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(scanRunSchema),
  ),
  listProposals: channel(
    'review:listProposals',
    proposalQuerySchema,
    pageSchema(scanProposalSchema),
  ),
  /** Accepts a pending proposal; changes override what the detectors proposed. */
  accept: channel(
    'review:accept',
    z.strictObject({
      id: idSchema,
      changes: patchOf(classificationEntryInputSchema).optional(),
    }),
    z.object({ proposal: scanProposalSchema, entry: classificationEntrySchema }),
  ),
  reject: channel('review:reject', byIdSchema, scanProposalSchema),
  /** New, removed and changed fields since the previous scan of the same source. */
  diffRun: channel('review:diffRun', z.strictObject({ runId: idSchema }), scanDiffSchema),
};
