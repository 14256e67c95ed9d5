import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(REPO_ROOT, 'cli', 'main.ts');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The parsed --json document, when stdout holds one. */
  json: { ok: boolean; value?: any; error?: { code: string; message: string } } | null; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Runs the command line as a user would, in a child process, and captures what it prints. */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined> } = {},
): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    input: options.input ?? '',
    env: { ...process.env, SYNAPSE_PASSPHRASE: undefined, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  let json = null;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = null;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json };
}
