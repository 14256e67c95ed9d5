#!/usr/bin/env node
import './environment.js';

import { Command, CommanderError } from 'commander';

import { registerClassificationCommands } from './commands/classification.js';
import { registerDataMapSettingsCommands } from './commands/data-map-settings.js';
import { registerImportCommands } from './commands/import.js';
import { registerRecordCommands } from './commands/records.js';
import { registerReportCommands } from './commands/report.js';
import { registerReviewCommands } from './commands/review.js';
import { registerVaultCommands } from './commands/vault.js';
import { run } from './runner.js';

const program = new Command()
  .name('synapse-compliance')
  .description(
    'Synapse Compliance Console on the command line: the encrypted compliance vault, imports, ' +
      'scans and reports.\nExit status: 0 done, 1 usage error, 2 invalid input, 3 vault locked ' +
      'or key unavailable, 4 integrity check failed.',
  )
  .option('--vault <path>', 'vault file (default: SYNAPSE_VAULT, else the application-data folder)')
  .option('--json', 'print one JSON document on stdout, for scripts')
  .option(
    '--passphrase-stdin',
    'unlock with a passphrase read from standard input instead of the keychain ' +
      '(SYNAPSE_PASSPHRASE also works)',
  )
  .showHelpAfterError()
  .exitOverride();

registerVaultCommands(program, run);
registerImportCommands(program, run);
registerRecordCommands(program, run);
registerReportCommands(program, run);
registerClassificationCommands(program, run);
registerReviewCommands(program, run);
registerDataMapSettingsCommands(program, run);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Help and version exit with 0; every other commander error is a usage error.
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 1;
    // Commander already printed the message on stderr; --json callers also get it on stdout.
    if (process.exitCode !== 0 && process.argv.includes('--json')) {
      const message = error.message.replace(/^error: /, '');
      process.stdout.write(
        `${JSON.stringify({ ok: false, error: { code: 'USAGE', message } }, null, 2)}\n`,
      );
    }
  } else {
    throw error;
  }
}
