import type { IncidentQuery } from '../../shared/domain/incident-query.js';
import {
  incidentInputSchema,
  type Incident,
  type IncidentDraft,
  type IncidentInput,
} from '../../shared/domain/incidents.js';
import type { Page } from '../../shared/domain/query.js';
import { SynapseError } from '../../shared/errors.js';
import type { ImportSummary } from '../classification/service.js';
import type { Vault } from '../vault/vault.js';
import { parseInput } from '../validation.js';
import { IncidentRepository } from './repository.js';

const ENTITY = 'incident';

/** Security incidents; imports match existing incidents by their external reference. */
export class IncidentService {
  readonly repository: IncidentRepository;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
  ) {
    this.repository = new IncidentRepository(vault.db);
  }

  add(input: IncidentInput): Incident {
    const draft = parseInput(incidentInputSchema, input, 'incident');

    return this.vault.transaction(() => {
      this.assertNewRef(draft.externalRef);
      const id = this.repository.insert(draft, new Date().toISOString());
      const created = this.mustGet(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'incident.create',
        entityType: ENTITY,
        entityId: id,
        after: created,
      });
      return created;
    });
  }

  update(id: number, changes: Partial<IncidentInput>): Incident {
    return this.vault.transaction(() => {
      const before = this.mustGet(id);
      const draft = parseInput(incidentInputSchema, { ...before, ...changes }, 'incident');
      if (draft.externalRef !== before.externalRef) this.assertNewRef(draft.externalRef);
      this.repository.update(id, draft, new Date().toISOString());
      const after = this.mustGet(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'incident.update',
        entityType: ENTITY,
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  list(query?: IncidentQuery): Page<Incident> {
    return this.repository.list(query);
  }

  /** Stores a batch in one transaction; an incident already imported is updated in place. */
  importIncidents(records: readonly IncidentInput[], origin: string): ImportSummary {
    const drafts = records.map((record, index) =>
      parseInput(incidentInputSchema, record, `incident ${index + 1} of ${origin}`),
    );

    return this.vault.transaction(() => {
      const summary: ImportSummary = { inserted: 0, updated: 0, unchanged: 0 };
      const now = new Date().toISOString();
      for (const draft of drafts) this.importOne(draft, now, summary);

      this.vault.audit.append({
        actor: this.actor,
        action: 'incident.import',
        entityType: 'import',
        after: { origin, ...summary },
      });
      return summary;
    });
  }

  private importOne(draft: IncidentDraft, now: string, summary: ImportSummary): void {
    const existing =
      draft.externalRef === null ? null : this.repository.findByExternalRef(draft.externalRef);
    if (existing === null) {
      const id = this.repository.insert(draft, now);
      summary.inserted++;
      this.vault.audit.append({
        actor: this.actor,
        action: 'incident.create',
        entityType: ENTITY,
        entityId: id,
        after: { ...draft, id },
      });
      return;
    }

    const unchanged = (Object.keys(draft) as (keyof IncidentDraft)[]).every(
      (key) => JSON.stringify(existing[key]) === JSON.stringify(draft[key]),
    );
    if (unchanged) {
      summary.unchanged++;
      return;
    }
    this.repository.update(existing.id, draft, now);
    summary.updated++;
    this.vault.audit.append({
      actor: this.actor,
      action: 'incident.update',
      entityType: ENTITY,
      entityId: existing.id,
      before: existing,
      after: { ...draft, id: existing.id },
    });
  }

  private assertNewRef(externalRef: string | null): void {
    if (externalRef === null) return;
    const existing = this.repository.findByExternalRef(externalRef);
    if (existing !== null) {
      throw new SynapseError(
        'INVALID_INPUT',
        `Incident reference "${externalRef}" is already used by incident ${existing.id}. ` +
          'Use another reference or edit that incident.',
      );
    }
  }

  private mustGet(id: number): Incident {
    const incident = this.repository.get(id);
    if (incident === null) throw new SynapseError('NOT_FOUND', `No incident with id ${id}.`);
    return incident;
  }
}
