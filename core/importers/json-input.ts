import type { z } from 'zod';

import { InvalidInputError } from '../../shared/errors.js';
import { findJsonSyntaxError, positionOf } from './json-syntax.js';
import {
  assertMaxBytes,
  assertNoNul,
  assertNotEmpty,
  decodeUtf16,
  decodeUtf8Strict,
  detectBom,
} from './text-input.js';

/**
 * Maximum size of a JSON import file. The limit is a judgment, not a measurement: JSON.parse keeps
 * the whole document in memory, and scanner reports this large are rare.
 */
export const DEFAULT_MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Largest single string in an imported JSON document. Every string the importers keep has a schema
 * limit far below this, so a longer one is a corrupt or hostile file rather than a long summary.
 */
export const DEFAULT_MAX_JSON_STRING_CHARS = 1024 * 1024;

export interface JsonInputOptions {
  /** Name of the expected format for messages, such as "VERIS incident JSON". */
  formatName: string;
  maxBytes?: number;
  maxStringChars?: number;
}

/** Limits a caller may lower (or raise) for one JSON import. */
export interface JsonImportOptions {
  maxBytes?: number;
  maxStringChars?: number;
}

export type JsonPathSegment = string | number;

/**
 * Decodes and parses a JSON import file. Strips a byte order mark, accepts UTF-16 only with one,
 * and raises InvalidInputError for empty, binary, oversized or malformed input. A syntax error
 * names its line and column, and an oversized string names its JSON path.
 */
export function readJsonInput(
  file: string,
  bytes: Buffer | string,
  options: JsonInputOptions,
): unknown {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  assertMaxBytes(file, size, maxBytes, 'JSON');

  const text = decodeJsonText(file, bytes, options.formatName);
  assertNotEmpty(file, text, options.formatName);

  const value = parseJsonText(file, text);

  const maxStringChars = options.maxStringChars ?? DEFAULT_MAX_JSON_STRING_CHARS;
  const oversized = findOversizedString(value, maxStringChars);
  if (oversized !== null) {
    throw new InvalidInputError(
      { file, jsonPath: formatJsonPath(oversized.path) },
      `a text value of ${formatCount(oversized.length)} characters is above the limit of ` +
        `${formatCount(maxStringChars)} characters per field; shorten it and import again`,
    );
  }

  return value;
}

/** Formats a path as JSONPath, e.g. `$.runs[0].results[2]['rule id']`. */
export function formatJsonPath(path: readonly JsonPathSegment[]): string {
  let formatted = '$';

  for (const segment of path) {
    if (typeof segment === 'number') {
      formatted += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$]*$/.test(segment)) {
      formatted += `.${segment}`;
    } else {
      formatted += `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
    }
  }

  return formatted;
}

/**
 * Parses a value with a zod schema of the input format and raises InvalidInputError at the JSON
 * path of the first issue.
 */
export function parseJsonShape<Schema extends z.ZodType>(
  file: string,
  basePath: readonly JsonPathSegment[],
  schema: Schema,
  value: unknown,
  formatName: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }

  const issue = result.error.issues[0];
  const issuePath = (issue?.path ?? []).filter(
    (segment): segment is string | number => typeof segment !== 'symbol',
  );
  throw new InvalidInputError(
    { file, jsonPath: formatJsonPath([...basePath, ...issuePath]) },
    `invalid ${formatName}: ${issue?.message ?? 'unexpected value'}`,
  );
}

/**
 * Names the format a JSON value looks like, so an error can point to the importer for the file.
 * Returns null when the value matches none of the formats the importers read.
 */
export function describeJsonFormat(value: unknown): string | null {
  const record = Array.isArray(value) ? value[0] : value;
  if (!isObject(record)) {
    return Array.isArray(value) ? 'a JSON array' : null;
  }

  if ('runs' in record && ('version' in record || '$schema' in record)) {
    return 'a SARIF log (import it with the SARIF importer)';
  }
  if ('checks' in record && 'repo' in record && 'scorecard' in record) {
    return 'an OpenSSF Scorecard result (import it with the Scorecard importer)';
  }
  if ('auditReportVersion' in record || 'advisories' in record) {
    return 'an npm audit report (import it with the npm audit importer)';
  }
  if ('results' in record && 'metrics' in record && 'generated_at' in record) {
    return 'a Bandit report (import it with the Bandit importer)';
  }
  if ('incident_id' in record && 'timeline' in record) {
    return 'a VERIS incident (import it with the VERIS importer)';
  }
  return null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJsonText(file: string, bytes: Buffer | string, formatName: string): string {
  if (typeof bytes === 'string') {
    const text = bytes.startsWith('\uFEFF') ? bytes.slice(1) : bytes;
    assertNoNul(file, text, 'JSON');
    return text;
  }

  const bom = detectBom(bytes);
  if (bom !== null && bom.encoding !== 'utf-8') {
    const text = decodeUtf16(bytes.subarray(bom.length), bom.encoding);
    assertNoNul(file, text, 'JSON');
    return text;
  }

  const body = bom === null ? bytes : bytes.subarray(bom.length);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    throw new InvalidInputError(
      { file },
      `the file is binary, not JSON text (NUL byte at offset ${nul}); expected ${formatName}`,
    );
  }

  const text = decodeUtf8Strict(body);
  if (text === null) {
    throw new InvalidInputError(
      { file },
      `the file is binary, not JSON text (it is not valid UTF-8); expected ${formatName} ` +
        'saved as UTF-8',
    );
  }
  return text;
}

function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError) && !(error instanceof RangeError)) {
      throw error;
    }

    const syntaxError = findJsonSyntaxError(text);
    if (syntaxError === null) {
      // NOTE: no input is known that JSON.parse rejects and the scanner accepts. Should one exist,
      // the error names only its type, because JSON.parse messages quote the input.
      throw new InvalidInputError(
        { file },
        `invalid JSON (${error.name}); check the file or export it again`,
      );
    }

    const { line, column } = positionOf(text, syntaxError.offset);
    throw new InvalidInputError(
      { file, line },
      `invalid JSON at column ${column}: ${syntaxError.problem}; fix the file or export it again`,
    );
  }
}

interface OversizedString {
  path: JsonPathSegment[];
  length: number;
}

interface PendingNode {
  value: unknown;
  parent: PendingNode | null;
  key: JsonPathSegment | null;
}

// Walks the tree with an explicit stack and parent links, so a deep document cannot overflow the
// call stack and a path is only built for the string that is reported.
function findOversizedString(root: unknown, maxChars: number): OversizedString | null {
  const pending: PendingNode[] = [{ value: root, parent: null, key: null }];

  while (pending.length > 0) {
    const node = pending.pop() as PendingNode;
    const { value } = node;

    if (typeof value === 'string' && value.length > maxChars) {
      return { path: pathOf(node), length: value.length };
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, parent: node, key: index }));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key.length > maxChars) {
          return { path: [...pathOf(node), `${key.slice(0, 40)}…`], length: key.length };
        }
        pending.push({ value: item, parent: node, key });
      }
    }
  }

  return null;
}

function pathOf(node: PendingNode): JsonPathSegment[] {
  const path: JsonPathSegment[] = [];
  for (let current: PendingNode | null = node; current !== null; current = current.parent) {
    if (current.key !== null) {
      path.unshift(current.key);
    }
  }
  return path;
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
