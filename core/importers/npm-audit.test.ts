import { describe, expect, it } from 'vitest';

import { readFixture } from '../../test/helpers/fixtures.js';
import { catchInvalidInput } from '../../test/helpers/invalid-input.js';
import { parseNpmAudit } from './npm-audit.js';

const REPORT = 'real/scanners/npm-audit-v2_defectdojo_many_vulns.json';

describe('parseNpmAudit', () => {
  it('maps each advisory to a finding', () => {
    const { records } = parseNpmAudit('audit.json', readFixture(REPORT), { target: 'webapp' });

    expect(records.map((r) => [r.ruleId, r.severity, r.score])).toEqual([
      ['GHSA-gxpj-cx7g-858c', 'medium', 5.3],
      ['GHSA-c2qf-rxjj-qqgw', 'medium', 5.3],
      ['GHSA-3787-6prv-h9w3', 'low', 3.9],
    ]);
    expect(records[0]).toMatchObject({
      source: 'npm-audit',
      tool: 'npm audit',
      title: 'Regular Expression Denial of Service in debug (debug 4.0.0 - 4.3.0)',
      location: 'node_modules/@vercel/fun/node_modules/debug',
      target: 'webapp',
      helpUri: 'https://github.com/advisories/GHSA-gxpj-cx7g-858c',
    });
  });

  it('falls back to the npm advisory id', () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        left: {
          name: 'left',
          severity: 'critical',
          via: [
            { source: 42, name: 'left', title: 'Bad', severity: 'critical', cvss: { score: 0 } },
          ],
        },
      },
    };
    const [record] = parseNpmAudit('a.json', JSON.stringify(report)).records;

    expect(record?.ruleId).toBe('npm-advisory-42');
    expect(record?.severity).toBe('critical');
    expect(record?.score).toBeNull();
    expect(record?.title).toBe('Bad (left)');
  });

  const cases: { name: string; bytes: string; message: RegExp; jsonPath?: string }[] = [
    {
      name: 'npm 6 report',
      bytes: JSON.stringify({ advisories: {}, metadata: {} }),
      message:
        /at \$\.auditReportVersion: npm audit report version 1 is not supported; run `npm audit --json` with npm 7/,
      jsonPath: '$.auditReportVersion',
    },
    {
      name: 'Bandit report',
      bytes: JSON.stringify({ results: [], metrics: {}, generated_at: 'x' }),
      message: /at \$: not an npm audit report: .*; the file looks like a Bandit report/,
      jsonPath: '$',
    },
    {
      name: 'unknown severity',
      bytes: JSON.stringify({
        auditReportVersion: 2,
        vulnerabilities: {
          x: {
            name: 'x',
            severity: 'low',
            via: [{ source: 1, name: 'x', title: 't', severity: 'severe' }],
          },
        },
      }),
      message: /at \$\.vulnerabilities\.x\.via\[0\]\.severity: unknown npm audit severity "severe"/,
      jsonPath: '$.vulnerabilities.x.via[0].severity',
    },
    {
      name: 'via not an array',
      bytes: JSON.stringify({
        auditReportVersion: 2,
        vulnerabilities: { '@a/b': { name: '@a/b', severity: 'low', via: 'x' } },
      }),
      message: /at \$\.vulnerabilities\['@a\/b'\]\.via: invalid npm audit entry/,
      jsonPath: "$.vulnerabilities['@a/b'].via",
    },
  ];

  it.each(cases)('rejects $name', ({ bytes, message, jsonPath }) => {
    const error = catchInvalidInput(() => parseNpmAudit('audit.json', bytes));

    expect(error.message).toMatch(message);
    expect(error.location.jsonPath).toBe(jsonPath);
  });
});
