import { z } from 'zod';

import { listQuerySchema } from './query.js';
import { requestStatusSchema, requestTypeSchema } from './privacy.js';

export const PRIVACY_SORT_KEYS = ['receivedOn', 'dueOn', 'type', 'status'] as const;

export const privacyQuerySchema = listQuerySchema.extend({
  sortBy: z.enum(PRIVACY_SORT_KEYS).optional(),
  type: requestTypeSchema.optional(),
  status: requestStatusSchema.optional(),
  /** overdue: open and past due; dueSoon: open and due within the next 7 days. */
  due: z.enum(['overdue', 'dueSoon']).optional(),
  asOf: z.iso.date().optional(),
});
export type PrivacyQuery = z.input<typeof privacyQuerySchema>;
