import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { readFixture } from '../../test/helpers/fixtures.js';
import { catchInvalidInput } from '../../test/helpers/invalid-input.js';
import { parseSarif } from './sarif.js';

function sarifWith(result: Record<string, unknown>, rule: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Scanner', rules: [{ id: 'R1', ...rule }] } },
        results: [{ ruleId: 'R1', message: { text: 'Problem found' }, ...result }],
      },
    ],
  });
}

function severityOf(result: Record<string, unknown>, rule: Record<string, unknown> = {}) {
  return parseSarif('s.sarif', sarifWith(result, rule)).records[0]?.severity;
}

describe('parseSarif on own fixture', () => {
  const parsed = parseSarif('webapp-scan.sarif', readFixture('own/sarif/webapp-scan.sarif'));

  it('maps each result to a finding', () => {
    expect(parsed.records.map((record) => record.ruleId)).toEqual([
      'js/sql-injection',
      'js/reflected-xss',
      'js/unused-local-variable',
      'no-eval',
      'security/detect-object-injection',
    ]);
  });

  it('skips suppressed and passing results', () => {
    expect(parsed.skipped).toEqual([
      { jsonPath: '$.runs[0].results[2]', reason: 'the result is suppressed' },
      { jsonPath: '$.runs[0].results[3]', reason: 'result kind is pass' },
    ]);
  });

  it('maps fields of a CodeQL result', () => {
    expect(parsed.records[0]).toMatchObject({
      source: 'sarif',
      tool: 'CodeQL 2.17.0',
      title: 'This query string depends on a user-provided value.',
      severity: 'high',
      location: 'src/db/customers.js:42',
      target: 'https://git.example.org/synapse/webapp',
      score: 8.8,
      helpUri: 'https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/',
      status: 'open',
    });
  });

  it('fills a message string template', () => {
    expect(parsed.records[1]?.title).toBe(
      'Cross-site scripting vulnerability due to a user-provided value flowing into the response body.',
    );
    expect(parsed.records[1]?.severity).toBe('medium');
  });

  it('finds a rule by id without ruleIndex', () => {
    expect(parsed.records[2]?.severity).toBe('low');
  });

  it('maps the second run', () => {
    expect(parsed.records[3]).toMatchObject({
      tool: 'ESLint 9.39.0',
      severity: 'medium',
      target: '',
      helpUri: null,
    });
    expect(parsed.records[4]).toMatchObject({ severity: 'info', location: 'ReportBuilder.render' });
  });

  it('hashes fingerprints with tool and rule', () => {
    const expected = createHash('sha256')
      .update(
        ['CodeQL', 'js/sql-injection', 'primaryLocationLineHash=9f3c2a1b77e0d4c5:1'].join('\u001f'),
      )
      .digest('hex');

    expect(parsed.records[0]?.fingerprint).toBe(expected);
    expect(new Set(parsed.records.map((record) => record.fingerprint)).size).toBe(5);
  });

  it('keeps fingerprints across tool versions', () => {
    const text = readFixture('own/sarif/webapp-scan.sarif')
      .toString('utf8')
      .replace('2.17.0', '2.18.1');
    const upgraded = parseSarif('webapp-scan.sarif', text);

    expect(upgraded.records[0]?.tool).toBe('CodeQL 2.18.1');
    expect(upgraded.records.map((r) => r.fingerprint)).toEqual(
      parsed.records.map((r) => r.fingerprint),
    );
  });
});

