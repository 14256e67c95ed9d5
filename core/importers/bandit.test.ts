import { describe, expect, it } from 'vitest';

import { readFixture } from '../../test/helpers/fixtures.js';
import { catchInvalidInput } from '../../test/helpers/invalid-input.js';
import { parseBandit } from './bandit.js';
import { parseSarif } from './sarif.js';

describe('parseBandit', () => {
  it('maps a Bandit result', () => {
    const { records } = parseBandit(
      'b.json',
      readFixture('real/scanners/bandit-json_defectdojo_one_vuln.json'),
    );

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      source: 'bandit',
      tool: 'Bandit',
      ruleId: 'B101',
      title:
        'Use of assert detected. The enclosed code will be removed when compiling to optimised byte code.',
      severity: 'low',
      location: 'one/one.py:2',
      score: null,
      helpUri: 'https://bandit.readthedocs.io/en/latest/plugins/b101_assert_used.html',
    });
  });

  it('matches the SARIF fingerprint', () => {
    const result = {
      filename: 'src/app.py',
      line_number: 48,
      test_id: 'B307',
      test_name: 'blacklist',
      issue_text: 'Use of possibly insecure function.',
      issue_severity: 'MEDIUM',
    };
    const sarif = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Bandit', rules: [{ id: 'B307' }] } },
          results: [
            {
              ruleId: 'B307',
              message: { text: 'Use of possibly insecure function.' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'src/app.py' },
                    region: { startLine: 48 },
                  },
                },
              ],
              properties: { issue_severity: 'MEDIUM' },
            },
          ],
        },
      ],
    };
    const fromJson = parseBandit('b.json', JSON.stringify({ results: [result], metrics: {} }))
      .records[0];
    const fromSarif = parseSarif('b.sarif', JSON.stringify(sarif)).records[0];

    expect(fromJson?.fingerprint).toBe(fromSarif?.fingerprint);
    expect(fromJson?.severity).toBe(fromSarif?.severity);
  });

  const cases: { name: string; bytes: string; message: RegExp; jsonPath?: string }[] = [
    {
      name: 'npm audit report',
      bytes: JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} }),
      message:
        /at \$: not a Bandit report: missing results and metrics; the file looks like an npm audit report/,
      jsonPath: '$',
    },
    {
      name: 'result without file',
      bytes: JSON.stringify({
        results: [{ test_id: 'B1', issue_text: 't', issue_severity: 'LOW' }],
        metrics: {},
      }),
      message: /at \$\.results\[0\]\.filename: invalid Bandit result/,
      jsonPath: '$.results[0].filename',
    },
    {
      name: 'unknown severity',
      bytes: JSON.stringify({
        results: [{ filename: 'a.py', test_id: 'B1', issue_text: 't', issue_severity: 'SEVERE' }],
        metrics: {},
      }),
      message: /at \$\.results\[0\]\.issue_severity: unknown Bandit severity "SEVERE"/,
      jsonPath: '$.results[0].issue_severity',
    },
  ];

  it.each(cases)('rejects $name', ({ bytes, message, jsonPath }) => {
    const error = catchInvalidInput(() => parseBandit('bandit.json', bytes));

    expect(error.message).toMatch(message);
    expect(error.location.jsonPath).toBe(jsonPath);
  });
});
