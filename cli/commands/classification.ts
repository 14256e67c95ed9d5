import { InvalidArgumentError, Option, type Command } from 'commander';

import { exportClassificationMapFile } from '../../core/app/classification-map.js';
import { parseCalendarDate } from '../../core/dates.js';
import { todayIn } from '../../core/privacy/deadline.js';
import { PERSONAL_DATA_CATEGORIES } from '../../shared/domain/classification.js';
import type { ClassificationQuery } from '../../shared/domain/classification-query.js';
import {
  POLICY_RULES,
  POLICY_RULE_TITLES,
  type PolicyRule,
} from '../../shared/domain/classification-policy.js';
import type { MapDiff } from '../../shared/domain/classification-history.js';
import { checkOutputPath } from '../output-path.js';
import { withVault, type CommandContext } from '../context.js';
import { table } from '../output.js';
import type { Run } from '../runner.js';
import { parseLimit } from './records.js';

interface FilterOptions {
  level?: string;
  system?: string;
  category?: (typeof PERSONAL_DATA_CATEGORIES)[number];
  owner?: string;
  finding?: PolicyRule;
  search?: string;
  personal?: boolean;
}

/** Adds the filters that `classification list` and `classification export` share. */
function addFilterOptions(command: Command): Command {
  return command
    .option('--level <name>', 'only fields at this level of the vault scale')
    .option('--system <name>', 'only fields of this system')
    .addOption(
      new Option('--category <category>', 'only this personal data category').choices(
        PERSONAL_DATA_CATEGORIES,
      ),
    )
    .option('--owner <owner>', 'only fields with exactly this owner')
    .addOption(
      new Option('--finding <rule>', 'only fields that break this policy rule').choices(
        POLICY_RULES,
      ),
    )
    .option('--search <text>', 'text in the system, dataset, field, description, owner or purpose')
    .option('--personal', 'only fields that hold personal data');
}

export function registerClassificationCommands(program: Command, run: Run): void {
  const classification = program
    .command('classification')
    .description('The classification map: systems, datasets and fields');
  addFilterOptions(
    classification
      .command('list')
      .description('List classified fields, by system, dataset and field')
      .option('--limit <n>', 'maximum number of rows to print (1 to 1000)', parseLimit, 100)
      .option('--offset <n>', 'rows to skip, for paging', parseOffset, 0),
  ).action(run(listEntries));
  addFilterOptions(
    classification
      .command('export')
      .description('Export the map to XLSX or CSV, masked and formula-safe like the report')
      .requiredOption('--out <file>', 'file to write; .xlsx or .csv decides the format')
      .option('--force', 'replace the --out file if it exists')
      .option('--unmasked', 'write personal data unmasked (recorded in the audit trail)'),
  ).action(run(exportEntries));

  program
    .command('findings')
    .description('Policy findings of the classification map: each field and the rule it breaks')
    .addOption(new Option('--rule <rule>', 'only this rule').choices(POLICY_RULES))
    .option('--system <name>', 'only fields of this system')
    .option('--as-of <date>', 'date review dates are compared with, YYYY-MM-DD (default: today)')
    .option('--limit <n>', 'maximum number of findings to print (1 to 1000)', parseLimit, 100)
    .action(run(listFindings));

  const map = program.command('map').description('The classification map at past dates');
  map
    .command('as-of')
    .description('Rebuild the map as it stood at the end of a date, from the audit trail')
    .argument('<date>', 'YYYY-MM-DD (end of that day in the vault time zone) or an ISO timestamp')
    .action(run(mapAsOf));
  map
    .command('diff')
    .description('Fields added, removed and changed between two dates')
    .argument('<from>', 'earlier date, YYYY-MM-DD or an ISO timestamp')
    .argument('<to>', 'later date, YYYY-MM-DD or an ISO timestamp')
    .action(run(mapDiff));
}

