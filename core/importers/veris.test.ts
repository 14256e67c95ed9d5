import { describe, expect, it } from 'vitest';

import { readFixture } from '../../test/helpers/fixtures.js';
import { catchInvalidInput } from '../../test/helpers/invalid-input.js';
import { parseVeris } from './veris.js';

function minimalIncident(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    incident_id: 'inc-1',
    summary: 'Test incident',
    timeline: { incident: { year: 2024 } },
    action: { error: { variety: ['Loss'] } },
    ...overrides,
  };
}

function parseOne(incident: Record<string, unknown>) {
  const [record] = parseVeris('incident.json', JSON.stringify(incident)).records;
  if (record === undefined) {
    throw new Error('expected one record');
  }
  return record;
}

describe('parseVeris on own fixtures', () => {
  it('maps a ransomware incident', () => {
    const { records } = parseVeris('r.json', readFixture('own/veris/ransomware-logistics.json'));

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      externalRef: 'NF-2024-017',
      title:
        'Ransomware encrypted the warehouse management servers of Northwind Freight; shipments were handled on paper for three…',
      category: 'hacking, malware',
      severity: 'high',
      status: 'closed',
      occurredOn: '2024-03-09',
      discoveredAt: null,
      containedAt: null,
      personalData: 'unknown',
      dataVarieties: [],
      recordsAffected: null,
      source: 'veris',
    });
    expect(records[0]?.summary).toContain('The initial access was a VPN account');
    expect(records[0]?.summary).toContain('- Time to discovery: 2 hours');
    expect(records[0]?.summary).toContain('- Time to containment: 3 days');
    expect(records[0]?.summary).toContain('- Victim: Northwind Freight (NAICS 484110)');
  });

  it('maps a confirmed personal data breach', () => {
    const { records } = parseVeris('p.json', readFixture('own/veris/phishing-payroll.json'));

    expect(records[0]).toMatchObject({
      externalRef: 'CHC-2023-PAYROLL',
      category: 'social, hacking',
      severity: 'high',
      occurredOn: '2023-09',
      personalData: 'yes',
      dataVarieties: ['Personal', 'Bank', 'Credentials'],
      recordsAffected: 1200,
    });
    expect(records[0]?.summary).toContain('- Time to discovery: 2 weeks');
    expect(records[0]?.summary).toContain(
      '- Reference: https://example.org/notices/contoso-payroll-breach',
    );
  });

  it('titles an incident without summary', () => {
    const { records } = parseVeris('l.json', readFixture('own/veris/lost-laptop.json'));

    expect(records[0]).toMatchObject({
      externalRef: '7B1D44E0-2C3A-4F5B-8E6D-9A0B1C2D3E4F',
      title: 'Error incident at Fabrikam Home Care',
      severity: 'medium',
      status: 'containment',
      occurredOn: '2022-11-30',
      personalData: 'potentially',
      dataVarieties: ['Medical'],
      recordsAffected: 350,
    });
    expect(records[0]?.summary).toContain('- Time to discovery: 1 day');
    expect(records[0]?.summary).toContain('- Time to containment: never');
  });

  it('reads an array of incidents', () => {
    const { records } = parseVeris(
      'm.json',
      readFixture('own/veris/misdelivery-and-defacement.json'),
    );

    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ severity: 'low', personalData: 'yes', recordsAffected: 1 });
    expect(records[1]).toMatchObject({
      severity: 'medium',
      personalData: 'unknown',
      occurredOn: '2024-02',
    });
    expect(records[1]?.summary).toContain('- Security incident: Suspected');
  });
});

