import { describe, expect, it } from 'vitest';

import { toIpcError } from './envelope.js';

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('toIpcError on vault errors', () => {
  it('reports a damaged vault as an integrity failure', () => {
    const error = toIpcError(
      'audit:verify',
      sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'),
    );

    expect(error.code).toBe('INTEGRITY_FAILED');
    expect(error.message).toContain('Restore the vault from a backup');
  });

  it('reports a read-only vault as invalid input', () => {
    const error = toIpcError(
      'incidents:create',
      sqliteError('SQLITE_READONLY', 'attempt to write a readonly database'),
    );

    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('write permission');
  });

  it('hides other errors behind INTERNAL', () => {
    const error = toIpcError('incidents:create', new Error('SELECT secret FROM somewhere'));

    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('SELECT');
  });
});
