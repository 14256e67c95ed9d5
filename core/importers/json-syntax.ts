/** The first JSON syntax error in a text: its offset in UTF-16 code units and what is wrong. */
export interface JsonSyntaxError {
  offset: number;
  problem: string;
}

/** Line and column (both 1-based) of an offset, counting a CRLF pair as one line break. */
export interface TextPosition {
  line: number;
  column: number;
}

type Expectation = 'value' | 'key' | 'colon' | 'commaOrEnd' | 'keyOrEnd' | 'valueOrEnd';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/**
 * Finds the first syntax error in JSON text, or returns null when the text is valid JSON.
 *
 * JSON.parse in Node 20 reports no position for many errors and quotes the input in its message,
 * which could copy personal data into an error, so the import path scans the text itself. The
 * scanner keeps its own stack instead of recursing, so deeply nested input cannot overflow it.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: ('object' | 'array')[] = [];
  let expect: Expectation = 'value';
  let index = 0;

  while (true) {
    index = skipWhitespace(text, index);
    const char = text[index];

    if (char === undefined) {
      if (stack.length === 0 && expect === 'commaOrEnd') {
        return null;
      }
      return { offset: index, problem: 'unexpected end of input, so the file looks truncated' };
    }

    if (stack.length === 0 && expect === 'commaOrEnd') {
      return { offset: index, problem: 'unexpected text after the end of the JSON value' };
    }

    const container = stack[stack.length - 1];

    if (expect === 'colon') {
      if (char !== ':') {
        return {
          offset: index,
          problem: `expected ':' after a property name, found ${show(char)}`,
        };
      }
      expect = 'value';
      index += 1;
      continue;
    }

    if (expect === 'commaOrEnd') {
      if (char === ',') {
        expect = container === 'object' ? 'key' : 'value';
        index += 1;
        continue;
      }
      if ((char === '}' && container === 'object') || (char === ']' && container === 'array')) {
        stack.pop();
        expect = 'commaOrEnd';
        index += 1;
        continue;
      }
      const closer = container === 'object' ? "'}'" : "']'";
      return { offset: index, problem: `expected ',' or ${closer}, found ${show(char)}` };
    }

    if (expect === 'key' || expect === 'keyOrEnd') {
      if (char === '}' && expect === 'keyOrEnd') {
        stack.pop();
        expect = 'commaOrEnd';
        index += 1;
        continue;
      }
      if (char === '}') {
        return { offset: index, problem: "trailing comma before '}'" };
      }
      if (char !== '"') {
        return {
          offset: index,
          problem: `expected a property name in double quotes, found ${show(char)}`,
        };
      }
      const end = scanString(text, index);
      if (typeof end !== 'number') {
        return end;
      }
      expect = 'colon';
      index = end;
      continue;
    }

    // expect is 'value' or 'valueOrEnd'.
    if (char === ']' && expect === 'valueOrEnd') {
      stack.pop();
      expect = 'commaOrEnd';
      index += 1;
      continue;
    }
    if (char === ']' && container === 'array') {
      return { offset: index, problem: "trailing comma before ']'" };
    }
    if (char === '{') {
      stack.push('object');
      expect = 'keyOrEnd';
      index += 1;
      continue;
    }
    if (char === '[') {
      stack.push('array');
      expect = 'valueOrEnd';
      index += 1;
      continue;
    }

    const end = scanScalar(text, index);
    if (typeof end !== 'number') {
      return end;
    }
    expect = 'commaOrEnd';
    index = end;
  }
}

/** Converts an offset in a text to its line and column. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;

  for (let index = 0; index < offset && index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      line += 1;
      lineStart = index + 1;
    }
  }

  return { line, column: offset - lineStart + 1 };
}

function skipWhitespace(text: string, start: number): number {
  let index = start;
  while (index < text.length && WHITESPACE.has(text[index] as string)) {
    index += 1;
  }
  return index;
}

function scanScalar(text: string, start: number): number | JsonSyntaxError {
  const char = text[start] as string;

  if (char === '"') {
    return scanString(text, start);
  }

  NUMBER.lastIndex = start;
  const number = NUMBER.exec(text);
  if (number !== null) {
    return start + number[0].length;
  }

  for (const literal of LITERALS) {
    if (text.startsWith(literal, start)) {
      return start + literal.length;
    }
  }

  return { offset: start, problem: `unexpected ${show(char)} where a value should start` };
}

function scanString(text: string, start: number): number | JsonSyntaxError {
  let index = start + 1;

  while (index < text.length) {
    const char = text[index] as string;

    if (char === '"') {
      return index + 1;
    }
    if (char === '\\') {
      const escaped = text[index + 1];
      if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
        index += 6;
        continue;
      }
      if (escaped !== undefined && ESCAPES.has(escaped)) {
        index += 2;
        continue;
      }
      if (escaped === undefined) {
        break;
      }
      return { offset: index, problem: `invalid escape sequence '\\${escaped}' in a string` };
    }
    if (char.charCodeAt(0) < 0x20) {
      return {
        offset: index,
        problem: 'unescaped control character (such as a line break) in a string',
      };
    }
    index += 1;
  }

  return { offset: text.length, problem: 'unterminated string, so the file looks truncated' };
}

function show(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) {
    return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${char}'`;
}
