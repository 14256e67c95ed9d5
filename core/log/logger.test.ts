import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createRootLogger } from './logger.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, stream };
}

describe('logger redaction', () => {
  it('masks secret keys at any depth', async () => {
    const { lines, stream } = capture();
    const logger = createRootLogger(stream);
    logger.level = 'info';

    logger.info({ passphrase: 'hunter2', nested: { recoveryKey: 'ABCDE-12345' } }, 'unlocked');
    logger.info({ request: { subjectRef: 'alice@example.com' } }, 'stored');
    await new Promise((resolve) => setImmediate(resolve));

    const output = lines.join('');
    expect(output).not.toContain('hunter2');
    expect(output).not.toContain('ABCDE-12345');
    expect(output).not.toContain('alice@example.com');
    expect(output).toContain('[Redacted]');
  });

  it('scrubs raw keys and emails inside messages', async () => {
    const { lines, stream } = capture();
    const logger = createRootLogger(stream);
    logger.level = 'info';
    const rawKey = `x'${'ab'.repeat(32)}'`;

    logger.info(`opened with ${rawKey} for bob@example.org`);
    logger.error({ err: new Error(`bad key ${'cd'.repeat(32)}`) }, 'failed');
    await new Promise((resolve) => setImmediate(resolve));

    const output = lines.join('');
    expect(output).not.toContain('ab'.repeat(32));
    expect(output).not.toContain('cd'.repeat(32));
    expect(output).not.toContain('bob@example.org');
  });
});
