import { z } from 'zod';

import type { FindingSeverity, SecurityFindingInput } from '../../shared/domain/findings.js';
import { InvalidInputError } from '../../shared/errors.js';
import { severityFromSarifLevel, severityFromScore, severityFromWord } from './finding-severity.js';
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

export interface SarifImportOptions extends JsonImportOptions {
  /** The scanned repository or project; defaults to the run's versionControlProvenance. */
  target?: string;
}

/** A result the importer did not turn into a finding, and why. */
export interface SkippedResult {
  jsonPath: string;
  reason: string;
}

export interface ParsedSarif extends ParsedFindings {
  skipped: SkippedResult[];
}

const FORMAT_NAME = 'SARIF 2.1.0 log';

const textSchema = z.looseObject({ text: z.string().optional(), markdown: z.string().optional() });

/** The values of result.level and defaultConfiguration.level in SARIF 2.1.0. */
const SARIF_LEVELS = ['none', 'note', 'warning', 'error'] as const;
const levelSchema = z.enum(SARIF_LEVELS, {
  error: (issue) =>
    `level ${JSON.stringify(issue.input)} is not a SARIF level; use one of ${SARIF_LEVELS.join(', ')}`,
});

const ruleSchema = z.looseObject({
  id: z.string(),
  shortDescription: textSchema.optional(),
  fullDescription: textSchema.optional(),
  helpUri: z.string().optional(),
  defaultConfiguration: z.looseObject({ level: levelSchema.optional() }).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  messageStrings: z.record(z.string(), textSchema).optional(),
});
type SarifRule = z.output<typeof ruleSchema>;

const runSchema = z.looseObject({
  tool: z.looseObject({
    driver: z.looseObject({
      name: z.string().min(1, 'the tool name is required'),
      version: z.string().optional(),
      semanticVersion: z.string().optional(),
      rules: z.array(ruleSchema).optional(),
    }),
  }),
  results: z.array(z.unknown()).nullable().optional(),
  versionControlProvenance: z.array(z.looseObject({ repositoryUri: z.string() })).optional(),
});

const locationSchema = z.looseObject({
  physicalLocation: z
    .looseObject({
      artifactLocation: z.looseObject({ uri: z.string().optional() }).optional(),
      region: z.looseObject({ startLine: z.number().int().optional() }).optional(),
    })
    .optional(),
  logicalLocations: z
    .array(z.looseObject({ fullyQualifiedName: z.string().optional() }))
    .optional(),
});

