import { ART9_SPECIAL_CATEGORIES } from '../../shared/domain/classification.js';
import type { PolicyRule } from '../../shared/domain/classification-policy.js';
import { ART9_CONDITION_POINTS } from '../../shared/domain/processing.js';

/**
 * The columns a rule's message is built from. Every query that evaluates the rules selects them
 * under these names.
 */
export interface PolicyRow {
  level: string;
  level_requires_encryption: number | null;
  encryption_required: number;
  category: string | null;
  next_review_on: string | null;
  transfers: string;
  transfer_safeguard: string | null;
}

interface RuleDefinition {
  /**
   * SQL condition over the entry (alias e), its system (s) and its level (lvl). It may use the
   * parameter @today. Only constants of this file are joined into SQL.
   */
  sql: string;
  message: (row: PolicyRow) => string;
}

const ART9_LIST = ART9_SPECIAL_CATEGORIES.map((category) => `'${category}'`).join(', ');

export const POLICY_RULE_SQL: Readonly<Record<PolicyRule, RuleDefinition>> = {
  encryption_missing: {
    sql: `((COALESCE(lvl.requires_encryption, 0) = 1 OR e.encryption_required = 1)
      AND e.encryption_in_place = 0)`,
    message: (row) =>
      row.level_requires_encryption === 1
        ? `Level ${row.level} requires encryption at rest, but encryption is not in place.`
        : 'The field is marked as requiring encryption at rest, but encryption is not in place.',
  },
  masking_missing: {
    sql: '(e.masking_required = 1 AND e.masking_in_place = 0)',
    message: () => 'The field is marked as requiring masking, but masking is not in place.',
  },
  legal_basis_missing: {
    sql: '(e.personal_data = 1 AND e.legal_basis IS NULL)',
    message: () => 'Personal data without a legal basis: record one of GDPR Art. 6(1)(a) to (f).',
  },
  purpose_missing: {
    sql: "(e.personal_data = 1 AND e.purpose = '')",
    message: () => 'Personal data without a purpose: state why the field is processed.',
  },
  retention_missing: {
    sql: '(e.personal_data = 1 AND e.retention IS NULL)',
    message: () => 'Personal data without a retention period: record one such as P6Y.',
  },
  special_category_condition_missing: {
    sql: `(e.category IN (${ART9_LIST}) AND e.special_category_condition IS NULL)`,
    message: (row) =>
      `Special-category data (${row.category ?? 'unknown'}) without an Art. 9(2) condition: ` +
      `record one of ${ART9_CONDITION_POINTS.explicit_consent} to ` +
      `${ART9_CONDITION_POINTS.archiving_research_statistics}.`,
  },
  owner_missing: {
    sql: "(e.owner = '' AND s.owner = '')",
    message: () => 'Neither the field nor its system has an owner.',
  },
  review_overdue: {
    sql: '(e.next_review_on IS NOT NULL AND e.next_review_on < @today)',
    message: (row) => `The review was due on ${row.next_review_on ?? 'an earlier date'}.`,
  },
  transfer_safeguard_missing: {
    sql: `(e.transfers <> '[]'
      AND (e.transfer_safeguard IS NULL OR e.transfer_safeguard = 'none'))`,
    message: (row) =>
      `Transfers to ${(JSON.parse(row.transfers) as string[]).join(', ')} have no safeguard: ` +
      'record an adequacy decision, SCCs, BCRs or a derogation.',
  },
};

/** Builds a CASE expression that is 1 when the entry breaks the rule named by @finding. */
export function findingFilterSql(): string {
  const branches = Object.entries(POLICY_RULE_SQL)
    .map(([rule, definition]) => `WHEN '${rule}' THEN ${definition.sql}`)
    .join('\n      ');
  return `(CASE @finding\n      ${branches}\n    END)`;
}
