import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';

import type { FieldIssue } from '../../../shared/ipc/result.js';

export type FieldErrors = Record<string, string>;

export interface ZodForm<Values, Output> {
  values: Values;
  errors: FieldErrors;
  setValue<Key extends keyof Values>(key: Key, value: Values[Key]): void;
  /** Checks one field after the user leaves it, with the same schema the handler uses. */
  validateField(key: keyof Values): void;
  /** Checks the whole form; returns the parsed input, or null after showing every problem. */
  validate(): Output | null;
  /** Puts the issues of an INVALID_INPUT reply on their fields; returns true if any matched. */
  applyIssues(issues: readonly FieldIssue[], prefix?: string): boolean;
  reset(values: Values): void;
}

/** First message per field path, from a zod error. */
function errorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/**
 * Form state validated by a shared zod schema, so the form shows the same field messages the
 * IPC handler would return. `toInput` turns the form's values (strings from text fields) into
 * the schema's input.
 */
export function useZodForm<Values extends object, Schema extends z.ZodType>(
  schema: Schema,
  initialValues: Values,
  toInput: (values: Values) => unknown,
): ZodForm<Values, z.output<Schema>> {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});

  const setValue = useCallback(<Key extends keyof Values>(key: Key, value: Values[Key]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);

  const validateField = useCallback(
    (key: keyof Values) => {
      const result = schema.safeParse(toInput(values));
      const name = String(key);
      setErrors((current) => {
        const next = { ...current };
        delete next[name];
        if (!result.success) {
          const message = errorsOf(result.error)[name];
          if (message !== undefined) next[name] = message;
        }
        return next;
      });
    },
    [schema, toInput, values],
  );

  const validate = useCallback(() => {
    const result = schema.safeParse(toInput(values));
    if (result.success) {
      setErrors({});
      return result.data;
    }
    setErrors(errorsOf(result.error));
    return null;
  }, [schema, toInput, values]);

  const applyIssues = useCallback((issues: readonly FieldIssue[], prefix = '') => {
    const next: FieldErrors = {};
    for (const issue of issues) {
      const path =
        prefix !== '' && issue.path.startsWith(prefix)
          ? issue.path.slice(prefix.length)
          : issue.path;
      if (path !== '') next[path] ??= issue.message;
    }
    setErrors(next);
    return Object.keys(next).length > 0;
  }, []);

  const reset = useCallback((next: Values) => {
    setValues(next);
    setErrors({});
  }, []);

  return useMemo(
    () => ({ values, errors, setValue, validateField, validate, applyIssues, reset }),
    [values, errors, setValue, validateField, validate, applyIssues, reset],
  );
}
