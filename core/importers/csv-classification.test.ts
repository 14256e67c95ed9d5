import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { readFixture } from '../../test/helpers/fixtures.js';
import { catchInvalidInput } from '../../test/helpers/invalid-input.js';
import { parseClassificationCsv, parseMappingFile } from './csv-classification.js';

describe('parseClassificationCsv on the HR inventory', () => {
  const parsed = parseClassificationCsv(
    'hr.csv',
    readFixture('own/csv/hr-inventory-bom-semicolon.csv'),
  );
  const byField = new Map(parsed.records.map((record) => [record.field, record]));

  it('detects BOM and semicolons', () => {
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.records).toHaveLength(10);
    expect(parsed.skipped).toEqual([]);
  });

  it('keeps stated levels', () => {
    expect(byField.get('date_of_birth')).toMatchObject({
      system: 'HR Portal',
      dataset: 'employees',
      level: 'SENSITIVE',
      category: 'date_of_birth',
      personalData: true,
      owner: 'HR Operations',
      retention: 'P10Y',
      legalBasis: 'legal_obligation',
      source: 'import',
      proposed: false,
      confidence: null,
    });
    expect(byField.get('hire_date')).toMatchObject({ level: 'INTERNAL', proposed: false });
  });

  it('proposes missing levels', () => {
    expect(byField.get('first_name')).toMatchObject({
      level: 'CONFIDENTIAL',
      category: 'name',
      proposed: true,
    });
    expect(byField.get('iban')).toMatchObject({
      level: 'SENSITIVE',
      category: 'bank_account',
      proposed: true,
    });
    expect(byField.get('sick_leave_reason')).toMatchObject({
      level: 'SENSITIVE',
      category: 'health',
      proposed: true,
    });
    expect(byField.get('department_name')).toMatchObject({
      level: 'INTERNAL',
      personalData: false,
      proposed: true,
    });
    expect(byField.get('first_name')?.confidence).toBeGreaterThan(0.5);
  });

  it('converts values', () => {
    expect(byField.get('first_name')?.retention).toBe('P10Y');
    expect(byField.get('iban')?.legalBasis).toBe('legal_obligation');
    expect(byField.get('home_address')?.description).toBe(
      'Street and house number;\nsecond line holds the city',
    );
  });
});

describe('parseClassificationCsv with a mapping file', () => {
  const mapping = parseMappingFile('crm-mapping.json', readFixture('own/csv/crm-mapping.json'));
  const parsed = parseClassificationCsv(
    'crm.csv',
    readFixture('own/csv/crm-inventory-cp1252.csv'),
    { mapping },
  );

  it('decodes Windows-1252', () => {
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.records.find((r) => r.field === 'umsatz_eur')?.description).toBe(
      'Jahresumsatz in €',
    );
    expect(parsed.records.find((r) => r.field === 'e_mail')?.description).toBe(
      'E-Mail-Adresse für Rechnungen, geprüft',
    );
    expect(parsed.records[0]?.owner).toBe('Vertrieb');
  });

  it('applies mapping defaults', () => {
    expect(parsed.records.every((record) => record.system === 'CRM')).toBe(true);
    expect(parsed.records.every((record) => record.retention === 'P6Y')).toBe(true);
    expect(parsed.records.every((record) => record.legalBasis === 'contract')).toBe(true);
  });

  it('proposes from German names', () => {
    expect(parsed.records.map((r) => [r.field, r.level, r.category])).toEqual([
      ['kundennummer', 'CONFIDENTIAL', null],
      ['vorname', 'CONFIDENTIAL', 'name'],
      ['nachname', 'CONFIDENTIAL', 'name'],
      ['e_mail', 'CONFIDENTIAL', 'email'],
      ['umsatz_eur', 'INTERNAL', null],
      ['bezeichnung', 'INTERNAL', null],
    ]);
  });
});

