import {
  securityFindingInputSchema,
  type SecurityFindingInput,
} from '../../shared/domain/findings.js';
import { InvalidInputError } from '../../shared/errors.js';

/**
 * Validates a mapped finding with the shared schema. An invalid finding means the input lacks a
 * value the mapping needs, so the error points at the input's JSON path.
 */
export function validateFinding(
  file: string,
  jsonPath: string,
  finding: SecurityFindingInput,
): SecurityFindingInput {
  const result = securityFindingInputSchema.safeParse(finding);
  if (result.success) {
    return result.data;
  }

  const issue = result.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new InvalidInputError(
    { file, jsonPath },
    `the entry maps to an invalid finding: ${field} ${issue?.message ?? 'is invalid'}`.trim(),
  );
}
