import { z } from 'zod';

import type { FindingSeverity, SecurityFindingInput } from '../../shared/domain/findings.js';
import { InvalidInputError } from '../../shared/errors.js';
import { SEVERITY_ORDER } from './finding-severity.js';
import { validateFinding } from './finding-record.js';
import {
  describeJsonFormat,
  formatJsonPath,
  isObject,
  parseJsonShape,
  readJsonInput,
  type JsonImportOptions,
} from './json-input.js';
import { sha256Of, truncateText } from './text-input.js';
import type { ParsedFindings } from './types.js';

export type ScorecardRisk = 'Critical' | 'High' | 'Medium' | 'Low';

/**
 * Risk level of each check, from docs/checks/internal/checks.yaml in ossf/scorecard (v5). Scorecard
 * weighs checks by these levels in its aggregate score.
 */
export const SCORECARD_CHECK_RISK: Readonly<Record<string, ScorecardRisk>> = {
  'Dangerous-Workflow': 'Critical',
  Webhooks: 'Critical',
  'Binary-Artifacts': 'High',
  'Branch-Protection': 'High',
  'Code-Review': 'High',
  'Dependency-Update-Tool': 'High',
  Maintained: 'High',
  'Signed-Releases': 'High',
  'Token-Permissions': 'High',
  Vulnerabilities: 'High',
  Fuzzing: 'Medium',
  Packaging: 'Medium',
  'Pinned-Dependencies': 'Medium',
  SAST: 'Medium',
  SBOM: 'Medium',
  'Security-Policy': 'Medium',
  'CI-Tests': 'Low',
  'CII-Best-Practices': 'Low',
  Contributors: 'Low',
  License: 'Low',
};

/** Weights Scorecard gives each risk level when it averages check scores. */
export const SCORECARD_RISK_WEIGHT: Readonly<Record<ScorecardRisk, number>> = {
  Critical: 10,
  High: 7.5,
  Medium: 5,
  Low: 2.5,
};

const RISK_SEVERITY: Readonly<Record<ScorecardRisk, FindingSeverity>> = {
  Critical: 'critical',
  High: 'high',
  Medium: 'medium',
  Low: 'low',
};

/** Scorecard's score for a check it could not evaluate. */
export const INCONCLUSIVE_SCORE = -1;

const FORMAT_NAME = 'OpenSSF Scorecard JSON result (v2 format)';

const checkSchema = z.looseObject({
  name: z.string().min(1),
  score: z.number().int().min(INCONCLUSIVE_SCORE).max(10),
  reason: z.string().default(''),
  documentation: z.looseObject({ url: z.string().optional() }).nullable().optional(),
});
export type ScorecardCheck = z.output<typeof checkSchema>;

const resultSchema = z.looseObject({
  date: z.string(),
  repo: z.looseObject({ name: z.string().min(1), commit: z.string().optional() }),
  scorecard: z.looseObject({ version: z.string().optional(), commit: z.string().optional() }),
  score: z.number(),
  checks: z.array(z.unknown()),
});

/** The repository's security posture as the Scorecard result gives it. */
export interface ScorecardPosture {
  repo: string;
  date: string;
  /** The aggregate score the file states. */
  reportedScore: number;
  /** The aggregate recomputed from the checks; null when every check is inconclusive. */
  aggregateScore: number | null;
  checks: { name: string; score: number | null; risk: ScorecardRisk | null }[];
  /** Checks this importer has no risk level for; they stay out of aggregateScore. */
  unknownChecks: string[];
}

export interface ParsedScorecard extends ParsedFindings {
  posture: ScorecardPosture;
}

/**
 * Parses a Scorecard result into one finding per check that scored below 10, and the posture
 * figures. A check scored −1 (inconclusive) becomes an info finding with no score.
 */
