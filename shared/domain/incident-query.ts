import { z } from 'zod';

import { incidentSeveritySchema, incidentStatusSchema } from './incidents.js';
import { listQuerySchema } from './query.js';

export const INCIDENT_SORT_KEYS = [
  'severity',
  'status',
  'occurredOn',
  'title',
  'createdAt',
] as const;

export const incidentQuerySchema = listQuerySchema.extend({
  sortBy: z.enum(INCIDENT_SORT_KEYS).optional(),
  severity: incidentSeveritySchema.optional(),
  status: incidentStatusSchema.optional(),
  /** Only incidents that are not closed. */
  open: z.boolean().optional(),
});
export type IncidentQuery = z.input<typeof incidentQuerySchema>;