function parseOffset(value: string): number {
  const offset = Number(value);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more.`);
  }
  return offset;
}

function toQuery(options: FilterOptions): ClassificationQuery {
  return {
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(options.system === undefined ? {} : { system: options.system }),
    ...(options.category === undefined ? {} : { category: options.category }),
    ...(options.owner === undefined ? {} : { owner: options.owner }),
    ...(options.finding === undefined ? {} : { finding: options.finding }),
    ...(options.search === undefined ? {} : { search: options.search }),
    ...(options.personal === true ? { personalData: true } : {}),
  };
}

async function listEntries(
  context: CommandContext,
  options: FilterOptions & { limit: number; offset: number },
): Promise<void> {
  const page = await withVault(context, () =>
    context.session.services.classification.list({
      ...toQuery(options),
      limit: options.limit,
      offset: options.offset,
    }),
  );

  context.output.result(page, () => [
    ...table(
      ['ID', 'System', 'Dataset', 'Field', 'Level', 'Category', 'Owner', 'Legal basis'],
      page.rows.map((entry) => [
        entry.id,
        entry.system,
        entry.dataset,
        entry.field,
        entry.level,
        entry.category,
        entry.owner,
        entry.legalBasis,
      ]),
    ),
    `${page.rows.length} of ${page.total} fields`,
  ]);
}

async function exportEntries(
  context: CommandContext,
  options: FilterOptions & { out: string; force?: boolean; unmasked?: boolean },
): Promise<void> {
  const extension = options.out.toLowerCase().endsWith('.csv') ? '.csv' : '.xlsx';
  const out = checkOutputPath(options.out, { force: options.force === true, extension });
  const query = toQuery(options);
  const result = await withVault(context, () =>
    exportClassificationMapFile(context.session.services, out, {
      unmasked: options.unmasked === true,
      ...(Object.keys(query).length === 0 ? {} : { query }),
    }),
  );

  context.output.result(result, () => [
    `${result.file}: ${result.rows} fields`,
    result.masked ? 'Personal data is masked.' : 'Personal data is NOT masked.',
  ]);
}

async function listFindings(
  context: CommandContext,
  options: { rule?: PolicyRule; system?: string; asOf?: string; limit: number },
): Promise<void> {
  const today = options.asOf === undefined ? todayIn() : parseCalendarDate(options.asOf, '--as-of');
  const { counts, page } = await withVault(context, () => {
    const policy = context.session.services.classificationPolicy;
    return {
      counts: policy.countByRule(today),
      page: policy.list({
        today,
        limit: options.limit,
        ...(options.rule === undefined ? {} : { rule: options.rule }),
        ...(options.system === undefined ? {} : { system: options.system }),
      }),
    };
  });

  context.output.result({ asOf: today, counts, findings: page }, () => [
    ...table(
      ['Rule', 'Fields', 'What it checks'],
      POLICY_RULES.map((rule) => [rule, counts[rule], POLICY_RULE_TITLES[rule]]),
    ),
    '',
    ...table(
      ['Rule', 'System', 'Dataset', 'Field', 'Finding'],
      page.rows.map((finding) => [
        finding.rule,
        finding.system,
        finding.dataset,
        finding.field,
        finding.message,
      ]),
    ),
    `${page.rows.length} of ${page.total} findings as of ${today}`,
  ]);
}

async function mapAsOf(context: CommandContext, date: string): Promise<void> {
  const map = await withVault(context, () =>
    context.session.services.classificationHistory.asOf(date),
  );

  context.output.result(map, () => [
    ...table(
      ['ID', 'System', 'Dataset', 'Field', 'Level', 'Category', 'Owner'],
      map.fields.map((field) => [
        field.id,
        field.system,
        field.dataset,
        field.field,
        field.level,
        field.category,
        field.owner,
      ]),
    ),
    `${map.fields.length} fields as of ${map.asOf}`,
  ]);
}

async function mapDiff(context: CommandContext, from: string, to: string): Promise<void> {
  const diff = await withVault(context, () =>
    context.session.services.classificationHistory.diff(from, to),
  );
  context.output.result(diff, () => diffLines(diff));
}

function diffLines(diff: MapDiff): string[] {
  const name = (field: { system: string; dataset: string; field: string }) =>
    `${field.system} / ${field.dataset} / ${field.field}`;
  const show = (value: unknown) => (value === null || value === '' ? '-' : JSON.stringify(value));

  return [
    `From ${diff.from} to ${diff.to}: ${diff.added.length} added, ${diff.removed.length} ` +
      `removed, ${diff.changed.length} changed.`,
    ...diff.added.map((field) => `+ ${name(field)} (${field.level})`),
    ...diff.removed.map((field) => `- ${name(field)} (${field.level})`),
    ...diff.changed.flatMap((field) => [
      `~ ${name(field)}`,
      ...field.changes.map(
        (change) => `    ${change.attribute}: ${show(change.before)} -> ${show(change.after)}`,
      ),
    ]),
  ];
}
