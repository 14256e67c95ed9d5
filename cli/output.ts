import { toVaultError } from '../core/vault/database.js';
import { EXIT_CODES, SynapseError, type ErrorCode } from '../shared/errors.js';

/** The printer of a command's results: human text by default, one JSON document with --json. */
export interface Output {
  readonly json: boolean;
  /** Prints a result: the JSON document, or the human text lines. */
  result(value: unknown, human: () => string | string[]): void;
  /** Prints a progress or notice line on stderr, never in --json mode's stdout. */
  notice(text: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, human) {
      if (json) {
        process.stdout.write(`${JSON.stringify({ ok: true, value }, null, 2)}\n`);
        return;
      }
      const text = human();
      process.stdout.write(`${Array.isArray(text) ? text.join('\n') : text}\n`);
    },
    notice(text) {
      process.stderr.write(`${text}\n`);
    },
  };
}

/** Command-line next steps for errors whose core message names no command. */
const CLI_HINTS: Partial<Record<ErrorCode, string>> = {
  VAULT_NOT_FOUND:
    'Run "synapse-compliance init" to create it, or pass --vault PATH (or set SYNAPSE_VAULT).',
  VAULT_LOCKED:
    'Run "synapse-compliance unlock --recovery-key -" and paste the recovery key, or add ' +
    '--passphrase-stdin for a passphrase-mode vault.',
  KEY_WRONG:
    'Run "synapse-compliance unlock --recovery-key -" and paste the recovery key, or give the ' +
    'right passphrase with --passphrase-stdin.',
  KEYCHAIN_UNAVAILABLE:
    'If this vault uses passphrase mode, open it with --passphrase-stdin or SYNAPSE_PASSPHRASE. ' +
    'A new vault can use passphrase mode with "init --passphrase-mode".',
};

const FILE_ERROR_CODES = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'EEXIST',
]);

/**
 * Turns an error from SQLite or the file system into a SynapseError with a message a person can
 * act on, or returns the error unchanged.
 */
export function classifyError(error: unknown, vaultPath: string): unknown {
  if (error instanceof SynapseError) return error;

  const vaultError = toVaultError(error, vaultPath);
  if (vaultError !== null) return vaultError;

  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && FILE_ERROR_CODES.has(code)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new SynapseError(
      'INVALID_INPUT',
      `A file could not be read or written (${detail}). Check that the path exists, is a file ` +
        'and that you may write to its folder.',
      { cause: error },
    );
  }
  return error;
}

/** Prints an error and returns the exit status its code maps to. */
export function reportError(error: unknown, json: boolean): number {
  const known = error instanceof SynapseError;
  const code: ErrorCode = known ? error.code : 'INTERNAL';
  const hint = CLI_HINTS[code];
  const message = known
    ? `${error.message}${hint === undefined ? '' : ` ${hint}`}`
    : `Unexpected error: ${error instanceof Error ? error.message : String(error)}. ` +
      'Run again with SYNAPSE_LOG_LEVEL=debug for details.';

  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: { code, message } }, null, 2)}\n`);
  } else {
    process.stderr.write(`error: ${message}\n`);
  }
  return EXIT_CODES[code];
}

export function table(headers: string[], rows: (string | number | null)[][]): string[] {
  const cells = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  const widths = headers.map((header, column) =>
    Math.min(60, Math.max(header.length, ...cells.map((row) => row[column]?.length ?? 0))),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.slice(0, 60).padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)];
}
