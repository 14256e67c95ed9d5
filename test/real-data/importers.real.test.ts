// Imports real public files that may not be committed with the project (no licence stated) from
// the folder in SYNAPSE_REAL_FIXTURES, by default ../shared/fixtures/real beside the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseBandit } from '../../core/importers/bandit.js';
import { parseClassificationCsv } from '../../core/importers/csv-classification.js';
import { parseNpmAudit } from '../../core/importers/npm-audit.js';
import { parseSarif } from '../../core/importers/sarif.js';
import { parseScorecard } from '../../core/importers/scorecard.js';
import { parseVeris } from '../../core/importers/veris.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const REAL_ROOT =
  process.env.SYNAPSE_REAL_FIXTURES ?? path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'real');
const available = existsSync(REAL_ROOT);

if (!available) {
  console.log(
    `real-data importer suite skipped: ${REAL_ROOT} does not exist; set SYNAPSE_REAL_FIXTURES to ` +
      'the folder of real fixtures to run it',
  );
}

const suite = available ? describe : describe.skip;

function read(relativePath: string): Buffer {
  return readFileSync(path.join(REAL_ROOT, relativePath));
}

/** Turns LF row ends into CRLF, leaving line breaks inside quoted fields as they are. */
function withCrlfRows(text: string): string {
  let inQuotes = false;
  let result = '';
  for (const char of text) {
    if (char === '"') {
      inQuotes = !inQuotes;
    }
    result += char === '\n' && !inQuotes ? '\r\n' : char;
  }
  return result;
}

