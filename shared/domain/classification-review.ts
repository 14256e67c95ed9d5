import { z } from 'zod';

import type { PersonalDataCategory } from './classification.js';
import type { DatasetKind } from './data-systems.js';
import { listQuerySchema } from './query.js';

export const SCAN_SOURCE_KINDS = ['sqlite', 'csv', 'xlsx'] as const;
export type ScanSourceKind = (typeof SCAN_SOURCE_KINDS)[number];

/**
 * Review state of a proposal. 'superseded' proposals were replaced by a later scan of the same
 * source before anyone decided. 'unchanged' ones match a proposal of the previous scan that was
 * already decided, so they do not enter the queue again.
 */
export const PROPOSAL_STATUSES = [
  'pending',
  'accepted',
  'rejected',
  'superseded',
  'unchanged',
] as const;
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

/** Comparison of a proposal with the same field in the previous scan of the same source. */
export type ProposalChange = 'new' | 'changed' | 'unchanged';

/** One discovery scan of a database or file, as stored in the vault. */
export interface ScanRun {
  id: number;
  sourceKind: ScanSourceKind;
  /** Identifies "the same source" across scans: kind, system and file name. */
  sourceKey: string;
  fileName: string;
  system: string;
  scannedAt: string;
  actor: string;
  datasets: number;
  fields: number;
  personalFields: number;
  skipped: { table: string; reason: string }[];
  /** Proposals of this run still waiting for a decision. */
  pending: number;
}

/**
 * A detector's proposal for one field, as the review queue shows it. No sampled value is stored:
 * only the counts, the reasons and masked examples.
 */
export interface ScanProposal {
  id: number;
  runId: number;
  system: string;
  dataset: string;
  datasetKind: DatasetKind;
  field: string;
  declaredType: string;
  personalData: boolean;
  category: PersonalDataCategory | null;
  /** The level the detectors proposed, on the default scale. */
  proposedLevel: string;
  /** That level mapped onto the vault's scale; null when the scale has no mapping for it. */
  level: string | null;
  confidence: number;
  reasons: string[];
  sampled: number;
  matched: number;
  maskedExamples: string[];
  change: ProposalChange;
  status: ProposalStatus;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The entry an accepted proposal created or updated. */
  entryId: number | null;
  /** An entry the map already has for this system, dataset and field, and its level. */
  existingEntryId: number | null;
  existingLevel: string | null;
}

export const proposalQuerySchema = listQuerySchema.omit({ sortBy: true }).extend({
  runId: z.number().int().positive().optional(),
  status: proposalStatusSchema.optional(),
  personalData: z.boolean().optional(),
});
export type ProposalQuery = z.input<typeof proposalQuerySchema>;

/** A field of a scan as the diff names it. */
export interface ScanFieldRef {
  dataset: string;
  field: string;
  personalData: boolean;
  category: PersonalDataCategory | null;
  level: string;
  confidence: number;
}

/** Differences between a scan and the previous scan of the same source. */
export interface ScanDiff {
  runId: number;
  /** Null for the first scan of a source, where every field is new. */
  previousRunId: number | null;
  added: ScanFieldRef[];
  removed: ScanFieldRef[];
  changed: { before: ScanFieldRef; after: ScanFieldRef; changes: string[] }[];
  unchanged: number;
}

/** The result of storing a scan: the run, its diff and how many proposals entered the queue. */
export interface RecordedScan {
  run: ScanRun;
  diff: ScanDiff;
  queued: number;
}
