import { describe, expect, it } from 'vitest';

import { InvalidInputError } from '../../shared/errors.js';
import { describeJsonFormat, formatJsonPath, readJsonInput } from './json-input.js';

const options = { formatName: 'test JSON' };

function readError(bytes: Buffer | string, extra: object = {}): InvalidInputError {
  try {
    readJsonInput('input.json', bytes, { ...options, ...extra });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected readJsonInput to throw');
}

describe('readJsonInput', () => {
  it('parses UTF-8 with and without BOM', () => {
    const text = '{"name": "Müller"}';

    expect(readJsonInput('a.json', Buffer.from(text), options)).toEqual({ name: 'Müller' });
    expect(
      readJsonInput(
        'a.json',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
        options,
      ),
    ).toEqual({ name: 'Müller' });
    expect(readJsonInput('a.json', `\uFEFF${text}`, options)).toEqual({ name: 'Müller' });
  });

  it('parses UTF-16 with a byte order mark', () => {
    const text = '{"city": "Zürich"}';
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const bigEndian = Buffer.from(littleEndian);
    bigEndian.swap16();

    expect(readJsonInput('a.json', littleEndian, options)).toEqual({ city: 'Zürich' });
    expect(readJsonInput('a.json', bigEndian, options)).toEqual({ city: 'Zürich' });
  });

  const badInputs: {
    name: string;
    bytes: Buffer | string;
    message: RegExp;
    line?: number;
    jsonPath?: string;
  }[] = [
    {
      name: 'empty file',
      bytes: Buffer.alloc(0),
      message: /^input\.json: the file is empty; expected test JSON$/,
    },
    { name: 'whitespace only', bytes: ' \n\t\r\n', message: /the file is empty/ },
    {
      name: 'NUL bytes',
      bytes: Buffer.from([0x7b, 0x00, 0x7d]),
      message: /the file is binary, not JSON text \(NUL byte at offset 1\)/,
    },
    {
      name: 'invalid UTF-8',
      bytes: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      message: /the file is binary, not JSON text \(it is not valid UTF-8\)/,
    },
    {
      name: 'malformed JSON',
      bytes: '{\n  "a": 1,\n  "b": }\n',
      message: /^input\.json, line 3: invalid JSON at column 8: unexpected '}'/,
      line: 3,
    },
    {
      name: 'truncated JSON',
      bytes: '{\n  "runs": [\n    {"a": 1}',
      message:
        /line 3: invalid JSON at column 13: unexpected end of input, so the file looks truncated/,
      line: 3,
    },
    {
      name: 'truncated string',
      bytes: '{"summary": "A laptop was',
      message: /line 1: invalid JSON at column 26: unterminated string/,
      line: 1,
    },
  ];

  it.each(badInputs)('rejects $name', ({ bytes, message, line, jsonPath }) => {
    const error = readError(bytes);

    expect(error.message).toMatch(message);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.location.file).toBe('input.json');
    expect(error.location.line).toBe(line);
    expect(error.location.jsonPath).toBe(jsonPath);
  });

  it('keeps input text out of syntax errors', () => {
    const error = readError('{"email": "someone@example.org", }');

    expect(error.message).not.toContain('someone@example.org');
  });

  it('rejects files above the size limit', () => {
    const error = readError('{"a": 1}', { maxBytes: 4 });

    expect(error.message).toMatch(
      /the file is 8 bytes, above the 4 bytes limit for JSON imports; split it into smaller files/,
    );
  });

  it('rejects a megabyte field by JSON path', () => {
    const huge = 'x'.repeat(1024 * 1024 + 1);
    const error = readError(JSON.stringify({ runs: [{ results: [{ message: { text: huge } }] }] }));

    expect(error.location.jsonPath).toBe('$.runs[0].results[0].message.text');
    expect(error.message).toMatch(
      /at \$\.runs\[0\]\.results\[0\]\.message\.text: a text value of 1,048,577 characters is above the limit of 1,048,576 characters per field/,
    );
  });

  it('reads deeply nested JSON', () => {
    const depth = 100_000;
    const value = readJsonInput('a.json', `${'['.repeat(depth)}"x"${']'.repeat(depth)}`, options);

    expect(Array.isArray(value)).toBe(true);
  });

  it('accepts a field just under the limit', () => {
    const text = 'y'.repeat(1000);

    expect(
      readJsonInput('a.json', JSON.stringify({ text }), { ...options, maxStringChars: 1000 }),
    ).toEqual({ text });
  });
});

describe('formatJsonPath', () => {
  it.each([
    [[], '$'],
    [['runs', 0, 'results', 12], '$.runs[0].results[12]'],
    [['vulnerabilities', '@vercel/fun'], "$.vulnerabilities['@vercel/fun']"],
    [['security-severity'], "$['security-severity']"],
    [["it's"], "$['it\\'s']"],
  ])('formats %j as %s', (path, expected) => {
    expect(formatJsonPath(path)).toBe(expected);
  });
});

describe('describeJsonFormat', () => {
  it.each([
    [{ version: '2.1.0', runs: [] }, /SARIF log/],
    [{ date: 'x', repo: {}, scorecard: {}, checks: [] }, /OpenSSF Scorecard result/],
    [{ auditReportVersion: 2, vulnerabilities: {} }, /npm audit report/],
    [{ results: [], metrics: {}, generated_at: 'x' }, /Bandit report/],
    [[{ incident_id: 'x', timeline: {} }], /VERIS incident/],
  ])('recognises %j', (value, expected) => {
    expect(describeJsonFormat(value)).toMatch(expected);
  });

  it('returns null for other JSON', () => {
    expect(describeJsonFormat({ hello: 'world' })).toBeNull();
  });
});
