import type { Command } from 'commander';

import { SynapseError } from '../../shared/errors.js';
import { withVault, type CommandContext } from '../context.js';
import { readFirstLine, readPassphrase } from '../passphrase.js';
import type { Run } from '../runner.js';

export function registerVaultCommands(program: Command, run: Run): void {
  program
    .command('init')
    .description('Create a new encrypted vault and print its recovery key once')
    .option(
      '--passphrase-mode',
      'derive the key from a passphrase (Argon2id) and store nothing in the OS keychain',
    )
    .action(run(initVault));

  program
    .command('status')
    .description(
      'Show the vault path, whether its key is in the keychain, and record counts; exit status 3 ' +
        'when the vault cannot be opened',
    )
    .action(run(showStatus));

  program
    .command('unlock')
    .description('Open the vault with its recovery key and store the key in the OS keychain again')
    .requiredOption(
      '--recovery-key <key>',
      'the recovery key shown at creation; "-" reads it from standard input',
    )
    .action(run(unlockVault));
}

async function initVault(
  context: CommandContext,
  options: { passphraseMode?: boolean },
): Promise<void> {
  const passphrase =
    options.passphraseMode === true
      ? await readPassphrase({
          fromStdin: context.options.passphraseStdin === true,
          prompt: 'New vault passphrase: ',
          confirm: true,
        })
      : undefined;

  const created = await context.session.create(passphrase === undefined ? {} : { passphrase });
  context.session.lock();

  context.output.result(
    { path: context.session.path, keyMode: created.keyMode, recoveryKey: created.recoveryKey },
    () => [
      `Created the vault ${context.session.path}`,
      created.keyMode === 'keychain'
        ? `Its key is stored in the OS keychain (${context.session.keyStore.description}).`
        : 'Its key is derived from your passphrase; nothing is stored in the keychain.',
      '',
      'Recovery key (shown only this once; store it offline, for example printed in a safe):',
      '',
      `    ${created.recoveryKey}`,
      '',
      'With it, "synapse-compliance unlock --recovery-key KEY" opens the vault on another machine',
      'or after the keychain entry is lost.',
    ],
  );
}

async function showStatus(context: CommandContext): Promise<void> {
  const status = await context.session.status();
  if (!status.exists) {
    context.output.result({ ...status, records: null }, () => [
      `Vault:     ${status.path} (does not exist; run "init" to create it)`,
      `Keychain:  ${status.keychain} (${status.keychainDetail})`,
    ]);
    return;
  }

  let summary = null;
  let lockedReason: string | null = null;
  try {
    summary = await withVault(context, () => {
      const figures = context.session.services.summary();
      const vault = context.session.services.vault;
      return { ...figures, schemaVersion: vault.schemaVersion(), keyMode: vault.keyMode };
    });
  } catch (error) {
    if (!(error instanceof SynapseError)) throw error;
    lockedReason = error.message;
  }

  const unlocked = summary !== null;
  const value = {
    ...status,
    unlocked,
    schemaVersion: summary?.schemaVersion ?? null,
    keyMode: summary?.keyMode ?? null,
    records: summary,
    lockedReason,
  };
  if (!unlocked) process.exitCode = 3;
  context.output.result(value, () => {
    const lines = [
      `Vault:     ${status.path} (${status.sizeBytes ?? 0} bytes)`,
      `Keychain:  ${status.keychain} (${status.keychainDetail})`,
    ];
    if (summary === null) return [...lines, `Locked:    ${lockedReason ?? 'unknown reason'}`];
    return [
      ...lines,
      `Schema:    version ${summary.schemaVersion}`,
      `Records:   ${summary.counts.classificationEntries} classification entries ` +
        `(${summary.counts.personalDataFields} personal data), ` +
        `${summary.counts.privacyRequests} privacy requests, ${summary.counts.incidents} incidents, ` +
        `${summary.counts.findings} findings, ${summary.counts.auditEntries} audit entries`,
      `Requests:  ${summary.requestsOverdue} overdue, ${summary.requestsDueWithin7Days} due within 7 days`,
    ];
  });
}

async function unlockVault(
  context: CommandContext,
  options: { recoveryKey: string },
): Promise<void> {
  const recoveryKey = options.recoveryKey === '-' ? await readFirstLine() : options.recoveryKey;
  await context.session.unlockWithRecoveryKey(recoveryKey);
  const keyMode = context.session.services.vault.keyMode;
  context.session.lock();

  const stored = keyMode === 'keychain';
  context.output.result({ path: context.session.path, keyMode, keyStored: stored }, () => [
    `Unlocked ${context.session.path} with the recovery key.`,
    stored
      ? `Its key is stored in the OS keychain (${context.session.keyStore.description}) again.`
      : 'It is a passphrase-mode vault, so nothing was stored: open it with its passphrase.',
  ]);
}