export function parseScorecard(
  file: string,
  bytes: Buffer | string,
  options: JsonImportOptions = {},
): ParsedScorecard {
  const document = readJsonInput(file, bytes, { formatName: FORMAT_NAME, ...options });
  assertLooksLikeScorecard(file, document);
  const result = parseJsonShape(file, [], resultSchema, document, 'Scorecard result');

  const version = result.scorecard.version;
  const tool =
    version !== undefined && /^v?\d/.test(version)
      ? `OpenSSF Scorecard ${version}`
      : 'OpenSSF Scorecard';
  const repo = result.repo.name;

  const checks = result.checks.map((value, index) =>
    parseJsonShape(file, ['checks', index], checkSchema, value, 'Scorecard check'),
  );

  const records: SecurityFindingInput[] = [];
  checks.forEach((check, index) => {
    if (check.score === 10) {
      return;
    }
    const finding: SecurityFindingInput = {
      source: 'scorecard',
      tool,
      ruleId: check.name,
      title: truncateText(titleOf(check), 2000),
      severity: scorecardSeverity(check.name, check.score),
      location: '',
      target: truncateText(repo, 500),
      score: check.score === INCONCLUSIVE_SCORE ? null : check.score,
      fingerprint: sha256Of(['scorecard', repo, check.name]),
      helpUri: check.documentation?.url ?? null,
      status: 'open',
    };
    records.push(validateFinding(file, formatJsonPath(['checks', index]), finding));
  });

  const posture: ScorecardPosture = {
    repo,
    date: result.date,
    reportedScore: result.score,
    aggregateScore: aggregateScorecardScore(checks),
    checks: checks.map((check) => ({
      name: check.name,
      score: check.score === INCONCLUSIVE_SCORE ? null : check.score,
      risk: SCORECARD_CHECK_RISK[check.name] ?? null,
    })),
    unknownChecks: checks.map((c) => c.name).filter((name) => !(name in SCORECARD_CHECK_RISK)),
  };

  return { kind: 'findings', file, records, posture };
}

/**
 * Computes Scorecard's aggregate score: the mean of check scores weighted by risk level, skipping
 * inconclusive checks and checks of unknown risk, rounded to one decimal as Scorecard prints it.
 * Returns null when no check can be counted.
 */
export function aggregateScorecardScore(
  checks: readonly { name: string; score: number }[],
): number | null {
  let weightedSum = 0;
  let totalWeight = 0;

  for (const check of checks) {
    const risk = SCORECARD_CHECK_RISK[check.name];
    if (risk === undefined || check.score < 0) {
      continue;
    }
    weightedSum += SCORECARD_RISK_WEIGHT[risk] * check.score;
    totalWeight += SCORECARD_RISK_WEIGHT[risk];
  }

  return totalWeight === 0 ? null : Math.round((weightedSum / totalWeight) * 10) / 10;
}

/**
 * Derives a finding's severity from the check's risk level, lowered as the score rises: full
 * severity for scores 0 to 4, one step lower for 5 to 7, two steps lower for 8 and 9, never below
 * low. An inconclusive check is info. A check of unknown risk counts as Medium.
 */
export function scorecardSeverity(checkName: string, score: number): FindingSeverity {
  if (score === INCONCLUSIVE_SCORE) {
    return 'info';
  }

  const risk = SCORECARD_CHECK_RISK[checkName] ?? 'Medium';
  const full = SEVERITY_ORDER.indexOf(RISK_SEVERITY[risk]);
  let stepsDown = 0;
  if (score >= 8) {
    stepsDown = 2;
  } else if (score >= 5) {
    stepsDown = 1;
  }
  const low = SEVERITY_ORDER.indexOf('low');
  return SEVERITY_ORDER[Math.max(low, full - stepsDown)] as FindingSeverity;
}

function titleOf(check: ScorecardCheck): string {
  const scoreText = check.score === INCONCLUSIVE_SCORE ? 'inconclusive' : `${check.score}/10`;
  const reason = check.reason.trim();
  return reason !== '' ? `${check.name} (${scoreText}): ${reason}` : `${check.name} (${scoreText})`;
}

function assertLooksLikeScorecard(file: string, document: unknown): void {
  if (isObject(document) && 'Checks' in document && 'Repo' in document) {
    throw new InvalidInputError(
      { file, jsonPath: '$.Checks' },
      'this is the obsolete Scorecard v1 format (Pass/Confidence per check); run Scorecard ' +
        'v4 or later with --format json',
    );
  }
  if (isObject(document) && 'checks' in document && 'repo' in document) {
    return;
  }

  const looksLike = describeJsonFormat(document);
  throw new InvalidInputError(
    { file, jsonPath: '$' },
    'not an OpenSSF Scorecard result: missing repo and checks' +
      (looksLike !== null ? `; the file looks like ${looksLike}` : ''),
  );
}
