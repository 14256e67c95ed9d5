import { describe, expect, it } from 'vitest';

import { readFixture } from '../../test/helpers/fixtures.js';
import { catchInvalidInput } from '../../test/helpers/invalid-input.js';
import { aggregateScorecardScore, parseScorecard, scorecardSeverity } from './scorecard.js';

const WEBAPP = 'real/scorecard/scorecard-webapp_testdata_scorecard-results.json';
const SIGNING = 'real/scorecard/scorecard_action-signing_results.json';

describe('parseScorecard on real results', () => {
  it('maps checks below 10 of ossf/scorecard', () => {
    const parsed = parseScorecard('r.json', readFixture(WEBAPP));

    expect(parsed.records.map((r) => [r.ruleId, r.score, r.severity])).toEqual([
      ['Branch-Protection', 8, 'low'],
      ['CII-Best-Practices', 2, 'low'],
      ['Dangerous-Workflow', 0, 'critical'],
      ['Pinned-Dependencies', 9, 'low'],
      ['Token-Permissions', 6, 'medium'],
    ]);
    expect(parsed.records[2]).toMatchObject({
      source: 'scorecard',
      tool: 'OpenSSF Scorecard 4.1.0',
      title: 'Dangerous-Workflow (0/10): dangerous workflow patterns detected',
      target: 'github.com/ossf/scorecard',
      location: '',
      helpUri:
        'https://github.com/ossf/scorecard/blob/33f80c93dc79f860d874857c511c4d26d399609d/docs/checks.md#dangerous-workflow',
    });
  });

  it('recomputes the reported aggregate', () => {
    const webapp = parseScorecard('r.json', readFixture(WEBAPP)).posture;
    const signing = parseScorecard('s.json', readFixture(SIGNING)).posture;

    expect(webapp.reportedScore).toBe(8.4);
    expect(webapp.aggregateScore).toBe(8.4);
    expect(signing.reportedScore).toBe(5);
    expect(signing.aggregateScore).toBe(5);
    expect(signing.unknownChecks).toEqual([]);
  });

  it('maps inconclusive checks to info', () => {
    const parsed = parseScorecard('s.json', readFixture(SIGNING));
    const inconclusive = parsed.records.filter((record) => record.severity === 'info');

    expect(inconclusive.map((record) => record.ruleId)).toEqual([
      'CI-Tests',
      'Packaging',
      'Signed-Releases',
    ]);
    expect(inconclusive.every((record) => record.score === null)).toBe(true);
    expect(inconclusive[0]?.title).toBe('CI-Tests (inconclusive): no pull request found');
    expect(parsed.records[0]?.tool).toBe('OpenSSF Scorecard');
  });

  it('fingerprints repository and check', () => {
    const first = parseScorecard('s.json', readFixture(SIGNING)).records;
    const second = parseScorecard('s.json', readFixture(SIGNING)).records;

    expect(first.map((r) => r.fingerprint)).toEqual(second.map((r) => r.fingerprint));
    expect(new Set(first.map((r) => r.fingerprint)).size).toBe(first.length);
  });
});

describe('aggregateScorecardScore', () => {
  it('skips inconclusive checks', () => {
    expect(
      aggregateScorecardScore([
        { name: 'Dangerous-Workflow', score: 10 },
        { name: 'License', score: -1 },
      ]),
    ).toBe(10);
  });

  it('weights checks by risk', () => {
    // (10 × 10 + 2.5 × 0) / 12.5 = 8
    expect(
      aggregateScorecardScore([
        { name: 'Webhooks', score: 10 },
        { name: 'CI-Tests', score: 0 },
      ]),
    ).toBe(8);
  });

  it('returns null when nothing counts', () => {
    expect(aggregateScorecardScore([{ name: 'SAST', score: -1 }])).toBeNull();
    expect(aggregateScorecardScore([{ name: 'Made-Up-Check', score: 3 }])).toBeNull();
  });
});

describe('scorecardSeverity', () => {
  it.each([
    ['Dangerous-Workflow', 0, 'critical'],
    ['Dangerous-Workflow', 4, 'critical'],
    ['Dangerous-Workflow', 5, 'high'],
    ['Dangerous-Workflow', 8, 'medium'],
    ['Code-Review', 3, 'high'],
    ['Code-Review', 7, 'medium'],
    ['Code-Review', 9, 'low'],
    ['SAST', 0, 'medium'],
    ['SAST', 6, 'low'],
    ['SAST', 9, 'low'],
    ['License', 0, 'low'],
    ['License', 9, 'low'],
    ['Made-Up-Check', 0, 'medium'],
    ['Vulnerabilities', -1, 'info'],
  ])('rates %s scored %i as %s', (check, score, severity) => {
    expect(scorecardSeverity(check, score)).toBe(severity);
  });
});

describe('parseScorecard bad input', () => {
  const valid = JSON.parse(readFixture(SIGNING).toString('utf8')) as Record<string, unknown>;
  const cases: { name: string; bytes: string; message: RegExp; jsonPath?: string }[] = [
    {
      name: 'SARIF file',
      bytes: JSON.stringify({ version: '2.1.0', runs: [] }),
      message:
        /at \$: not an OpenSSF Scorecard result: missing repo and checks; the file looks like a SARIF log/,
      jsonPath: '$',
    },
    {
      name: 'v1 format',
      bytes: JSON.stringify({
        Repo: 'github.com/x/y',
        Date: '2021-04-14',
        Checks: [{ CheckName: 'Active', Pass: true, Confidence: 10 }],
      }),
      message: /at \$\.Checks: this is the obsolete Scorecard v1 format/,
      jsonPath: '$.Checks',
    },
    {
      name: 'score above 10',
      bytes: JSON.stringify({ ...valid, checks: [{ name: 'SAST', score: 11, reason: 'r' }] }),
      message: /at \$\.checks\[0\]\.score: invalid Scorecard check: .*10/,
      jsonPath: '$.checks[0].score',
    },
    {
      name: 'missing repo name',
      bytes: JSON.stringify({ ...valid, repo: {} }),
      message: /at \$\.repo\.name: invalid Scorecard result/,
      jsonPath: '$.repo.name',
    },
  ];

  it.each(cases)('rejects $name', ({ bytes, message, jsonPath }) => {
    const error = catchInvalidInput(() => parseScorecard('result.json', bytes));

    expect(error.message).toMatch(message);
    expect(error.location.jsonPath).toBe(jsonPath);
  });
});
