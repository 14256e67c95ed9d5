/**
 * Stable error codes shared by core, the command line and the IPC envelope. The command line maps
 * each code to its exit status through EXIT_CODES.
 */
export const ERROR_CODES = [
  'USAGE',
  'INVALID_INPUT',
  'NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_LOCKED',
  'KEY_WRONG',
  'KEYCHAIN_UNAVAILABLE',
  'VAULT_TOO_NEW',
  'INTEGRITY_FAILED',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const EXIT_CODES: Record<ErrorCode, number> = {
  USAGE: 1,
  INVALID_INPUT: 2,
  NOT_FOUND: 2,
  VAULT_EXISTS: 2,
  VAULT_NOT_FOUND: 3,
  VAULT_LOCKED: 3,
  KEY_WRONG: 3,
  KEYCHAIN_UNAVAILABLE: 3,
  VAULT_TOO_NEW: 3,
  INTEGRITY_FAILED: 4,
  CANCELLED: 1,
  INTERNAL: 1,
};

/** An error whose message is safe to show to a user: it names the value and what to do. */
export class SynapseError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SynapseError';
    this.code = code;
  }
}

/** The position of a problem in an input file: a line for text formats, a JSON path for JSON. */
export interface InputLocation {
  file: string;
  line?: number;
  jsonPath?: string;
}

/** Rejects a whole import: names the file, the line or JSON path, and the problem. */
export class InvalidInputError extends SynapseError {
  readonly location: InputLocation;

  constructor(location: InputLocation, problem: string) {
    const where = [
      location.file,
      location.line !== undefined ? `line ${location.line}` : null,
      location.jsonPath !== undefined ? `at ${location.jsonPath}` : null,
    ]
      .filter((part) => part !== null)
      .join(', ');
    super('INVALID_INPUT', `${where}: ${problem}`);
    this.name = 'InvalidInputError';
    this.location = location;
  }
}
