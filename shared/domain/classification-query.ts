import { z } from 'zod';

import { levelNameSchema, personalDataCategorySchema } from './classification.js';
import { policyRuleSchema } from './classification-policy.js';
import { dataSubjectCategorySchema } from './processing.js';
import { listQuerySchema } from './query.js';

export const CLASSIFICATION_SORT_KEYS = [
  'system',
  'dataset',
  'field',
  'level',
  'owner',
  'updatedAt',
  'nextReviewOn',
] as const;

const id = z.number().int().positive();

export const classificationQuerySchema = listQuerySchema.extend({
  sortBy: z.enum(CLASSIFICATION_SORT_KEYS).optional(),
  level: levelNameSchema.optional(),
  system: z.string().max(200).optional(),
  personalData: z.boolean().optional(),
  proposed: z.boolean().optional(),
  systemId: id.optional(),
  datasetId: id.optional(),
  category: personalDataCategorySchema.optional(),
  /** Exact owner of the field. */
  owner: z.string().max(200).optional(),
  dataSubject: dataSubjectCategorySchema.optional(),
  /** Only fields that break this policy rule. */
  finding: policyRuleSchema.optional(),
  /** Date (YYYY-MM-DD) the review_overdue rule compares with; today by default. */
  today: z.iso.date().optional(),
});
export type ClassificationQuery = z.input<typeof classificationQuerySchema>;
