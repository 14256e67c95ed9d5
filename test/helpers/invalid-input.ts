import { InvalidInputError } from '../../shared/errors.js';

/** Runs an import that must fail and returns its InvalidInputError; any other outcome throws. */
export function catchInvalidInput(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an InvalidInputError, but the import succeeded');
}
