import type { z } from 'zod';

import { SynapseError } from '../shared/errors.js';

/**
 * Parses input with a zod schema and turns the first problems into one message that names each
 * field, the rejected value and the rule, so a person can fix it.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  subject: string,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.join('.') || 'value';
    const value = valueAt(input, issue.path);
    const shown = value === undefined ? 'missing' : `"${String(value).slice(0, 80)}"`;
    return `${path} (${shown}): ${issue.message}`;
  });
  const more = result.error.issues.length > 5 ? ` and ${result.error.issues.length - 5} more` : '';
  throw new SynapseError('INVALID_INPUT', `Invalid ${subject}: ${problems.join('; ')}${more}.`);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
