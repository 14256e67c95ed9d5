import { basename } from 'node:path';

import { Option, type Command } from 'commander';

import {
  IMPORT_FORMATS,
  assertImportFormat,
  importFindingFiles,
  importIncidentFiles,
  type FileImportResult,
  type ImportKind,
} from '../../core/app/imports.js';
import {
  importClassificationCsvFiles,
  scanSqliteFile,
} from '../../core/app/classification-imports.js';
import { withVault, type CommandContext } from '../context.js';
import { table } from '../output.js';
import { ProgressReporter, progressEnabled } from '../progress.js';
import type { Run } from '../runner.js';

const ALL_FORMATS = [...new Set(Object.values(IMPORT_FORMATS).flat())];

export function registerImportCommands(program: Command, run: Run): void {
  program
    .command('import')
    .description(
      'Import records from files; each file is stored whole in one transaction or not at all',
    )
    .argument('<kind>', `what the files contain: ${Object.keys(IMPORT_FORMATS).join(', ')}`)
    .argument('<files...>', 'files to import')
    .addOption(
      new Option('--format <format>', 'file format').choices(ALL_FORMATS).makeOptionMandatory(),
    )
    .option('--mapping <file>', 'JSON file mapping CSV headers to classification fields')
    .action(run(importFiles));

  const scan = program.command('scan').description('Discover personal data in data stores');
  scan
    .command('sqlite')
    .description(
      'Propose a classification for every column of a SQLite database (opened read-only)',
    )
    .argument('<file>', 'SQLite database file')
    .option('--system <name>', 'system name for the proposed entries (default: the file name)')
    .option('--apply', 'store the proposals in the vault as proposed classification entries')
    .action(run(scanSqlite));
}

async function importFiles(
  context: CommandContext,
  kind: string,
  files: string[],
  options: { format: string; mapping?: string },
): Promise<void> {
  assertImportFormat(kind, options.format);
  const format = options.format;
  const progress = new ProgressReporter(progressEnabled(context.output.json), 'Importing');

  const results = await withVault(context, (): FileImportResult[] => {
    const services = context.session.services;
    switch (kind as ImportKind) {
      case 'incidents':
        return importIncidentFiles(services, format, files);
      case 'findings':
        return importFindingFiles(services, format, files);
      case 'classification':
        return importClassificationCsvFiles(services, files, {
          ...(options.mapping === undefined ? {} : { mappingFile: options.mapping }),
          onProgress: (done, total) => progress.update(done, total),
        });
    }
  }).finally(() => progress.stop());

  context.output.result({ kind, format, files: results }, () => [
    ...table(
      ['File', 'Records', 'Inserted', 'Updated', 'Unchanged'],
      results.map((result) => [
        basename(result.file),
        result.records,
        result.inserted,
        result.updated,
        result.unchanged,
      ]),
    ),
    `Imported ${results.length} ${results.length === 1 ? 'file' : 'files'} of ${kind}.`,
  ]);
}

async function scanSqlite(
  context: CommandContext,
  file: string,
  options: { system?: string; apply?: boolean },
): Promise<void> {
  const outcome = await withVault(context, () =>
    scanSqliteFile(context.session.services, file, {
      ...(options.system === undefined ? {} : { system: options.system }),
      apply: options.apply === true,
    }),
  );

  context.output.result(outcome, () => [
    ...table(
      ['Table', 'Column', 'Personal', 'Category', 'Level', 'Confidence', 'Examples (masked)'],
      outcome.columns.map((column) => [
        column.table,
        column.column,
        column.personalData ? 'yes' : 'no',
        column.category,
        column.level,
        column.confidence.toFixed(2),
        column.maskedExamples.join(', '),
      ]),
    ),
    `${outcome.columns.length} columns in ${outcome.tables} tables; ` +
      `${outcome.columns.filter((column) => column.personalData).length} hold personal data.`,
    outcome.applied === null
      ? 'Nothing stored. Run again with --apply to store the proposals for review.'
      : `Stored as proposed entries: ${outcome.applied.inserted} new, ${outcome.applied.updated} updated, ` +
        `${outcome.applied.unchanged} unchanged.`,
  ]);
}
