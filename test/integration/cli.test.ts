import { readFileSync } from 'node:fs';

import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { OsKeyStore } from '../../core/keychain/os-keychain.js';
import { keychainAccount } from '../../core/vault/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { hasTestKeyring, tempVaultContext, type TempVaultContext } from '../helpers/temp-vault.js';

describe('command line help', () => {
  it.each([
    [[]],
    [['init']],
    [['status']],
    [['unlock']],
    [['scan', 'sqlite']],
    [['import']],
    [['request', 'add']],
    [['request', 'list']],
    [['incident', 'add']],
    [['incident', 'list']],
    [['report']],
    [['audit', 'verify']],
  ])('prints help for %j', (command) => {
    const result = runCli([...command, '--help']);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: synapse-compliance');
  });

  it('exits 1 on an unknown option', () => {
    const result = runCli(['status', '--no-such-option']);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("unknown option '--no-such-option'");
  });

  it('exits 1 on a bad choice', () => {
    const result = runCli([
      'request',
      'add',
      '--type',
      'deletion',
      '--received',
      '2026-01-01',
      '--subject',
      'x',
    ]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Allowed choices are access');
  });
});

describe.skipIf(!hasTestKeyring)('command line on a keychain vault', () => {
  let context: TempVaultContext;
  let vaultArgs: string[];
  const keyStore = new OsKeyStore();

  beforeEach(() => {
    context = tempVaultContext();
    vaultArgs = ['--vault', context.vaultPath];
  });

  afterEach(async () => {
    await keyStore.delete(keychainAccount(context.vaultPath)).catch(() => false);
    context.cleanup();
  });

  function init(): string {
    const result = runCli([...vaultArgs, '--json', 'init']);
    expect(result.status).toBe(0);
    return result.json?.value.recoveryKey as string;
  }

  it('creates a vault and prints the recovery key once', () => {
    const result = runCli([...vaultArgs, 'init']);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Recovery key (shown only this once');
    expect(result.stdout).toMatch(/[0-9A-Z]{5}-[0-9A-Z]{5}-/);
    const again = runCli([...vaultArgs, 'init']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('never created over an existing file');
  });

  it('adds and lists requests with deadlines', () => {
    init();

    const added = runCli([
      ...vaultArgs,
      '--json',
      'request',
      'add',
      '--type',
      'erasure',
      '--received',
      '2026-01-31',
      '--subject',
      'case-4711',
    ]);
    const listed = runCli([...vaultArgs, '--json', 'request', 'list']);

    expect(added.status).toBe(0);
    expect(added.json?.value.dueOn).toBe('2026-02-28');
    expect(listed.json?.value.total).toBe(1);
    expect(listed.json?.value.rows[0].subjectRef).toBe('case-4711');
  });

  it('exits 2 on an invalid date', () => {
    init();

    const result = runCli([
      ...vaultArgs,
      'request',
      'add',
      '--type',
      'access',
      '--received',
      '2026-02-30',
      '--subject',
      'x',
    ]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('receivedOn ("2026-02-30")');
  });

  it('adds and lists incidents', () => {
    init();

    const added = runCli([
      ...vaultArgs,
      'incident',
      'add',
      '--title',
      'Laptop stolen',
      '--severity',
      'high',
      '--personal-data',
      'potentially',
    ]);
    const listed = runCli([...vaultArgs, '--json', 'incident', 'list', '--open']);

    expect(added.status).toBe(0);
    expect(listed.json?.value.rows[0].title).toBe('Laptop stolen');
    expect(listed.json?.value.rows[0].personalData).toBe('potentially');
  });

  it('exits 3 when the vault does not exist', () => {
    const result = runCli([...vaultArgs, '--json', 'incident', 'list']);

    expect(result.status).toBe(3);
    expect(result.json?.error?.code).toBe('VAULT_NOT_FOUND');
  });

  it('exits 3 when the key is gone, then recovers', async () => {
    const recoveryKey = init();
    await keyStore.delete(keychainAccount(context.vaultPath));

    const locked = runCli([...vaultArgs, 'incident', 'list']);
    const unlocked = runCli([...vaultArgs, 'unlock', '--recovery-key', '-'], {
      input: `${recoveryKey}\n`,
    });
    const listed = runCli([...vaultArgs, 'incident', 'list']);

    expect(locked.status).toBe(3);
    expect(locked.stderr).toContain('unlock --recovery-key');
    expect(unlocked.status).toBe(0);
    expect(listed.status).toBe(0);
  });

  it('exits 4 when an audit entry was edited', async () => {
    init();
    runCli([...vaultArgs, 'incident', 'add', '--title', 'Phishing', '--severity', 'medium']);
    expect(runCli([...vaultArgs, 'audit', 'verify']).status).toBe(0);

    const keyHex = await keyStore.get(keychainAccount(context.vaultPath));
    const db = new Database(context.vaultPath);
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.key(Buffer.from(`x'${keyHex}'`));
    db.prepare(
      "UPDATE audit_log SET after_json = replace(after_json, 'Phishing', 'Nothing') WHERE seq = 2",
    ).run();
    db.close();

    const result = runCli([...vaultArgs, 'audit', 'verify']);
    expect(result.status).toBe(4);
    expect(result.stdout).toContain('entry 2: Entry 2 was changed');
  });

  it('shows status of a locked vault', () => {
    init();

    const result = runCli([...vaultArgs, '--json', 'status']);

    expect(result.status).toBe(0);
    expect(result.json?.value.keychain).toBe('key stored');
    expect(result.json?.value.records.counts.auditEntries).toBe(1);
  });
});

describe('command line in passphrase mode', () => {
  it('creates and opens with a passphrase on stdin', () => {
    const context = tempVaultContext();
    const vaultArgs = ['--vault', context.vaultPath, '--passphrase-stdin'];
    const passphrase = `a "quoted"; passphrase' with ünïcode\n`;

    const created = runCli([...vaultArgs, '--json', 'init', '--passphrase-mode'], {
      input: passphrase,
    });
    const added = runCli(
      [...vaultArgs, 'incident', 'add', '--title', 'Lost USB', '--severity', 'low'],
      {
        input: passphrase,
      },
    );
    const wrong = runCli([...vaultArgs, 'incident', 'list'], { input: 'wrong\n' });

    expect(created.status).toBe(0);
    expect(created.json?.value.keyMode).toBe('passphrase');
    expect(added.status).toBe(0);
    expect(wrong.status).toBe(3);
    expect(readFileSync(context.vaultPath).includes(Buffer.from('Lost USB'))).toBe(false);
    context.cleanup();
  });
});
