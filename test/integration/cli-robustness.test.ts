import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { OsKeyStore } from '../../core/keychain/os-keychain.js';
import { keychainAccount } from '../../core/vault/paths.js';
import { fixturePath } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { hasTestKeyring, tempVaultContext, type TempVaultContext } from '../helpers/temp-vault.js';

const PASSPHRASE = 'robustness test passphrase';

describe('command line on bad input', () => {
  let context: TempVaultContext;
  let cli: (...args: string[]) => ReturnType<typeof runCli>;

  beforeEach(() => {
    context = tempVaultContext();
    cli = (...args) =>
      runCli(['--vault', context.vaultPath, '--json', ...args], {
        env: { SYNAPSE_PASSPHRASE: PASSPHRASE },
      });
    expect(cli('init', '--passphrase-mode').status).toBe(0);
  });

  afterEach(() => {
    context.cleanup();
  });

  it('stores no file of a multi-file import with one bad file', () => {
    const truncated = join(context.directory, 'truncated.json');
    writeFileSync(truncated, '{"auditReportVersion": 2, "vulnerabilities": {');
    const good = fixturePath('real/scanners/npm-audit-v2_defectdojo_many_vulns.json');
    const auditBefore = cli('status').json?.value.records.counts.auditEntries;

    const result = cli('import', 'findings', '--format', 'npm-audit', good, truncated);
    const after = cli('status').json?.value.records.counts;

    expect(result.status).toBe(2);
    expect(result.json?.error?.message).toContain('truncated.json');
    expect(after.findings).toBe(0);
    expect(after.auditEntries).toBe(auditBefore);
  });

  it('exits 4 on a damaged vault file', () => {
    for (let index = 0; index < 200; index++) {
      cli('incident', 'add', '--title', `Incident number ${index}`, '--severity', 'low');
      if (readFileSync(context.vaultPath).length > 40_000) break;
    }
    const bytes = readFileSync(context.vaultPath);
    bytes[20_000] = (bytes[20_000] ?? 0) ^ 0xff;
    writeFileSync(context.vaultPath, bytes);

    const verify = cli('audit', 'verify');

    expect(verify.status).toBe(4);
    expect(verify.json?.error?.code ?? verify.json?.value?.problems?.[0]?.kind).toMatch(
      /INTEGRITY_FAILED|damaged_file/,
    );
    expect(verify.stdout).toContain('damaged');
  });

  it('rejects a short passphrase at init', () => {
    const other = tempVaultContext();

    const result = runCli(['--vault', other.vaultPath, 'init', '--passphrase-mode'], {
      env: { SYNAPSE_PASSPHRASE: 'short' },
    });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs at least 12');
    other.cleanup();
  });

  it('exits 3 from status of a locked vault', () => {
    const result = runCli(['--vault', context.vaultPath, '--json', 'status'], {
      env: { SYNAPSE_PASSPHRASE: 'not the passphrase' },
    });

    expect(result.status).toBe(3);
    expect(result.json?.value.unlocked).toBe(false);
    expect(result.json?.value.lockedReason).toContain('key does not open');
  });

  it('reports status of an open vault', () => {
    const result = cli('status');

    expect(result.status).toBe(0);
    expect(result.json?.value.unlocked).toBe(true);
    expect(result.json?.value.keyMode).toBe('passphrase');
    expect(result.json?.value.schemaVersion).toBeGreaterThanOrEqual(10);
  });

  it('keeps an existing report without --force', () => {
    const out = join(context.directory, 'precious.xlsx');
    writeFileSync(out, 'not a report, keep me');

    const refused = cli('report', '--out', out);
    const kept = readFileSync(out, 'utf8');
    const forced = cli('report', '--out', out, '--force');

    expect(refused.status).toBe(2);
    expect(refused.json?.error?.message).toContain('Pass --force');
    expect(kept).toBe('not a report, keep me');
    expect(forced.status).toBe(0);
  });

  it.each([
    [['classification', 'export'], 'map.csv'],
    [['ropa', 'export'], 'ropa.xlsx'],
  ])('keeps an existing file on %j without --force', (command, name) => {
    const out = join(context.directory, name);
    writeFileSync(out, 'keep me');

    const result = cli(...command, '--out', out);

    expect(result.status).toBe(2);
    expect(result.json?.error?.message).toContain('Pass --force');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('names a missing output folder', () => {
    const result = cli('report', '--out', join(context.directory, 'absent', 'r.xlsx'));

    expect(result.status).toBe(2);
    expect(result.json?.error?.message).toContain('does not exist');
  });

  it('prints usage errors as JSON', () => {
    const result = cli('request', 'add', '--type', 'access');

    expect(result.status).toBe(1);
    expect(result.json?.ok).toBe(false);
    expect(result.json?.error?.code).toBe('USAGE');
    expect(result.json?.error?.message).toContain('--received');
  });

  it('survives an unknown log level', () => {
    const result = runCli(['--vault', context.vaultPath, 'status'], {
      env: { SYNAPSE_PASSPHRASE: PASSPHRASE, SYNAPSE_LOG_LEVEL: 'bogus' },
    });

    expect(result.status).toBe(0);
    expect(result.stderr).toContain('SYNAPSE_LOG_LEVEL "bogus" is not a log level');
  });
});

describe.skipIf(!hasTestKeyring)('recovery key on a passphrase vault', () => {
  it('opens without storing the key', async () => {
    const context = tempVaultContext();
    const created = runCli(['--vault', context.vaultPath, '--json', 'init', '--passphrase-mode'], {
      env: { SYNAPSE_PASSPHRASE: PASSPHRASE },
    });

    const unlocked = runCli(
      ['--vault', context.vaultPath, '--json', 'unlock', '--recovery-key', '-'],
      { input: `${created.json?.value.recoveryKey}\n` },
    );

    expect(unlocked.status).toBe(0);
    expect(unlocked.json?.value.keyStored).toBe(false);
    expect(await new OsKeyStore().get(keychainAccount(context.vaultPath))).toBeNull();
    context.cleanup();
  });
});
