import type { FindingQuery } from '../../shared/domain/finding-query.js';
import {
  securityFindingInputSchema,
  type SecurityFinding,
  type SecurityFindingInput,
} from '../../shared/domain/findings.js';
import type { Page } from '../../shared/domain/query.js';
import type { ImportSummary } from '../classification/service.js';
import type { Vault } from '../vault/vault.js';
import { parseInput } from '../validation.js';
import { FindingRepository } from './repository.js';

const ENTITY = 'security_finding';

/** Security findings from scanners; a finding seen again keeps its id and first-seen time. */
export class FindingService {
  readonly repository: FindingRepository;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
  ) {
    this.repository = new FindingRepository(vault.db);
  }

  list(query?: FindingQuery): Page<SecurityFinding> {
    return this.repository.list(query);
  }

  importFindings(records: readonly SecurityFindingInput[], origin: string): ImportSummary {
    const drafts = records.map((record, index) =>
      parseInput(securityFindingInputSchema, record, `finding ${index + 1} of ${origin}`),
    );

    return this.vault.transaction(() => {
      const summary: ImportSummary = { inserted: 0, updated: 0, unchanged: 0 };
      const now = new Date().toISOString();

      for (const draft of drafts) {
        const existing = this.repository.findByFingerprint(draft.fingerprint);
        if (existing === null) {
          const id = this.repository.insert(draft, now);
          summary.inserted++;
          this.vault.audit.append({
            actor: this.actor,
            action: 'finding.create',
            entityType: ENTITY,
            entityId: id,
            after: { ...draft, id },
          });
          continue;
        }

        // Seen again: refresh last_seen_at; only a changed finding gets an audit entry.
        const changed = (['title', 'severity', 'location', 'score', 'status'] as const).some(
          (key) => existing[key] !== draft[key],
        );
        this.repository.update(existing.id, draft, now);
        if (!changed) {
          summary.unchanged++;
          continue;
        }
        summary.updated++;
        this.vault.audit.append({
          actor: this.actor,
          action: 'finding.update',
          entityType: ENTITY,
          entityId: existing.id,
          before: existing,
          after: { ...draft, id: existing.id },
        });
      }

      this.vault.audit.append({
        actor: this.actor,
        action: 'finding.import',
        entityType: 'import',
        after: { origin, ...summary },
      });
      return summary;
    });
  }
}
