import { z } from 'zod';

import type { SecurityFindingInput } from '../../shared/domain/findings.js';
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

export interface BanditImportOptions extends JsonImportOptions {
  /** The scanned repository or project, which Bandit reports do not name. */
  target?: string;
}

const FORMAT_NAME = 'Bandit JSON report (bandit -f json)';
const TOOL = 'Bandit';

const resultSchema = z.looseObject({
  filename: z.string(),
  line_number: z.number().int().optional(),
  test_id: z.string().min(1),
  test_name: z.string().optional(),
  issue_text: z.string(),
  issue_severity: z.string(),
  issue_confidence: z.string().optional(),
  more_info: z.string().optional(),
});

/** Parses `bandit -f json` output into one finding per result. */
export function parseBandit(
  file: string,
  bytes: Buffer | string,
  options: BanditImportOptions = {},
): ParsedFindings {
  const report = readJsonInput(file, bytes, { formatName: FORMAT_NAME, ...options });

  if (!isObject(report) || !Array.isArray(report.results) || !('metrics' in report)) {
    const looksLike = describeJsonFormat(report);
    throw new InvalidInputError(
      { file, jsonPath: '$' },
      'not a Bandit report: missing results and metrics' +
        (looksLike !== null ? `; the file looks like ${looksLike}` : ''),
    );
  }

  const records = report.results.map((value, index) => {
    const path = ['results', index];
    const result = parseJsonShape(file, path, resultSchema, value, 'Bandit result');

    const severity = severityFromWord(result.issue_severity);
    if (severity === null) {
      throw new InvalidInputError(
        { file, jsonPath: formatJsonPath([...path, 'issue_severity']) },
        `unknown Bandit severity ${JSON.stringify(result.issue_severity)}; expected LOW, ` +
          'MEDIUM, HIGH or UNDEFINED',
      );
    }

    const location =
      result.line_number !== undefined
        ? `${result.filename}:${result.line_number}`
        : result.filename;
    const finding: SecurityFindingInput = {
      source: 'bandit',
      tool: TOOL,
      ruleId: result.test_id,
      title: truncateText(result.issue_text, 2000),
      severity,
      location: truncateText(location, 2000),
      target: truncateText(options.target ?? '', 500),
      score: null,
      // Same inputs as the SARIF importer's fallback, so a scan imported as JSON and as SARIF
      // yields one finding.
      fingerprint: sha256Of([TOOL, result.test_id, location, result.issue_text]),
      helpUri: result.more_info ?? null,
      status: 'open',
    };
    return validateFinding(file, formatJsonPath(path), finding);
  });

  return { kind: 'findings', file, records };
}