describe('SARIF severity', () => {
  it.each([
    ['9.0', 'critical'],
    ['7.0', 'high'],
    ['6.9', 'medium'],
    ['4.0', 'medium'],
    ['0.1', 'low'],
    ['0', 'info'],
  ])('maps security-severity %s to %s', (score, severity) => {
    expect(severityOf({ properties: { 'security-severity': score } })).toBe(severity);
  });

  it('reads security-severity from the rule', () => {
    expect(severityOf({}, { properties: { 'security-severity': 9.8 } })).toBe('critical');
  });

  it.each([
    ['error', 'high'],
    ['warning', 'medium'],
    ['note', 'low'],
    ['none', 'info'],
  ])('maps level %s to %s', (level, severity) => {
    expect(severityOf({ level })).toBe(severity);
  });

  it('falls back to the rule level', () => {
    expect(severityOf({}, { defaultConfiguration: { level: 'error' } })).toBe('high');
  });

  it('defaults to warning', () => {
    expect(severityOf({})).toBe('medium');
  });

  it('reads Bandit issue_severity', () => {
    expect(severityOf({ level: 'error', properties: { issue_severity: 'LOW' } })).toBe('low');
  });

  it('reads and strips a Trivy prefix', () => {
    const parsed = parseSarif(
      't.sarif',
      sarifWith(
        { ruleId: '[CRITICAL] CVE-2021-44228', level: 'error' },
        { id: '[CRITICAL] CVE-2021-44228' },
      ),
    );

    expect(parsed.records[0]?.severity).toBe('critical');
    expect(parsed.records[0]?.ruleId).toBe('CVE-2021-44228');
  });
});

describe('parseSarif bad input', () => {
  const veris = JSON.stringify({ incident_id: 'x', timeline: {}, action: {} });
  const cases: { name: string; bytes: string; message: RegExp; jsonPath?: string }[] = [
    {
      name: 'VERIS file',
      bytes: veris,
      message:
        /^scan\.sarif, at \$: not a SARIF log: missing version and runs; the file looks like a VERIS incident/,
      jsonPath: '$',
    },
    {
      name: 'SARIF 2.0.0',
      bytes: JSON.stringify({ version: '2.0.0', runs: [] }),
      message:
        /at \$\.version: SARIF version "2\.0\.0" is not supported; export the log as SARIF 2\.1\.0/,
      jsonPath: '$.version',
    },
    {
      name: 'runs not an array',
      bytes: JSON.stringify({ version: '2.1.0', runs: {} }),
      message: /at \$\.runs: invalid SARIF log: runs must be an array/,
      jsonPath: '$.runs',
    },
    {
      name: 'run without tool',
      bytes: JSON.stringify({ version: '2.1.0', runs: [{ results: [] }] }),
      message: /at \$\.runs\[0\]\.tool: invalid SARIF run/,
      jsonPath: '$.runs[0].tool',
    },
    {
      name: 'result without message',
      bytes: JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'X' } }, results: [{ ruleId: 'R' }] }],
      }),
      message: /at \$\.runs\[0\]\.results\[0\]\.message: invalid SARIF result/,
      jsonPath: '$.runs[0].results[0].message',
    },
    {
      name: 'result without rule',
      bytes: JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'X' } }, results: [{ message: { text: 'm' } }] }],
      }),
      message: /at \$\.runs\[0\]\.results\[0\]: invalid SARIF result: it names no rule/,
      jsonPath: '$.runs[0].results[0]',
    },
    {
      name: 'unknown result level',
      bytes: sarifWith({ level: 'catastrophic' }),
      message:
        /^scan\.sarif, at \$\.runs\[0\]\.results\[0\]\.level: invalid SARIF result: level "catastrophic" is not a SARIF level; use one of none, note, warning, error$/,
      jsonPath: '$.runs[0].results[0].level',
    },
    {
      name: 'unknown rule level',
      bytes: sarifWith({}, { defaultConfiguration: { level: 'critical' } }),
      message: /defaultConfiguration\.level: .*level "critical" is not a SARIF level/,
      jsonPath: '$.runs[0].tool.driver.rules[0].defaultConfiguration.level',
    },
    {
      name: 'truncated log',
      bytes: '{"version": "2.1.0", "runs": [',
      message: /^scan\.sarif, line 1: invalid JSON at column 31: unexpected end of input/,
    },
  ];

  it.each(cases)('rejects $name', ({ bytes, message, jsonPath }) => {
    const error = catchInvalidInput(() => parseSarif('scan.sarif', bytes));

    expect(error.message).toMatch(message);
    expect(error.location.jsonPath).toBe(jsonPath);
  });

  it('cuts a long message to the title limit', () => {
    const parsed = parseSarif('s.sarif', sarifWith({ message: { text: 'x'.repeat(5000) } }));

    expect(parsed.records[0]?.title.length).toBe(2000);
  });
});
