import { z } from 'zod';

import { classificationEntryInputSchema } from '../domain/classification.js';
import { securityFindingInputSchema } from '../domain/findings.js';
import { incidentInputSchema } from '../domain/incidents.js';
import { privacyRequestInputSchema } from '../domain/privacy.js';
import { idSchema } from './define.js';

// Output schemas of the stored records. Each is the domain's input schema plus the columns the
// vault assigns; main parses every reply with them, so only declared fields cross IPC.

const timestamp = z.string().min(1);

export const classificationEntrySchema = classificationEntryInputSchema.extend({
  id: idSchema,
  systemId: idSchema,
  datasetId: idSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const privacyRequestSchema = privacyRequestInputSchema.extend({
  id: idSchema,
  dueOn: z.iso.date(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const incidentSchema = incidentInputSchema.extend({
  id: idSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const securityFindingSchema = securityFindingInputSchema.extend({
  id: idSchema,
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
});

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

/** Builds the schema of one list page; `total` counts every row that matches the filters. */
export function pageSchema<Row extends z.ZodType>(row: Row) {
  return z.object({
    rows: z.array(row),
    total: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
  });
}

/** Counts of one import: new records, changed records and records that were already stored. */
export const importSummarySchema = z.object({
  inserted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
