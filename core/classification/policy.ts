import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

import {
  POLICY_RULES,
  policyFindingQuerySchema,
  type PolicyFinding,
  type PolicyFindingCounts,
  type PolicyFindingQuery,
  type PolicyRule,
} from '../../shared/domain/classification-policy.js';
import type { Page } from '../../shared/domain/query.js';
import { todayIn } from '../privacy/deadline.js';
import { ENTRY_FROM } from './repository.js';
import { POLICY_RULE_SQL, type PolicyRow } from './policy-rules.js';

interface FindingRow extends PolicyRow {
  rule: PolicyRule;
  entry_id: number;
  system: string;
  dataset: string;
  field: string;
}

const FINDING_COLUMNS = `e.id AS entry_id, s.name AS system, d.name AS dataset, e.field, e.level,
  lvl.requires_encryption AS level_requires_encryption, e.encryption_required, e.category,
  e.next_review_on, e.transfers, e.transfer_safeguard`;

/** Builds the SELECT of one rule; a finding is a (rule, entry) pair, so the rule is a constant column. */
function ruleSelect(rule: PolicyRule, index: number): string {
  return `SELECT ${index} AS rule_order, '${rule}' AS rule, ${FINDING_COLUMNS}
    ${ENTRY_FROM}
    WHERE ${POLICY_RULE_SQL[rule].sql} AND (@system IS NULL OR s.name = @system)`;
}

/**
 * Evaluates the policy rules over the whole classification map in SQL, so counting the findings
 * of 100,000 fields reads each row once and builds no objects for them.
 */
export class PolicyChecker {
  private readonly countStatement: Statement;
  private readonly everyFinding: Statement;
  private readonly byRule: Map<PolicyRule, { page: Statement; count: Statement }>;

  constructor(db: Database) {
    const sums = POLICY_RULES.map(
      (rule) => `coalesce(sum(${POLICY_RULE_SQL[rule].sql}), 0) AS ${rule}`,
    ).join(',\n  ');
    this.countStatement = db.prepare(
      `SELECT ${sums} ${ENTRY_FROM} WHERE (@system IS NULL OR s.name = @system)`,
    );

    const union = POLICY_RULES.map(ruleSelect).join('\nUNION ALL\n');
    this.everyFinding = db.prepare(
      `SELECT * FROM (${union}) ORDER BY rule_order, system, dataset, field, entry_id`,
    );

    this.byRule = new Map(
      POLICY_RULES.map((rule, index) => [
        rule,
        {
          page: db.prepare(
            `${ruleSelect(rule, index)} ORDER BY s.name, d.name, e.field, e.id
             LIMIT @limit OFFSET @offset`,
          ),
          count: db.prepare(`SELECT count(*) FROM (${ruleSelect(rule, index)})`).pluck(),
        },
      ]),
    );
  }

  /** Counts the findings of every rule; `today` (YYYY-MM-DD) decides which reviews are overdue. */
  countByRule(today: string = todayIn(), system: string | null = null): PolicyFindingCounts {
    const row = this.countStatement.get({ today, system }) as Record<PolicyRule, number>;
    return Object.fromEntries(POLICY_RULES.map((rule) => [rule, row[rule]])) as PolicyFindingCounts;
  }

  /** Lists findings, by rule and then by system, dataset and field. */
  list(query: PolicyFindingQuery = {}): Page<PolicyFinding> {
    const parsed = policyFindingQuerySchema.parse(query);
    const params = { today: parsed.today ?? todayIn(), system: parsed.system ?? null };
    const page = { offset: parsed.offset, limit: parsed.limit };

    if (parsed.rule !== undefined) {
      const statements = this.statementsOf(parsed.rule);
      const rows = statements.page.all({ ...params, ...page }) as FindingRow[];
      return { rows: rows.map(toFinding), total: statements.count.get(params) as number, ...page };
    }

    // Across all rules, the counts show which rules the page spans, so only those rules' findings
    // are sorted, instead of every finding of the map.
    const counts = this.countByRule(params.today, params.system);
    const rows: FindingRow[] = [];
    let skip = parsed.offset;
    for (const rule of POLICY_RULES) {
      const count = counts[rule];
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const limit = parsed.limit - rows.length;
      rows.push(
        ...(this.statementsOf(rule).page.all({ ...params, limit, offset: skip }) as FindingRow[]),
      );
      skip = 0;
      if (rows.length >= parsed.limit) break;
    }
    const total = POLICY_RULES.reduce((sum, rule) => sum + counts[rule], 0);
    return { rows: rows.map(toFinding), total, ...page };
  }

  private statementsOf(rule: PolicyRule): { page: Statement; count: Statement } {
    const statements = this.byRule.get(rule);
    if (statements === undefined) {
      throw new RangeError(`No statements for policy rule ${rule}`);
    }
    return statements;
  }

  /** Streams every finding, for exports; the caller must not write to the vault meanwhile. */
  *iterate(today: string = todayIn()): IterableIterator<PolicyFinding> {
    const rows = this.everyFinding.iterate({ today, system: null }) as IterableIterator<FindingRow>;
    for (const row of rows) {
      yield toFinding(row);
    }
  }
}

function toFinding(row: FindingRow): PolicyFinding {
  return {
    rule: row.rule,
    entryId: row.entry_id,
    system: row.system,
    dataset: row.dataset,
    field: row.field,
    level: row.level,
    message: POLICY_RULE_SQL[row.rule].message(row),
  };
}

/**
 * Counts the classification policy findings by rule: the function a posture screen or dashboard
 * reads, so it needs no service object.
 */
export function countClassificationFindings(db: Database, today?: string): PolicyFindingCounts {
  return new PolicyChecker(db).countByRule(today);
}
