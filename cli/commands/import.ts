import { basename } from 'node:path';

import { InvalidArgumentError, Option, type Command } from 'commander';

import {
  IMPORT_FORMATS,
  assertImportFormat,
  importFindingFiles,
  importIncidentFiles,
  type FileImportResult,
  type ImportKind,
} from '../../core/app/imports.js';
import {
  importClassificationFiles,
  scanDataFile,
  type FileScanOutcome,
} from '../../core/app/classification-map.js';
import type { CsvDelimiter } from '../../core/importers/csv-text.js';
import type {
  ClassificationImportResult,
  ImportMode,
} from '../../shared/domain/classification-import.js';
import type { ScanSourceKind } from '../../shared/domain/classification-review.js';
import { withVault, type CommandContext } from '../context.js';
import { table } from '../output.js';
import { ProgressReporter, progressEnabled } from '../progress.js';
import type { Run } from '../runner.js';

const ALL_FORMATS = [...new Set(Object.values(IMPORT_FORMATS).flat())];

export function registerImportCommands(program: Command, run: Run): void {
  program
    .command('import')
    .description(
      'Import records from files; each file is stored whole or not at all, and a classification ' +
        'import stores all its files in one transaction',
    )
    .argument('<kind>', `what the files contain: ${Object.keys(IMPORT_FORMATS).join(', ')}`)
    .argument('<files...>', 'files to import')
    .addOption(
      new Option('--format <format>', 'file format').choices(ALL_FORMATS).makeOptionMandatory(),
    )
    .option(
      '--mapping <file-or-name>',
      'classification: a JSON mapping file, or the name of a mapping saved in the vault',
    )
    .addOption(
      new Option(
        '--mode <mode>',
        'classification: "all" stores every row or nothing; "valid" stores the valid rows and ' +
          'lists the others',
      )
        .choices(['all', 'valid'])
        .default('all'),
    )
    .option(
      '--delimiter <delimiter>',
      'classification CSV: comma, semicolon or tab (default: detected)',
      parseDelimiter,
    )
    .option('--sheet <name>', 'classification XLSX: the sheet to read (default: the first)')
    .action(run(importFiles));

  const scan = program
    .command('scan')
    .description(
      'Discover personal data in a data store; values are sampled in memory, only counts and ' +
        'masked examples are shown or stored',
    );
  const kinds: [ScanSourceKind, string][] = [
    ['sqlite', 'a SQLite database (opened read-only)'],
    ['csv', 'a CSV file (one dataset named after the file)'],
    ['xlsx', 'an XLSX workbook (one dataset per sheet)'],
  ];
  for (const [kind, what] of kinds) {
    scan
      .command(kind)
      .description(`Propose a classification for every column of ${what}`)
      .argument('<file>', `${kind.toUpperCase()} file`)
      .option('--system <name>', 'system the fields belong to (default: the file name)')
      .option(
        '--apply',
        'store the scan and send its proposals to the review queue (see "review list")',
      )
      .action(run((context, file: string, options) => scanFile(context, kind, file, options)));
  }
}

/** Reads --delimiter as a name or the character itself. */
export function parseDelimiter(value: string): CsvDelimiter {
  const delimiters: Record<string, CsvDelimiter> = {
    ',': ',',
    comma: ',',
    ';': ';',
    semicolon: ';',
    '\t': '\t',
    tab: '\t',
  };
  const delimiter = delimiters[value.toLowerCase()];
  if (delimiter === undefined) {
    throw new InvalidArgumentError(`"${value}" is not comma, semicolon or tab.`);
  }
  return delimiter;
}

async function importFiles(
  context: CommandContext,
  kind: string,
  files: string[],
  options: {
    format: string;
    mapping?: string;
    mode: 'all' | 'valid';
    delimiter?: CsvDelimiter;
    sheet?: string;
  },
): Promise<void> {
  assertImportFormat(kind, options.format);
  const format = options.format;
  const progress = new ProgressReporter(progressEnabled(context.output.json), 'Importing');

  const results = await withVault(
    context,
    (): (FileImportResult | ClassificationImportResult)[] => {
      const services = context.session.services;
      switch (kind as ImportKind) {
        case 'incidents':
          return importIncidentFiles(services, format, files);
        case 'findings':
          return importFindingFiles(services, format, files);
        case 'classification': {
          const mode: ImportMode = options.mode === 'valid' ? 'valid-rows' : 'all-or-nothing';
          return importClassificationFiles(services, files, {
            format: format === 'xlsx' ? 'xlsx' : 'csv',
            mode,
            ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
            ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
            ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
            onProgress: (done, total) => progress.update(done, total),
          });
        }
      }
    },
  ).finally(() => progress.stop());

  const rejected = results.flatMap((result) =>
    'errors' in result
      ? result.errors.map(
          (error) => `  ${basename(result.file)} line ${error.line}: ${error.message}`,
        )
      : [],
  );
  context.output.result({ kind, format, files: results }, () => [
    ...table(
      ['File', 'Records', 'Inserted', 'Updated', 'Unchanged', 'Rejected'],
      results.map((result) => [
        basename(result.file),
        result.records,
        result.inserted,
        result.updated,
        result.unchanged,
        'rejected' in result ? result.rejected : 0,
      ]),
    ),
    `Imported ${results.length} ${results.length === 1 ? 'file' : 'files'} of ${kind}.`,
    ...(rejected.length === 0 ? [] : ['Rows left out:', ...rejected]),
  ]);
}

async function scanFile(
  context: CommandContext,
  kind: ScanSourceKind,
  file: string,
  options: { system?: string; apply?: boolean },
): Promise<void> {
  const outcome: FileScanOutcome = await withVault(context, () =>
    scanDataFile(context.session.services, kind, file, {
      ...(options.system === undefined ? {} : { system: options.system }),
      apply: options.apply === true,
    }),
  );

  const personal = outcome.columns.filter((column) => column.personalData).length;
  context.output.result(outcome, () => [
    ...table(
      ['Dataset', 'Field', 'Personal', 'Category', 'Level', 'Confidence', 'Examples (masked)'],
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
    `${outcome.columns.length} fields in ${outcome.tables} datasets; ${personal} hold personal data.`,
    ...scanSummary(outcome),
  ]);
}

function scanSummary(outcome: FileScanOutcome): string[] {
  const recorded = outcome.recorded;
  if (recorded === null) {
    return ['Nothing stored. Run again with --apply to send the proposals to the review queue.'];
  }
  const { diff } = recorded;
  const since =
    diff.previousRunId === null
      ? 'First scan of this source.'
      : `Since scan ${diff.previousRunId}: ${diff.added.length} new, ${diff.changed.length} ` +
        `changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged.`;
  return [
    `Stored as scan ${recorded.run.id}; ${recorded.queued} proposals wait in the review queue ` +
      `("review list --run ${recorded.run.id}").`,
    since,
  ];
}
