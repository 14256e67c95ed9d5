import type { ScanProposal } from '../../../../shared/domain/classification-review.js';
import type { ScanApplyResult } from '../../../../shared/ipc/classification.js';
import type { ComplianceServices } from '../../../services.js';
import type { JobRun } from '../jobs.js';

/** Proposals read per query; the list query's own maximum. */
const PAGE_SIZE = 1000;

/**
 * Decides the pending proposals of a recorded scan in one transaction: every proposal is
 * accepted unless its column is in `exclude`, which is rejected. If one decision fails, none is
 * kept, and the proposals stay pending in the review queue.
 */
export function decideScanProposals(
  services: ComplianceServices,
  runId: number,
  exclude: readonly { table: string; column: string }[],
  job: JobRun,
): ScanApplyResult {
  const review = services.classificationReview;
  const excluded = new Set(exclude.map(({ table, column }) => JSON.stringify([table, column])));

  // 1. Collect the pending proposals before deciding, since deciding changes what is pending.
  const pending: ScanProposal[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = review.listProposals({ runId, status: 'pending', limit: PAGE_SIZE, offset });
    pending.push(...page.rows);
    if (pending.length >= page.total || page.rows.length === 0) break;
  }
  const fields = review.getRun(runId).fields;

  // 2. Accept or reject each one, all or none.
  let accepted = 0;
  let rejected = 0;
  services.vault.transaction(() => {
    pending.forEach((proposal, index) => {
      if (excluded.has(JSON.stringify([proposal.dataset, proposal.field]))) {
        review.reject(proposal.id);
        rejected++;
      } else {
        review.accept(proposal.id);
        accepted++;
      }
      job.progress('storing', index + 1, pending.length);
    });
  });

  return { runId, accepted, rejected, alreadyDecided: fields - pending.length, queued: 0 };
}