suite('real VCDB incidents', () => {
  // file, externalRef, severity, personalData, occurredOn, recordsAffected
  const expected: [string, string, string, string, string, number | null][] = [
    [
      '00088c89-7f61-40c9-ab3a-f725e33c1176.json',
      '00088c89-7f61-40c9-ab3a-f725e33c1176',
      'high',
      'yes',
      '2020',
      null,
    ],
    [
      '000D403E-2DC9-4EA7-9294-BD3938D1C3C7.json',
      '000D403E-2DC9-4EA7-9294-BD3938D1C3C7',
      'medium',
      'potentially',
      '2014',
      null,
    ],
    [
      '001bd01d-13c4-40b6-a3a1-d8fcfb185653.json',
      '001bd01d-13c4-40b6-a3a1-d8fcfb185653',
      'high',
      'yes',
      '2017-02-17',
      null,
    ],
    [
      '00224226-4A39-435C-BFFD-672B5D61C7C1.json',
      '00224226-4A39-435C-BFFD-672B5D61C7C1',
      'medium',
      'no',
      '2013',
      null,
    ],
    [
      '002599D4-A872-433B-9980-BD9F257B283F.json',
      '002599D4-A872-433B-9980-BD9F257B283F',
      'medium',
      'potentially',
      '2011-12-08',
      943434,
    ],
    [
      '00377E9D-9EBB-40CA-BD73-A99F795014C2.json',
      '00377E9D-9EBB-40CA-BD73-A99F795014C2',
      'high',
      'yes',
      '2023-06',
      null,
    ],
    [
      '003F5B6A-CA75-4694-AA76-FE9498FF0C3E.json',
      '003F5B6A-CA75-4694-AA76-FE9498FF0C3E',
      'medium',
      'no',
      '2012-02',
      null,
    ],
    [
      '003c2a32-a95b-499b-9e9c-ea268df7bf1a.json',
      '003c2a32-a95b-499b-9e9c-ea268df7bf1a',
      'high',
      'yes',
      '2017',
      1,
    ],
    [
      '004a9681-f5bb-4c26-9972-97969fcdf2b0.json',
      '004a9681-f5bb-4c26-9972-97969fcdf2b0',
      'medium',
      'potentially',
      '2017-07',
      null,
    ],
    [
      '0096EF99-D9CB-4869-9F3D-F4E0D84F419B.json',
      '0096EF99-D9CB-4869-9F3D-F4E0D84F419B',
      'medium',
      'potentially',
      '2010-12-20',
      2200,
    ],
    [
      '00e94a74-582a-4b95-a458-7197f140ddb0.json',
      '00e94a74-582a-4b95-a458-7197f140ddb0',
      'medium',
      'potentially',
      '2019-11-11',
      17214,
    ],
    [
      '01034482-f586-412a-9127-1d1354a9f22c.JSON',
      '01034482-f586-412a-9127-1d1354a9f22c',
      'critical',
      'yes',
      '2024-08',
      103316633,
    ],
    [
      '014490d4-e3d6-46ab-b1cf-777b3f8fa397.json',
      '014490d4-e3d6-46ab-b1cf-777b3f8fa397',
      'medium',
      'potentially',
      '2017-06-15',
      750,
    ],
    [
      '014ee3c9-8760-4482-83e1-c9f1ca26239b.JSON',
      '7d74e80d-5cd8-43b3-bdcf-57bd4ab273f1',
      'medium',
      'no',
      '2019-08-21',
      null,
    ],
    [
      '0166176d-0eac-4d2e-98ea-e4db9c5d52c0.json',
      '0166176d-0eac-4d2e-98ea-e4db9c5d52c0',
      'high',
      'yes',
      '2018',
      null,
    ],
    [
      '01ba49c8-e3c3-4aa2-bef5-4ca2d1f9534d.JSON',
      '01ba49c8-e3c3-4aa2-bef5-4ca2d1f9534d',
      'critical',
      'yes',
      '2021-12-22',
      133000,
    ],
    [
      '020b67e3-320b-4928-8f26-08f751e7b59d.JSON',
      '9f7ce2fa-ba40-4889-9430-55819ac3fa00',
      'low',
      'yes',
      '2024-03',
      null,
    ],
    [
      '0221187d-bc77-4696-9883-b2cf4e395873.json',
      '0221187d-bc77-4696-9883-b2cf4e395873',
      'medium',
      'unknown',
      '2019-10-01',
      null,
    ],
    [
      '024775f8-d5f9-4f9d-98b7-8de93177f3de.json',
      '024775f8-d5f9-4f9d-98b7-8de93177f3de',
      'medium',
      'unknown',
      '2019-07',
      null,
    ],
    [
      '02743f06-fcbe-4982-b7d5-e8ec17e3df30.JSON',
      '02743f06-fcbe-4982-b7d5-e8ec17e3df30',
      'critical',
      'yes',
      '2023-11-08',
      108149,
    ],
  ];

  const parse = (file: string) => {
    const [record] = parseVeris(file, read(`vcdb/${file}`)).records;
    if (record === undefined) {
      throw new Error(`${file} gave no record`);
    }
    return record;
  };

  it('imports every VCDB file', () => {
    const files = readdirSync(path.join(REAL_ROOT, 'vcdb'))
      .filter((file) => /\.json$/i.test(file))
      .sort();

    expect(files).toEqual(expected.map(([file]) => file).sort());
    for (const file of files) {
      expect(parseVeris(file, read(`vcdb/${file}`)).records).toHaveLength(1);
    }
  });

  it.each(expected)(
    'maps %s',
    (file, externalRef, severity, personalData, occurredOn, recordsAffected) => {
      const record = parse(file);

      expect(record.externalRef).toBe(externalRef);
      expect(record.severity).toBe(severity);
      expect(record.personalData).toBe(personalData);
      expect(record.occurredOn).toBe(occurredOn);
      expect(record.recordsAffected).toBe(recordsAffected);
      expect(record.status).toBe('closed');
      expect(record.source).toBe('veris');
      expect(record.discoveredAt).toBeNull();
    },
  );

  it('maps a MOVEit incident in detail', () => {
    const record = parse('00377E9D-9EBB-40CA-BD73-A99F795014C2.json');

    expect(record.title).toBe('MOVEit vulnerability exploited. Data stolen.');
    expect(record.category).toBe('hacking, malware');
    expect(record.dataVarieties).toEqual(['Personal']);
    expect(record.summary).toContain('Victim: THE MASTER’S UNIVERSITY (NAICS 611310)');
  });

  it('titles the incident without summary', () => {
    expect(parse('0096EF99-D9CB-4869-9F3D-F4E0D84F419B.json').title).toBe(
      'Physical incident at Friendship Center Dental Office',
    );
  });

  it('notes timeline durations', () => {
    expect(parse('002599D4-A872-433B-9980-BD9F257B283F.json').summary).toContain(
      'Time to discovery: 2 months',
    );
    expect(parse('004a9681-f5bb-4c26-9972-97969fcdf2b0.json').summary).toContain(
      'Time to containment: 2 days',
    );
    expect(parse('014490d4-e3d6-46ab-b1cf-777b3f8fa397.json').summary).toContain(
      'Security incident: Suspected',
    );
  });

  it('keeps new VERIS 1.4 data varieties', () => {
    expect(parse('01034482-f586-412a-9127-1d1354a9f22c.JSON').dataVarieties).toEqual([
      'Personal',
      'Sensitive Personal',
    ]);
  });

  it('describes a victim known only by industry', () => {
    expect(parse('024775f8-d5f9-4f9d-98b7-8de93177f3de.json').summary).toContain(
      'Victim: NAICS 928120',
    );
  });
});

