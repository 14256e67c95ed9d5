import { z } from 'zod';

import { classificationLevelSchema } from './classification.js';
import { listQuerySchema } from './query.js';

export const CLASSIFICATION_SORT_KEYS = [
  'system',
  'dataset',
  'field',
  'level',
  'owner',
  'updatedAt',
] as const;

export const classificationQuerySchema = listQuerySchema.extend({
  sortBy: z.enum(CLASSIFICATION_SORT_KEYS).optional(),
  level: classificationLevelSchema.optional(),
  system: z.string().max(200).optional(),
  personalData: z.boolean().optional(),
  proposed: z.boolean().optional(),
});
export type ClassificationQuery = z.input<typeof classificationQuerySchema>;