describe('parseClassificationCsv encodings and delimiters', () => {
  const text = 'dataset\tfield\tlevel\ncustomers\temail\t\ncustomers\tnotes\tinternal\n';

  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
  ] as const)('decodes %s with BOM', (encoding, bytes) => {
    const parsed = parseClassificationCsv('inv.csv', bytes);

    expect(parsed.encoding).toBe(encoding);
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.records.map((r) => [r.dataset, r.field, r.level, r.category])).toEqual([
      ['customers', 'email', 'CONFIDENTIAL', 'email'],
      ['customers', 'notes', 'INTERNAL', null],
    ]);
  });

  it('falls back to the file name for system and dataset', () => {
    const parsed = parseClassificationCsv(
      '/data/hr-fields.csv',
      'field,level\nsalary,confidential\n',
    );

    expect(parsed.records[0]).toMatchObject({ system: 'hr-fields', dataset: 'hr-fields' });
  });

  it('uses the system option', () => {
    const parsed = parseClassificationCsv('x.csv', 'field\nemail\n', { system: 'Billing' });

    expect(parsed.records[0]?.system).toBe('Billing');
  });

  it('honours a delimiter override', () => {
    const parsed = parseClassificationCsv('x.csv', 'field;level\na,b;internal\n', {
      delimiter: ';',
    });

    expect(parsed.records[0]?.field).toBe('a,b');
  });

  it('maps synonyms regardless of case and punctuation', () => {
    const parsed = parseClassificationCsv(
      'x.csv',
      'Application,Table Name,COLUMN-NAME,Sensitivity,Data Owner,Lawful Basis,Personal Data Category,PII\n' +
        'Shop,orders,shipping_city,Confidential,Sales,Art. 6(1)(b),address,yes\n',
    );

    expect(parsed.records[0]).toMatchObject({
      system: 'Shop',
      dataset: 'orders',
      field: 'shipping_city',
      level: 'CONFIDENTIAL',
      owner: 'Sales',
      legalBasis: 'contract',
      category: 'postal_address',
      personalData: true,
    });
  });

  it('skips section headers by line', () => {
    const parsed = parseClassificationCsv(
      'x.csv',
      'field,level,description\r\nname,,"Full\r\nname"\r\nContact fields,,\r\n\r\nemail,,E-mail\r\n',
    );

    expect(parsed.records.map((r) => r.field)).toEqual(['name', 'email']);
    expect(parsed.skipped).toEqual([
      { line: 4, reason: 'section header row (only one cell is filled)' },
    ]);
  });
});