suite('real SARIF logs', () => {
  it('imports the Semgrep log', () => {
    const { records } = parseSarif('s', read('sarif/semgrep_e2e_sarif.json'));

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      tool: 'Semgrep OSS',
      ruleId: 'rules.eqeq-is-bad',
      severity: 'high',
      location: 'targets/basic/stupid.py:3',
      helpUri: 'https://semgrep.dev/r/eqeq-bad',
    });
  });

  it('imports the Bandit log', () => {
    const { records } = parseSarif('b', read('sarif/bandit_todo-list-aws.sarif'));

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      tool: 'Bandit',
      ruleId: 'B307',
      severity: 'medium',
      location: 'src/todoList.py:48',
      title: 'Use of possibly insecure function - consider using safer ast.literal_eval.',
    });
  });

  it('imports the Trivy log', () => {
    const { records } = parseSarif('t', read('sarif/trivy_sarif-demo.sarif'));
    const high = records
      .filter((record) => record.severity === 'high')
      .map((record) => record.ruleId);

    expect(records).toHaveLength(12);
    expect(high).toEqual(['CVE-2017-1000228', 'CVE-2019-5413', 'NSWG-ECO-106', 'CVE-2017-16082']);
    expect(records.filter((record) => record.severity === 'medium')).toHaveLength(8);
    expect(records.every((record) => record.location === '')).toBe(true);
    expect(new Set(records.map((record) => record.fingerprint)).size).toBe(12);
  });
});

suite('real scanner and Scorecard results', () => {
  it('imports both Scorecard results', () => {
    const webapp = parseScorecard(
      'w',
      read('scorecard/scorecard-webapp_testdata_scorecard-results.json'),
    );
    const signing = parseScorecard('s', read('scorecard/scorecard_action-signing_results.json'));

    expect(webapp.records).toHaveLength(5);
    expect(webapp.posture.aggregateScore).toBe(webapp.posture.reportedScore);
    expect(signing.records).toHaveLength(13);
    expect(signing.posture.aggregateScore).toBe(signing.posture.reportedScore);
  });

  it('imports npm audit and Bandit reports', () => {
    expect(
      parseNpmAudit('n', read('scanners/npm-audit-v2_defectdojo_many_vulns.json')).records,
    ).toHaveLength(3);
    expect(
      parseBandit('b', read('scanners/bandit-json_defectdojo_one_vuln.json')).records,
    ).toHaveLength(1);
  });
});

suite('real data dictionaries', () => {
  const KHN = 'inventory/khnews_underfunded_data-dictionary.csv';
  const PDO = 'inventory/publicdataobservatory_hhs-budget-rif_data-dictionary.csv';

  it('imports the 63 KHN fields', () => {
    const parsed = parseClassificationCsv(KHN, read(KHN), { system: 'KHN public health spending' });
    const datasets = new Set(parsed.records.map((record) => record.dataset));

    expect(parsed.records).toHaveLength(63);
    expect(datasets.size).toBe(6);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records.filter((record) => record.personalData)).toEqual([]);
    expect(parsed.records.every((record) => record.proposed && record.level === 'INTERNAL')).toBe(
      true,
    );
    expect(parsed.records.find((r) => r.field === 'population')?.description).toBe(
      'State population, from the U.S. Census Bureau intercensal population estimates',
    );
    expect(parsed.records.at(-1)?.description).toContain('2016–2018 average');
  });

  it.each([
    ['LF rows', false],
    ['CRLF rows', true],
  ])('imports the PDO dictionary with %s', (_name, crlf) => {
    const text = read(PDO).toString('utf8');
    const parsed = parseClassificationCsv(PDO, crlf ? withCrlfRows(text) : text);
    const byField = new Map(parsed.records.map((record) => [record.field, record]));

    expect(parsed.records).toHaveLength(29);
    expect(parsed.skipped).toEqual([
      { line: 23, reason: 'section header row (only one cell is filled)' },
    ]);
    expect(byField.has('fte_center_abbrev')).toBe(true);
    expect(byField.get('is_non_add')?.description).toBe(
      'No = independent line item; safe to sum with other No rows at the same level.\n' +
        'Non-add = labeled (non-add) in source; already counted in a parent row.\n' +
        'Subcomponent = sp2/sp3 structural breakdown; non-additive with parent.\n' +
        'Filter WHERE is_non_add = No for clean totals.',
    );
    expect(byField.get('fiscal_year')?.description).toContain('(Oct 1 – Sep 30)');
    expect(
      parsed.records.every(
        (record) => record.dataset === 'publicdataobservatory_hhs-budget-rif_data-dictionary',
      ),
    ).toBe(true);
    expect(parsed.records.filter((record) => record.personalData)).toEqual([]);
  });

  it('reports errors on the right line after CRLF rows', () => {
    const text = withCrlfRows(read(PDO).toString('utf8')).replace(
      'fte_work_unit,Text,Yes',
      'fte_work_unit,Text,Yes,,,extra',
    );

    expect(() => parseClassificationCsv(PDO, text)).toThrow(
      /, line 25: line 25 has 8 fields, the header has 5/,
    );
  });
});
