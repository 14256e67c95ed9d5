import { InvalidArgumentError, Option, type Command } from 'commander';

import {
  LEGAL_BASES,
  PERSONAL_DATA_CATEGORIES,
  type ClassificationEntryInput,
} from '../../shared/domain/classification.js';
import {
  PROPOSAL_STATUSES,
  type ProposalStatus,
} from '../../shared/domain/classification-review.js';
import { withVault, type CommandContext } from '../context.js';
import { table } from '../output.js';
import type { Run } from '../runner.js';
import { parseLimit } from './records.js';

interface AcceptOptions {
  level?: string;
  category?: (typeof PERSONAL_DATA_CATEGORIES)[number];
  personal?: 'yes' | 'no';
  owner?: string;
  purpose?: string;
  legalBasis?: (typeof LEGAL_BASES)[number];
  retention?: string;
}

export function registerReviewCommands(program: Command, run: Run): void {
  const review = program
    .command('review')
    .description('The review queue of discovery scans (fill it with "scan ... --apply")');
  review
    .command('list')
    .description('List scan proposals, pending ones by default')
    .option('--run <id>', 'only proposals of this scan', parseId)
    .addOption(
      new Option('--status <status>', 'only this status')
        .choices(PROPOSAL_STATUSES)
        .default('pending'),
    )
    .option('--personal', 'only proposals that flag personal data')
    .option('--limit <n>', 'maximum number of rows to print (1 to 1000)', parseLimit, 100)
    .action(run(listProposals));
  review
    .command('accept')
    .description('Accept proposals as entries of the map; options change them before accepting')
    .argument('<ids...>', 'proposal ids', (value, previous: number[] = []) => [
      ...previous,
      parseId(value),
    ])
    .option('--level <name>', 'level instead of the proposed one')
    .addOption(
      new Option('--category <category>', 'category instead of the proposed one').choices(
        PERSONAL_DATA_CATEGORIES,
      ),
    )
    .addOption(new Option('--personal <yes-no>', 'personal data or not').choices(['yes', 'no']))
    .option('--owner <owner>', 'owner of the field')
    .option('--purpose <text>', 'purpose of the processing')
    .addOption(new Option('--legal-basis <basis>', 'GDPR Art. 6(1) basis').choices(LEGAL_BASES))
    .option('--retention <duration>', 'retention period as ISO 8601, such as P6Y')
    .action(run(acceptProposals));
  review
    .command('reject')
    .description('Reject proposals; the map does not change')
    .argument('<ids...>', 'proposal ids', (value, previous: number[] = []) => [
      ...previous,
      parseId(value),
    ])
    .action(run(rejectProposals));
  review
    .command('runs')
    .description('List the stored scans, newest first')
    .option('--limit <n>', 'maximum number of scans to print (1 to 1000)', parseLimit, 20)
    .action(run(listRuns));
  review
    .command('diff')
    .description('What a scan found new, changed or removed since the previous scan of its source')
    .argument('<run>', 'scan id', parseId)
    .action(run(diffRun));
}

export function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) {
    throw new InvalidArgumentError(`"${value}" is not an id (a whole number from 1).`);
  }
  return id;
}

async function listProposals(
  context: CommandContext,
  options: { run?: number; status: ProposalStatus; personal?: boolean; limit: number },
): Promise<void> {
  const page = await withVault(context, () =>
    context.session.services.classificationReview.listProposals({
      status: options.status,
      limit: options.limit,
      ...(options.run === undefined ? {} : { runId: options.run }),
      ...(options.personal === true ? { personalData: true } : {}),
    }),
  );

  context.output.result(page, () => [
    ...table(
      [
        'ID',
        'Scan',
        'Dataset',
        'Field',
        'Personal',
        'Category',
        'Level',
        'Conf.',
        'Change',
        'In map',
      ],
      page.rows.map((proposal) => [
        proposal.id,
        proposal.runId,
        proposal.dataset,
        proposal.field,
        proposal.personalData ? 'yes' : 'no',
        proposal.category,
        proposal.level ?? `${proposal.proposedLevel} (not on scale)`,
        proposal.confidence.toFixed(2),
        proposal.change,
        proposal.existingLevel,
      ]),
    ),
    `${page.rows.length} of ${page.total} ${options.status} proposals`,
  ]);
}

async function acceptProposals(
  context: CommandContext,
  ids: number[],
  options: AcceptOptions,
): Promise<void> {
  const changes: Partial<ClassificationEntryInput> = {
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(options.category === undefined ? {} : { category: options.category }),
    ...(options.personal === undefined ? {} : { personalData: options.personal === 'yes' }),
    ...(options.owner === undefined ? {} : { owner: options.owner }),
    ...(options.purpose === undefined ? {} : { purpose: options.purpose }),
    ...(options.legalBasis === undefined ? {} : { legalBasis: options.legalBasis }),
    ...(options.retention === undefined ? {} : { retention: options.retention }),
  };

  // All of them or none: one transaction around every decision.
  const accepted = await withVault(context, () => {
    const services = context.session.services;
    return services.vault.transaction(() =>
      ids.map((id) => services.classificationReview.accept(id, changes)),
    );
  });

  context.output.result(accepted, () =>
    accepted.map(
      ({ proposal, entry }) =>
        `Accepted proposal ${proposal.id}: ${entry.system} / ${entry.dataset} / ${entry.field} ` +
        `is entry ${entry.id} at ${entry.level}.`,
    ),
  );
}

async function rejectProposals(context: CommandContext, ids: number[]): Promise<void> {
  const rejected = await withVault(context, () => {
    const services = context.session.services;
    return services.vault.transaction(() =>
      ids.map((id) => services.classificationReview.reject(id)),
    );
  });

  context.output.result(rejected, () =>
    rejected.map(
      (proposal) => `Rejected proposal ${proposal.id}: ${proposal.dataset}.${proposal.field}.`,
    ),
  );
}

async function listRuns(context: CommandContext, options: { limit: number }): Promise<void> {
  const runs = await withVault(context, () =>
    context.session.services.classificationReview.listRuns(options.limit),
  );

  context.output.result(runs, () => [
    ...table(
      ['Scan', 'Kind', 'File', 'System', 'Scanned at', 'Fields', 'Personal', 'Pending'],
      runs.map((run) => [
        run.id,
        run.sourceKind,
        run.fileName,
        run.system,
        run.scannedAt,
        run.fields,
        run.personalFields,
        run.pending,
      ]),
    ),
    `${runs.length} scans`,
  ]);
}

async function diffRun(context: CommandContext, runId: number): Promise<void> {
  const diff = await withVault(context, () =>
    context.session.services.classificationReview.diffRun(runId),
  );

  const name = (field: { dataset: string; field: string }) => `${field.dataset}.${field.field}`;
  context.output.result(diff, () => [
    diff.previousRunId === null
      ? `Scan ${runId} is the first scan of its source; every field is new.`
      : `Scan ${runId} against scan ${diff.previousRunId}: ${diff.added.length} new, ` +
        `${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged.`,
    ...diff.added.map((field) => `+ ${name(field)} ${field.category ?? ''}`.trimEnd()),
    ...diff.removed.map((field) => `- ${name(field)}`),
    ...diff.changed.map((change) => `~ ${name(change.after)}: ${change.changes.join(', ')}`),
  ]);
}