describe('VERIS mapping rules', () => {
  it.each([
    ['Catastrophic', 'critical'],
    ['Damaging', 'high'],
    ['Painful', 'medium'],
    ['Distracting', 'low'],
    ['Insignificant', 'low'],
  ])('maps impact %s to %s', (rating, severity) => {
    expect(parseOne(minimalIncident({ impact: { overall_rating: rating } })).severity).toBe(
      severity,
    );
  });

  const confidentiality = (disclosure: string, varieties: string[], total?: number) => ({
    attribute: {
      confidentiality: {
        data_disclosure: disclosure,
        data: varieties.map((variety) => ({ variety })),
        ...(total === undefined ? {} : { data_total: total }),
      },
    },
  });

  it.each([
    {
      disclosure: 'Yes',
      varieties: ['Personal'],
      total: 100_000,
      personalData: 'yes',
      severity: 'critical',
    },
    {
      disclosure: 'Yes',
      varieties: ['Medical'],
      total: 99_999,
      personalData: 'yes',
      severity: 'high',
    },
    {
      disclosure: 'Yes',
      varieties: ['Sensitive Personal'],
      total: undefined,
      personalData: 'yes',
      severity: 'high',
    },
    {
      disclosure: 'Potentially',
      varieties: ['Payment'],
      total: 500_000,
      personalData: 'potentially',
      severity: 'medium',
    },
    {
      disclosure: 'Yes',
      varieties: ['Internal'],
      total: undefined,
      personalData: 'no',
      severity: 'medium',
    },
    {
      disclosure: 'Yes',
      varieties: ['Other'],
      total: undefined,
      personalData: 'potentially',
      severity: 'medium',
    },
    {
      disclosure: 'Yes',
      varieties: [],
      total: undefined,
      personalData: 'potentially',
      severity: 'medium',
    },
    {
      disclosure: 'No',
      varieties: ['Personal'],
      total: undefined,
      personalData: 'no',
      severity: 'low',
    },
    {
      disclosure: 'Unknown',
      varieties: ['Personal'],
      total: undefined,
      personalData: 'unknown',
      severity: 'low',
    },
  ])(
    'maps disclosure $disclosure of $varieties to $personalData, $severity',
    ({ disclosure, varieties, total, personalData, severity }) => {
      const record = parseOne(minimalIncident(confidentiality(disclosure, varieties, total)));

      expect(record.personalData).toBe(personalData);
      expect(record.severity).toBe(severity);
    },
  );

  it('rates disrupted availability medium', () => {
    const record = parseOne(
      minimalIncident({ attribute: { availability: { variety: ['Interruption'] } } }),
    );

    expect(record.severity).toBe('medium');
  });

  it('keeps a lost device low', () => {
    const record = parseOne(
      minimalIncident({ attribute: { availability: { variety: ['Loss'] } } }),
    );

    expect(record.severity).toBe('low');
  });

  it.each([
    [{ year: 2019 }, '2019'],
    [{ year: 2019, month: 7 }, '2019-07'],
    [{ year: 2019, month: 7, day: 4 }, '2019-07-04'],
    [{ year: 2019, day: 4 }, '2019'],
  ])('formats timeline %j as %s', (incident, expected) => {
    expect(parseOne(minimalIncident({ timeline: { incident } })).occurredOn).toBe(expected);
  });

  it('prefers plus.master_id as reference', () => {
    expect(parseOne(minimalIncident({ plus: { master_id: 'M-1' } })).externalRef).toBe('M-1');
    expect(parseOne(minimalIncident()).externalRef).toBe('inc-1');
  });

  it('cuts a long summary line into a title', () => {
    const record = parseOne(minimalIncident({ summary: `${'word '.repeat(60)}\nsecond line` }));

    expect(record.title.length).toBeLessThanOrEqual(120);
    expect(record.title.endsWith('…')).toBe(true);
  });

  it('cuts a summary to the schema limit', () => {
    const record = parseOne(minimalIncident({ summary: 'a '.repeat(15_000) }));

    expect(record.summary?.length).toBeLessThanOrEqual(20_000);
  });
});

