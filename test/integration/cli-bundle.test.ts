import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../helpers/run-cli.js';

describe('packaged command line', () => {
  it('builds the bin bundle and runs it', () => {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    const bin = join(REPO_ROOT, 'dist', 'cli', 'synapse-compliance.mjs');
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });

    expect(build.status).toBe(0);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: synapse-compliance');
    expect(help.stdout).toContain('audit');
  });
});