describe('parseClassificationCsv bad input', () => {
  const cases: { name: string; bytes: Buffer | string; message: RegExp; line?: number }[] = [
    {
      name: 'empty file',
      bytes: '',
      message: /^inv\.csv: the file is empty; expected a classification CSV with a header row$/,
    },
    {
      name: 'binary file',
      bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      message: /^inv\.csv: the file is binary, not CSV text \(NUL byte at offset 4\)/,
    },
    {
      name: 'header only',
      bytes: 'field,level\n',
      message: /^inv\.csv, line 1: the file has a header row but no data rows$/,
      line: 1,
    },
    {
      name: 'no field column',
      bytes: 'name,level\nemail,internal\n',
      message: /line 1: missing field name column \(headers: name, level\)/,
      line: 1,
    },
    {
      name: 'two field columns',
      bytes: 'field,column_name\na,b\n',
      message: /line 1: columns "field" and "column_name" both map to field/,
      line: 1,
    },
    {
      name: 'invalid level',
      bytes: 'field,level\nemail,internal\nphone,very secret\n',
      message:
        /^inv\.csv, line 3: level "very secret" is not a classification level; use one of PUBLIC, INTERNAL/,
      line: 3,
    },
    {
      name: 'invalid level after multi-line field',
      bytes:
        'field,description,level\nemail,"line one\nline two\nline three",internal\nphone,x,bogus\n',
      message: /line 5: level "bogus"/,
      line: 5,
    },
    {
      name: 'invalid level after CRLF in quotes',
      bytes:
        'field,description,level\r\nemail,"line one\r\nline two",internal\r\n\r\nphone,x,bogus\r\n',
      message: /line 5: level "bogus"/,
      line: 5,
    },
    {
      name: 'unclosed quote after CRLF in quotes',
      bytes: 'field,description\r\nemail,"a\r\nb"\r\nphone,"never closed\r\n',
      message: /^inv\.csv, line 4: the file ends inside a quoted field .*may be truncated/,
      line: 4,
    },
    {
      name: 'unknown category',
      bytes: 'field,category\nemail,contact stuff\n',
      message: /line 2: category "contact stuff" is not a personal data category/,
      line: 2,
    },
    {
      name: 'free-text retention',
      bytes: 'field,retention\nemail,until the contract ends\n',
      message:
        /line 2: retention "until the contract ends" is not a duration; write an ISO 8601 duration/,
      line: 2,
    },
    {
      name: 'unknown legal basis',
      bytes: 'field,legal_basis\nemail,because\n',
      message: /line 2: legal basis "because" is not a GDPR Art\. 6\(1\) basis/,
      line: 2,
    },
    {
      name: 'empty field name',
      bytes: 'field,level,description\n,internal,orphan description\n',
      message: /line 2: the field name is empty; fill it in or delete the row/,
      line: 2,
    },
    {
      name: 'too long field name',
      bytes: `field\n${'f'.repeat(201)}\n`,
      message: /line 2: field: .*200/,
      line: 2,
    },
    {
      name: 'unclosed quote',
      bytes: 'field,description\nemail,"never closed\n',
      message: /line 2: the file ends inside a quoted field/,
      line: 2,
    },
    {
      name: 'extra column',
      bytes: 'field,level\nemail,internal,extra\n',
      message: /line 2: line 2 has 3 fields, the header has 2: the file may be truncated/,
      line: 2,
    },
    {
      name: 'short row',
      bytes:
        'system,dataset,field,level,owner,retention\n' +
        [2, 3, 4, 5, 6].map((n) => `SR,t1,f${n},INTERNAL,hr,P1Y\n`).join('') +
        'SR,t1,f1,CONFIDENTIAL\n',
      message:
        /^inv\.csv, line 7: line 7 has 4 fields, the header has 6: the file may be truncated or a delimiter is wrong$/,
      line: 7,
    },
    {
      name: 'truncated HR inventory',
      bytes: readFixture('own/csv/hr-inventory-bom-semicolon.csv').subarray(0, 150),
      message: /line 2: line 2 has 3 fields, the header has 9: the file may be truncated/,
      line: 2,
    },
    {
      name: 'short section header row',
      bytes: 'field,level,description\nemail,internal,x\nContact fields\nphone,internal,y\n',
      message: /line 3: line 3 has 1 field, the header has 3/,
      line: 3,
    },
    {
      name: 'duplicate key',
      bytes:
        'system,dataset,field,level\nS,t,email,internal\nS,t,phone,internal\nS,t,email,public\n',
      message:
        /^inv\.csv, line 4: line 4 repeats system "S", dataset "t", field "email" of line 2; keep one/,
      line: 4,
    },
  ];

  it.each(cases)('rejects $name', ({ bytes, message, line }) => {
    const error = catchInvalidInput(() => parseClassificationCsv('inv.csv', bytes));

    expect(error.message).toMatch(message);
    expect(error.location.file).toBe('inv.csv');
    expect(error.location.line).toBe(line);
  });
});

describe('parseMappingFile', () => {
  it('accepts columns and defaults', () => {
    const mapping = parseMappingFile(
      'm.json',
      JSON.stringify({
        columns: { 'Spalte A': 'field' },
        defaults: { system: 'ERP', level: 'INTERNAL' },
      }),
    );

    expect(mapping).toEqual({
      columns: { 'Spalte A': 'field' },
      defaults: { system: 'ERP', level: 'INTERNAL' },
    });
  });

  it.each([
    [{ columns: { A: 'fieldname' } }, '$.columns.A', /invalid mapping file: .*"field"/],
    // Any level name passes here; the import checks it against the vault's scale.
    [{ defaults: { level: 'top secret!' } }, '$.defaults.level', /invalid mapping file/],
    [
      { defaults: { retention: '6 years' } },
      '$.defaults.retention',
      /retention must be an ISO 8601 duration/,
    ],
    [{ column: {} }, '$', /invalid mapping file: .*column/],
  ])('rejects %j', (mapping, jsonPath, message) => {
    const error = catchInvalidInput(() => parseMappingFile('m.json', JSON.stringify(mapping)));

    expect(error.location.jsonPath).toBe(jsonPath);
    expect(error.message).toMatch(message);
  });
});
