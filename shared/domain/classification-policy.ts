import { z } from 'zod';

import { listQuerySchema } from './query.js';

/**
 * Rules the policy check applies to every field of the classification map. Each finding names the
 * rule that raised it.
 */
export const POLICY_RULES = [
  'encryption_missing',
  'masking_missing',
  'legal_basis_missing',
  'purpose_missing',
  'retention_missing',
  'special_category_condition_missing',
  'owner_missing',
  'review_overdue',
  'transfer_safeguard_missing',
] as const;
export const policyRuleSchema = z.enum(POLICY_RULES);
export type PolicyRule = z.infer<typeof policyRuleSchema>;

/** One-line description of each rule's check, for lists, help text and the report. */
export const POLICY_RULE_TITLES: Readonly<Record<PolicyRule, string>> = {
  encryption_missing:
    'Encryption at rest is not in place for a level that requires it, or for a field marked as ' +
    'requiring it',
  masking_missing: 'Masking is required but not in place',
  legal_basis_missing: 'Personal data without an Art. 6(1) legal basis',
  purpose_missing: 'Personal data without a purpose',
  retention_missing: 'Personal data without a retention period',
  special_category_condition_missing: 'Special-category data without an Art. 9(2) condition',
  owner_missing: 'No owner on the field or its system',
  review_overdue: 'Review date has passed',
  transfer_safeguard_missing: 'Transfer outside the EEA without a safeguard',
};

/** One rule broken by one field of the map. */
export interface PolicyFinding {
  rule: PolicyRule;
  entryId: number;
  system: string;
  dataset: string;
  field: string;
  level: string;
  message: string;
}

export type PolicyFindingCounts = Record<PolicyRule, number>;

export const policyFindingQuerySchema = listQuerySchema.omit({ sortBy: true }).extend({
  rule: policyRuleSchema.optional(),
  system: z.string().max(200).optional(),
  /** Date (YYYY-MM-DD) the review dates are compared with; today by default. */
  today: z.iso.date().optional(),
});
export type PolicyFindingQuery = z.input<typeof policyFindingQuerySchema>;
