import { z } from 'zod';

import { findingSeveritySchema, findingSourceSchema } from './findings.js';
import { listQuerySchema } from './query.js';

export const FINDING_SORT_KEYS = ['severity', 'tool', 'ruleId', 'lastSeenAt'] as const;

export const findingQuerySchema = listQuerySchema.extend({
  sortBy: z.enum(FINDING_SORT_KEYS).optional(),
  severity: findingSeveritySchema.optional(),
  source: findingSourceSchema.optional(),
  status: z.enum(['open', 'resolved']).optional(),
});
export type FindingQuery = z.input<typeof findingQuerySchema>;
