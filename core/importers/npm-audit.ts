import { z } from 'zod';

import type { FindingSeverity, SecurityFindingInput } from '../../shared/domain/findings.js';
import { InvalidInputError } from '../../shared/errors.js';
import { severityFromWord } from './finding-severity.js';
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

export interface NpmAuditImportOptions extends JsonImportOptions {
  /** The audited project, which npm audit reports do not name. */
  target?: string;
}

const FORMAT_NAME = 'npm audit --json report (auditReportVersion 2)';
const TOOL = 'npm audit';

const advisorySchema = z.looseObject({
  source: z.union([z.number(), z.string()]),
  name: z.string(),
  title: z.string(),
  url: z.string().optional(),
  severity: z.string(),
  cvss: z.looseObject({ score: z.number().optional() }).nullable().optional(),
  range: z.string().optional(),
});
type Advisory = z.output<typeof advisorySchema>;

const vulnerabilitySchema = z.looseObject({
  name: z.string(),
  severity: z.string(),
  via: z.array(z.union([z.string(), advisorySchema])),
  range: z.string().optional(),
  nodes: z.array(z.string()).optional(),
});
type Vulnerability = z.output<typeof vulnerabilitySchema>;

/**
 * Parses `npm audit --json` output of npm 7 or later into one finding per advisory and affected
 * package. Packages that are vulnerable only through another package (`via` lists only package
 * names) get no finding of their own, because the advisory is already reported where it applies.
 */
export function parseNpmAudit(
  file: string,
  bytes: Buffer | string,
  options: NpmAuditImportOptions = {},
): ParsedFindings {
  const report = readJsonInput(file, bytes, { formatName: FORMAT_NAME, ...options });
  const vulnerabilities = readVulnerabilities(file, report);

  const records: SecurityFindingInput[] = [];
  for (const [key, value] of Object.entries(vulnerabilities)) {
    const path = ['vulnerabilities', key];
    const vulnerability = parseJsonShape(file, path, vulnerabilitySchema, value, 'npm audit entry');

    vulnerability.via.forEach((via, viaIndex) => {
      if (typeof via === 'string') {
        return;
      }
      const jsonPath = formatJsonPath([...path, 'via', viaIndex]);
      records.push(
        validateFinding(file, jsonPath, mapAdvisory(file, jsonPath, vulnerability, via, options)),
      );
    });
  }

  return { kind: 'findings', file, records };
}

function readVulnerabilities(file: string, report: unknown): Record<string, unknown> {
  if (!isObject(report) || !('auditReportVersion' in report || 'advisories' in report)) {
    const looksLike = describeJsonFormat(report);
    throw new InvalidInputError(
      { file, jsonPath: '$' },
      'not an npm audit report: missing auditReportVersion and vulnerabilities' +
        (looksLike !== null ? `; the file looks like ${looksLike}` : ''),
    );
  }
  if (report.auditReportVersion !== 2) {
    throw new InvalidInputError(
      { file, jsonPath: '$.auditReportVersion' },
      `npm audit report version ${JSON.stringify(report.auditReportVersion ?? 1)} is not ` +
        'supported; run `npm audit --json` with npm 7 or later to get version 2',
    );
  }
  if (!isObject(report.vulnerabilities)) {
    throw new InvalidInputError(
      { file, jsonPath: '$.vulnerabilities' },
      'invalid npm audit report: vulnerabilities must be an object keyed by package name',
    );
  }
  return report.vulnerabilities;
}

function mapAdvisory(
  file: string,
  jsonPath: string,
  vulnerability: Vulnerability,
  advisory: Advisory,
  options: NpmAuditImportOptions,
): SecurityFindingInput {
  const severity = severityFromWord(advisory.severity);
  if (severity === null) {
    throw new InvalidInputError(
      { file, jsonPath: `${jsonPath}.severity` },
      `unknown npm audit severity ${JSON.stringify(advisory.severity)}; expected info, low, ` +
        'moderate, high or critical',
    );
  }

  const ruleId = advisoryIdOf(advisory);
  const range = vulnerability.range ?? advisory.range ?? '';
  const location = (vulnerability.nodes ?? []).join(', ');
  const score =
    advisory.cvss?.score !== undefined && advisory.cvss.score > 0 ? advisory.cvss.score : null;

  return {
    source: 'npm-audit',
    tool: TOOL,
    ruleId,
    title: truncateText(
      `${advisory.title} (${vulnerability.name} ${range})`.replace(' )', ')'),
      2000,
    ),
    severity: severity satisfies FindingSeverity,
    location: truncateText(location, 2000),
    target: truncateText(options.target ?? '', 500),
    score,
    fingerprint: sha256Of([TOOL, ruleId, vulnerability.name]),
    helpUri: advisory.url ?? null,
    status: 'open',
  };
}

/** Returns the GHSA id from the advisory URL, else npm's numeric advisory source id. */
function advisoryIdOf(advisory: Advisory): string {
  const ghsa = /GHSA(?:-[0-9a-z]{4}){3}/i.exec(advisory.url ?? '');
  return ghsa !== null ? ghsa[0] : `npm-advisory-${advisory.source}`;
}
