import { InvalidArgumentError, Option, type Command } from 'commander';

import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '../../shared/domain/incidents.js';
import { REQUEST_ARTICLES, REQUEST_STATUSES, REQUEST_TYPES } from '../../shared/domain/privacy.js';
import type { RequestType } from '../../shared/domain/privacy.js';
import { daysBetween, todayIn } from '../../core/privacy/deadline.js';
import { withVault, type CommandContext } from '../context.js';
import { table } from '../output.js';
import type { Run } from '../runner.js';

const LIST_LIMIT_HELP = 'maximum number of rows to print (1 to 1000)';

export function registerRecordCommands(program: Command, run: Run): void {
  const request = program.command('request').description('GDPR data-subject requests');
  request
    .command('add')
    .description('Record a data-subject request; its response deadline is computed')
    .addOption(
      new Option('--type <type>', 'the right exercised')
        .choices(REQUEST_TYPES)
        .makeOptionMandatory(),
    )
    .requiredOption('--received <date>', 'date the request was received, YYYY-MM-DD')
    .requiredOption(
      '--subject <reference>',
      'reference of the data subject (case number, email ...)',
    )
    .option('--notes <text>', 'free-text notes', '')
    .action(run(addRequest));
  request
    .command('list')
    .description('List data-subject requests, soonest deadline first')
    .addOption(
      new Option('--status <status>', 'only requests with this status').choices(REQUEST_STATUSES),
    )
    .addOption(
      new Option('--due <when>', 'only open requests overdue or due within 7 days').choices([
        'overdue',
        'soon',
      ]),
    )
    .option('--limit <n>', LIST_LIMIT_HELP, parseLimit, 100)
    .action(run(listRequests));

  const incident = program.command('incident').description('Security incidents');
  incident
    .command('add')
    .description('Record a security incident')
    .requiredOption('--title <text>', 'short title of the incident')
    .addOption(
      new Option('--severity <level>', 'severity')
        .choices(INCIDENT_SEVERITIES)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--status <phase>', 'lifecycle phase')
        .choices(INCIDENT_STATUSES)
        .default('detected'),
    )
    .option('--summary <text>', 'what happened', '')
    .option('--occurred <date>', 'when it happened: YYYY, YYYY-MM or YYYY-MM-DD')
    .addOption(
      new Option('--personal-data <involvement>', 'whether personal data was affected')
        .choices(['yes', 'potentially', 'no', 'unknown'])
        .default('unknown'),
    )
    .option('--ref <reference>', 'external reference, unique per incident')
    .action(run(addIncident));
  incident
    .command('list')
    .description('List incidents, most severe first')
    .addOption(new Option('--severity <level>', 'only this severity').choices(INCIDENT_SEVERITIES))
    .option('--open', 'only incidents that are not closed')
    .option('--limit <n>', LIST_LIMIT_HELP, parseLimit, 100)
    .action(run(listIncidents));
}

export function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new InvalidArgumentError(`"${value}" is not a whole number from 1 to 1000.`);
  }
  return limit;
}

async function addRequest(
  context: CommandContext,
  options: { type: RequestType; received: string; subject: string; notes: string },
): Promise<void> {
  const created = await withVault(context, () =>
    context.session.services.privacy.add({
      type: options.type,
      receivedOn: options.received,
      subjectRef: options.subject,
      notes: options.notes,
    }),
  );
  context.output.result(
    created,
    () =>
      `Recorded ${options.type} request ${created.id} (${REQUEST_ARTICLES[created.type]}), received ` +
      `${created.receivedOn}, due ${created.dueOn}.`,
  );
}

async function listRequests(
  context: CommandContext,
  options: { status?: (typeof REQUEST_STATUSES)[number]; due?: 'overdue' | 'soon'; limit: number },
): Promise<void> {
  const today = todayIn();
  const page = await withVault(context, () =>
    context.session.services.privacy.list({
      ...(options.status === undefined ? {} : { status: options.status }),
      ...(options.due === undefined ? {} : { due: options.due === 'soon' ? 'dueSoon' : 'overdue' }),
      asOf: today,
      sortBy: 'dueOn',
      limit: options.limit,
    }),
  );
  context.output.result(page, () => [
    ...table(
      ['ID', 'Type', 'Status', 'Received', 'Due', 'Days left', 'Subject'],
      page.rows.map((row) => [
        row.id,
        row.type,
        row.status,
        row.receivedOn,
        row.dueOn,
        daysBetween(today, row.dueOn),
        row.subjectRef,
      ]),
    ),
    `${page.rows.length} of ${page.total} requests`,
  ]);
}

async function addIncident(
  context: CommandContext,
  options: {
    title: string;
    severity: (typeof INCIDENT_SEVERITIES)[number];
    status: (typeof INCIDENT_STATUSES)[number];
    summary: string;
    occurred?: string;
    personalData: 'yes' | 'potentially' | 'no' | 'unknown';
    ref?: string;
  },
): Promise<void> {
  const created = await withVault(context, () =>
    context.session.services.incidents.add({
      title: options.title,
      severity: options.severity,
      status: options.status,
      summary: options.summary,
      occurredOn: options.occurred ?? null,
      personalData: options.personalData,
      externalRef: options.ref ?? null,
    }),
  );
  context.output.result(
    created,
    () =>
      `Recorded incident ${created.id}: ${created.title} (${created.severity}, ${created.status}).`,
  );
}

async function listIncidents(
  context: CommandContext,
  options: { severity?: (typeof INCIDENT_SEVERITIES)[number]; open?: boolean; limit: number },
): Promise<void> {
  const page = await withVault(context, () =>
    context.session.services.incidents.list({
      ...(options.severity === undefined ? {} : { severity: options.severity }),
      ...(options.open === true ? { open: true } : {}),
      sortBy: 'severity',
      sortDirection: 'desc',
      limit: options.limit,
    }),
  );
  context.output.result(page, () => [
    ...table(
      ['ID', 'Severity', 'Status', 'Occurred', 'Personal data', 'Title'],
      page.rows.map((row) => [
        row.id,
        row.severity,
        row.status,
        row.occurredOn,
        row.personalData,
        row.title,
      ]),
    ),
    `${page.rows.length} of ${page.total} incidents`,
  ]);
}