describe('parseVeris bad input', () => {
  const sarif = JSON.stringify({ version: '2.1.0', runs: [] });
  const cases: {
    name: string;
    bytes: Buffer | string;
    message: RegExp;
    jsonPath?: string;
    line?: number;
  }[] = [
    {
      name: 'SARIF file',
      bytes: sarif,
      message:
        /^bad\.json, at \$: not a VERIS incident: missing incident_id, timeline, action; the file looks like a SARIF log \(import it with the SARIF importer\)$/,
      jsonPath: '$',
    },
    {
      name: 'empty file',
      bytes: '',
      message: /^bad\.json: the file is empty; expected VERIS incident JSON$/,
    },
    {
      name: 'binary file',
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      message: /the file is binary, not JSON text/,
    },
    {
      name: 'truncated file',
      bytes: '{\n  "incident_id": "x",\n  "timeline": {"incident": {"year": 2020}',
      message:
        /^bad\.json, line 3: invalid JSON at column 42: unexpected end of input, so the file looks truncated/,
      line: 3,
    },
    {
      name: 'missing timeline',
      bytes: JSON.stringify({ incident_id: 'x', action: {} }),
      message: /at \$: invalid VERIS incident: missing required field timeline/,
      jsonPath: '$',
    },
    {
      name: 'missing year',
      bytes: JSON.stringify(minimalIncident({ timeline: { incident: { month: 3 } } })),
      message: /at \$\.timeline\.incident\.year: invalid VERIS incident: .*number/,
      jsonPath: '$.timeline.incident.year',
    },
    {
      name: 'wrong data type',
      bytes: JSON.stringify(
        minimalIncident({ attribute: { confidentiality: { data_total: 'many' } } }),
      ),
      message: /at \$\.attribute\.confidentiality\.data_total: invalid VERIS incident/,
      jsonPath: '$.attribute.confidentiality.data_total',
    },
    {
      name: 'bad array entry',
      bytes: JSON.stringify([minimalIncident(), 42]),
      message: /at \$\[1\]: not a VERIS incident: expected a JSON object, found a number/,
      jsonPath: '$[1]',
    },
    {
      name: 'empty array',
      bytes: '[]',
      message: /the array contains no VERIS incidents/,
      jsonPath: '$',
    },
    {
      name: 'month 13',
      bytes: JSON.stringify(minimalIncident({ timeline: { incident: { year: 2024, month: 13 } } })),
      message:
        /^bad\.json, at \$\.timeline\.incident\.month: invalid VERIS incident: month must be 1 to 12$/,
      jsonPath: '$.timeline.incident.month',
    },
    {
      name: 'day 0',
      bytes: JSON.stringify(
        minimalIncident({ timeline: { incident: { year: 2024, month: 1, day: 0 } } }),
      ),
      message: /at \$\.timeline\.incident\.day: invalid VERIS incident: day must be 1 to 31$/,
      jsonPath: '$.timeline.incident.day',
    },
    {
      name: 'year after next year',
      bytes: JSON.stringify(
        minimalIncident({
          timeline: { incident: { year: new Date().getUTCFullYear() + 2 } },
        }),
      ),
      message:
        /at \$\.timeline\.incident\.year: invalid VERIS incident: year \d+ is after next year/,
      jsonPath: '$.timeline.incident.year',
    },
    {
      name: 'unknown impact rating',
      bytes: JSON.stringify(minimalIncident({ impact: { overall_rating: 'Apocalyptic' } })),
      message:
        /^bad\.json, at \$\.impact\.overall_rating: invalid VERIS incident: overall_rating "Apocalyptic" is not a VERIS impact rating; use one of Catastrophic, Damaging, Painful, Distracting, Insignificant, Unknown$/,
      jsonPath: '$.impact.overall_rating',
    },
    {
      name: 'negative data_total',
      bytes: JSON.stringify(
        minimalIncident({ attribute: { confidentiality: { data_total: -100 } } }),
      ),
      message:
        /at \$\.attribute\.confidentiality\.data_total: invalid VERIS incident: data_total must be 0 or more records$/,
      jsonPath: '$.attribute.confidentiality.data_total',
    },
    {
      name: 'fractional data_total',
      bytes: JSON.stringify(
        minimalIncident({ attribute: { confidentiality: { data_total: 1.5 } } }),
      ),
      message: /data_total must be a whole number of records$/,
      jsonPath: '$.attribute.confidentiality.data_total',
    },
    {
      name: 'megabyte summary',
      bytes: JSON.stringify(minimalIncident({ summary: 's'.repeat(2 * 1024 * 1024) })),
      message: /at \$\.summary: a text value of 2,097,152 characters is above the limit/,
      jsonPath: '$.summary',
    },
  ];

  it.each(cases)('rejects $name', ({ bytes, message, jsonPath, line }) => {
    const error = catchInvalidInput(() => parseVeris('bad.json', bytes));

    expect(error.message).toMatch(message);
    expect(error.location.jsonPath).toBe(jsonPath);
    expect(error.location.line).toBe(line);
  });
});
