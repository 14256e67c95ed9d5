import { z } from 'zod';

import { listQuerySchema } from './query.js';

export const AUDIT_SORT_KEYS = ['seq'] as const;

/** Paged reading of the audit trail, newest first unless sortDirection is asc. */
export const auditQuerySchema = listQuerySchema.extend({
  sortBy: z.enum(AUDIT_SORT_KEYS).optional(),
  sortDirection: z.enum(['asc', 'desc']).default('desc'),
  entityType: z.string().trim().max(100).optional(),
  /** Matches the action exactly ("incident.update") or by its domain prefix ("incident"). */
  action: z.string().trim().max(100).optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