const resultSchema = z.looseObject({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().optional(),
  rule: z.looseObject({ id: z.string().optional(), index: z.number().int().optional() }).optional(),
  kind: z.string().optional(),
  level: levelSchema.optional(),
  message: z.looseObject({
    text: z.string().optional(),
    markdown: z.string().optional(),
    id: z.string().optional(),
    arguments: z.array(z.string()).optional(),
  }),
  locations: z.array(locationSchema).optional(),
  fingerprints: z.record(z.string(), z.string()).optional(),
  partialFingerprints: z.record(z.string(), z.string()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  suppressions: z.array(z.looseObject({ status: z.string().optional() })).optional(),
});
type SarifResult = z.output<typeof resultSchema>;

/** Trivy's early SARIF template puts the severity into the rule id: "[HIGH] CVE-2017-1000228". */
const SEVERITY_PREFIX = /^\[(CRITICAL|HIGH|MEDIUM|LOW|UNKNOWN)\]\s*/i;

/**
 * Parses a SARIF 2.1.0 log into one finding per result. Results of kind pass or notApplicable,
 * and suppressed results, are skipped and listed in `skipped`.
 */
export function parseSarif(
  file: string,
  bytes: Buffer | string,
  options: SarifImportOptions = {},
): ParsedSarif {
  const log = readJsonInput(file, bytes, { formatName: FORMAT_NAME, ...options });
  const runs = readRuns(file, log);

  const records: SecurityFindingInput[] = [];
  const skipped: SkippedResult[] = [];

  runs.forEach((runValue, runIndex) => {
    const run = parseJsonShape(file, ['runs', runIndex], runSchema, runValue, 'SARIF run');
    const toolName = run.tool.driver.name.trim();
    const tool = withVersion(toolName, run.tool.driver.semanticVersion ?? run.tool.driver.version);
    const rules = run.tool.driver.rules ?? [];
    const target = options.target ?? run.versionControlProvenance?.[0]?.repositoryUri ?? '';

    (run.results ?? []).forEach((resultValue, resultIndex) => {
      const path = ['runs', runIndex, 'results', resultIndex];
      const result = parseJsonShape(file, path, resultSchema, resultValue, 'SARIF result');

      const skipReason = reasonToSkip(result);
      if (skipReason !== null) {
        skipped.push({ jsonPath: formatJsonPath(path), reason: skipReason });
        return;
      }

      const finding = mapResult(file, path, result, { toolName, tool, rules, target });
      records.push(validateFinding(file, formatJsonPath(path), finding));
    });
  });

  return { kind: 'findings', file, records, skipped };
}

interface RunContext {
  toolName: string;
  tool: string;
  rules: SarifRule[];
  target: string;
}

function readRuns(file: string, log: unknown): unknown[] {
  if (!isObject(log) || !('runs' in log)) {
    const looksLike = describeJsonFormat(log);
    throw new InvalidInputError(
      { file, jsonPath: '$' },
      'not a SARIF log: missing version and runs' +
        (looksLike !== null ? `; the file looks like ${looksLike}` : ''),
    );
  }
  if (log.version !== '2.1.0') {
    throw new InvalidInputError(
      { file, jsonPath: '$.version' },
      `SARIF version ${JSON.stringify(log.version ?? null)} is not supported; export the log ` +
        'as SARIF 2.1.0',
    );
  }
  if (!Array.isArray(log.runs)) {
    throw new InvalidInputError(
      { file, jsonPath: '$.runs' },
      'invalid SARIF log: runs must be an array',
    );
  }
  return log.runs;
}

function reasonToSkip(result: SarifResult): string | null {
  if (result.kind === 'pass' || result.kind === 'notApplicable') {
    return `result kind is ${result.kind}`;
  }
  const suppressed = (result.suppressions ?? []).some(
    (suppression) => suppression.status === undefined || suppression.status === 'accepted',
  );
  return suppressed ? 'the result is suppressed' : null;
}

function mapResult(
  file: string,
  path: (string | number)[],
  result: SarifResult,
  run: RunContext,
): SecurityFindingInput {
  const rule = findRule(result, run.rules);
  const rawRuleId = result.ruleId ?? result.rule?.id ?? rule?.id;
  if (rawRuleId === undefined || rawRuleId.trim() === '') {
    throw new InvalidInputError(
      { file, jsonPath: formatJsonPath(path) },
      'invalid SARIF result: it names no rule (ruleId, rule.id or ruleIndex)',
    );
  }

  const ruleId = rawRuleId.replace(SEVERITY_PREFIX, '').trim() || rawRuleId;
  const location = locationOf(result);
  const title = titleOf(result, rule) ?? ruleId;
  const securitySeverity = securitySeverityOf(result, rule);

  return {
    source: 'sarif',
    tool: truncateText(run.tool, 200),
    ruleId: truncateText(ruleId, 500),
    title: truncateText(title, 2000),
    severity: severityOf(result, rule, rawRuleId, securitySeverity),
    location: truncateText(location, 2000),
    target: truncateText(run.target, 500),
    score: securitySeverity,
    fingerprint: fingerprintOf(result, run.toolName, ruleId, location, title),
    helpUri: rule?.helpUri ?? null,
    status: 'open',
  };
}

function findRule(result: SarifResult, rules: SarifRule[]): SarifRule | undefined {
  const index = result.ruleIndex ?? result.rule?.index;
  if (index !== undefined && rules[index] !== undefined) {
    return rules[index];
  }
  const id = result.ruleId ?? result.rule?.id;
  return id === undefined ? undefined : rules.find((rule) => rule.id === id);
}

/** Returns message.text, or the rule's message string with its {0} placeholders filled in. */
function titleOf(result: SarifResult, rule: SarifRule | undefined): string | null {
  const { message } = result;
  const template =
    message.text ??
    (message.id !== undefined ? rule?.messageStrings?.[message.id]?.text : undefined) ??
    message.markdown ??
    rule?.shortDescription?.text ??
    rule?.fullDescription?.text;
  if (template === undefined || template.trim() === '') {
    return null;
  }

  const args = message.arguments ?? [];
  return template.replace(
    /\{(\d+)\}/g,
    (placeholder, index: string) => args[Number(index)] ?? placeholder,
  );
}

function locationOf(result: SarifResult): string {
  const first = result.locations?.[0];
  const uri = first?.physicalLocation?.artifactLocation?.uri;
  if (uri !== undefined) {
    const line = first?.physicalLocation?.region?.startLine;
    return line !== undefined ? `${uri}:${line}` : uri;
  }
  return first?.logicalLocations?.[0]?.fullyQualifiedName ?? '';
}

function securitySeverityOf(result: SarifResult, rule: SarifRule | undefined): number | null {
  const raw = result.properties?.['security-severity'] ?? rule?.properties?.['security-severity'];
  const score = typeof raw === 'string' ? Number.parseFloat(raw) : raw;
  return typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= 10
    ? score
    : null;
}

/**
 * Picks the most specific severity a scanner gives: the numeric security-severity first, then
 * Bandit's issue_severity or Trivy's rule id prefix, then the result level, then the rule's
 * default level. A result with none of these has SARIF's default level, warning (medium).
 */
function severityOf(
  result: SarifResult,
  rule: SarifRule | undefined,
  rawRuleId: string,
  securitySeverity: number | null,
): FindingSeverity {
  if (securitySeverity !== null) {
    return severityFromScore(securitySeverity);
  }

  const banditSeverity = result.properties?.issue_severity;
  if (typeof banditSeverity === 'string' && severityFromWord(banditSeverity) !== null) {
    return severityFromWord(banditSeverity) as FindingSeverity;
  }

  const prefix = SEVERITY_PREFIX.exec(rawRuleId);
  if (prefix?.[1] !== undefined) {
    return severityFromWord(prefix[1]) as FindingSeverity;
  }

  const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
  return severityFromSarifLevel(level) ?? 'medium';
}

/**
 * Hashes the tool name (without its version, so an upgrade keeps the fingerprints) and the rule id
 * with the scanner's own fingerprints when it gives any, else with the location and message. The
 * rule id is always part of it because some scanner fingerprints, such as CodeQL's
 * primaryLocationLineHash, hash only the source line.
 */
function fingerprintOf(
  result: SarifResult,
  toolName: string,
  ruleId: string,
  location: string,
  title: string,
): string {
  const scannerFingerprints = Object.entries({
    ...result.partialFingerprints,
    ...result.fingerprints,
  })
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);

  if (scannerFingerprints.length > 0) {
    return sha256Of([toolName, ruleId, ...scannerFingerprints]);
  }
  return sha256Of([toolName, ruleId, location, title]);
}

function withVersion(name: string, version: string | undefined): string {
  return version !== undefined && /^v?\d/.test(version) ? `${name} ${version}` : name;
}
