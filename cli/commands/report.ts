import { Option, type Command } from 'commander';

import { exportComplianceReport } from '../../core/app/report.js';
import { REPORT_SECTIONS, type ReportSection } from '../../core/reports/compliance-report.js';
import { withVault, type CommandContext } from '../context.js';
import { checkOutputPath } from '../output-path.js';
import { ProgressReporter, progressEnabled } from '../progress.js';
import type { Run } from '../runner.js';

export function registerReportCommands(program: Command, run: Run): void {
  program
    .command('report')
    .description('Write the Excel compliance report')
    .requiredOption('--out <file>', 'path of the .xlsx file to write')
    .option('--unmasked', 'write personal data unmasked (recorded in the audit trail)')
    .option('--force', 'replace the --out file if it exists')
    .addOption(
      new Option('--section <name...>', 'sheets to include (default: all)').choices(
        REPORT_SECTIONS,
      ),
    )
    .option('--as-of <date>', 'date for overdue and due-soon counts, YYYY-MM-DD (default: today)')
    .action(run(writeReport));

  const audit = program.command('audit').description('The tamper-evident audit trail');
  audit
    .command('verify')
    .description('Check the hash chain; exit status 4 when an entry was edited, deleted or moved')
    .action(run(verifyAudit));
}

async function writeReport(
  context: CommandContext,
  options: {
    out: string;
    force?: boolean;
    unmasked?: boolean;
    section?: ReportSection[];
    asOf?: string;
  },
): Promise<void> {
  const out = checkOutputPath(options.out, { force: options.force === true, extension: '.xlsx' });

  const progress = new ProgressReporter(progressEnabled(context.output.json), 'Report rows');
  const result = await withVault(context, () =>
    exportComplianceReport(context.session.services, out, {
      unmasked: options.unmasked === true,
      ...(options.section === undefined ? {} : { sections: options.section }),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      onProgress: (rows) => progress.update(rows, Math.max(rows, 1)),
    }),
  ).finally(() => progress.stop());

  context.output.result(result, () => [
    result.file,
    ...result.sheets.map((sheet) => `  ${sheet}: ${result.rows[sheet] ?? 0} rows`),
    result.masked ? 'Personal data is masked.' : 'Personal data is NOT masked.',
  ]);
}

async function verifyAudit(context: CommandContext): Promise<void> {
  const verification = await withVault(context, () =>
    context.session.services.vault.audit.verify(),
  );

  context.output.result(verification, () =>
    verification.ok
      ? `Audit trail intact: ${verification.entries} entries, every hash and link verified.`
      : [
          `Audit trail FAILED verification: ${verification.problems.length} problems in ` +
            `${verification.entries} entries.`,
          ...verification.problems.map((problem) => `  entry ${problem.seq}: ${problem.message}`),
        ],
  );
  if (!verification.ok) process.exitCode = 4;
}
