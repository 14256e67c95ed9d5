import { describe, expect, it } from 'vitest';

import { findJsonSyntaxError, positionOf } from './json-syntax.js';

describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    '"text"',
    '-12.5e+3',
    '{"a": [1, true, null, {"b": "\\u00e9\\n"}]}',
    '  \r\n{ "a" : 1 }\n',
  ])('accepts valid JSON %j', (text) => {
    expect(findJsonSyntaxError(text)).toBeNull();
  });

  const cases: { text: string; offset: number; problem: RegExp }[] = [
    { text: '', offset: 0, problem: /unexpected end of input/ },
    { text: '{"a": 1', offset: 7, problem: /unexpected end of input, so the file looks truncated/ },
    { text: '{"a": "abc', offset: 10, problem: /unterminated string/ },
    { text: '{"a": }', offset: 6, problem: /unexpected '}' where a value should start/ },
    { text: '[1, 2,]', offset: 6, problem: /trailing comma before '\]'/ },
    { text: '{"a": 1,}', offset: 8, problem: /trailing comma before '}'/ },
    { text: '{a: 1}', offset: 1, problem: /expected a property name in double quotes, found 'a'/ },
    { text: '{"a" 1}', offset: 5, problem: /expected ':' after a property name/ },
    { text: '[1 2]', offset: 3, problem: /expected ',' or '\]', found '2'/ },
    { text: '{"a": 1} x', offset: 9, problem: /unexpected text after the end/ },
    { text: '{"a": "x\ny"}', offset: 8, problem: /unescaped control character/ },
    { text: '{"a": "\\q"}', offset: 7, problem: /invalid escape sequence '\\q'/ },
    { text: '{"a": tru}', offset: 6, problem: /unexpected 't' where a value should start/ },
    { text: "{'a': 1}", offset: 1, problem: /expected a property name in double quotes/ },
  ];

  it.each(cases)('reports $text at offset $offset', ({ text, offset, problem }) => {
    const error = findJsonSyntaxError(text);

    expect(error?.offset).toBe(offset);
    expect(error?.problem).toMatch(problem);
  });

  it('scans deep nesting without recursion', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;

    expect(findJsonSyntaxError(deep)?.problem).toMatch(/unexpected end of input/);
  });
});

describe('positionOf', () => {
  it('counts LF, CRLF and CR line breaks', () => {
    const text = 'a\nb\r\nc\rd';

    expect(positionOf(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf(text, 2)).toEqual({ line: 2, column: 1 });
    expect(positionOf(text, 5)).toEqual({ line: 3, column: 1 });
    expect(positionOf(text, 7)).toEqual({ line: 4, column: 1 });
  });
});
