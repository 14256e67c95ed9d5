import {
  classificationEntryInputSchema,
  type ClassificationEntry,
  type ClassificationEntryDraft,
  type ClassificationEntryInput,
} from '../../shared/domain/classification.js';
import type { ClassificationQuery } from '../../shared/domain/classification-query.js';
import type { Page } from '../../shared/domain/query.js';
import { SynapseError } from '../../shared/errors.js';
import type { Vault } from '../vault/vault.js';
import { parseInput } from '../validation.js';
import { ClassificationRepository } from './repository.js';

export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

const ENTITY = 'classification_entry';

/** Rules for the classification map; every change writes its audit entry in its transaction. */
export class ClassificationService {
  readonly repository: ClassificationRepository;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
  ) {
    this.repository = new ClassificationRepository(vault.db);
  }

  create(input: ClassificationEntryInput): ClassificationEntry {
    const draft = parseInput(classificationEntryInputSchema, input, 'classification entry');

    return this.vault.transaction(() => {
      const existing = this.repository.findByKey(draft.system, draft.dataset, draft.field);
      if (existing !== null) {
        throw new SynapseError(
          'INVALID_INPUT',
          `An entry for ${draft.system} / ${draft.dataset} / ${draft.field} already exists ` +
            `(id ${existing.id}). Edit that entry instead.`,
        );
      }
      const id = this.repository.insert(draft, new Date().toISOString());
      const created = this.mustGet(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.create',
        entityType: ENTITY,
        entityId: id,
        after: created,
      });
      return created;
    });
  }

  update(id: number, changes: Partial<ClassificationEntryInput>): ClassificationEntry {
    return this.vault.transaction(() => {
      const before = this.mustGet(id);
      const draft = parseInput(
        classificationEntryInputSchema,
        { ...before, ...changes },
        'classification entry',
      );
      this.repository.update(id, draft, new Date().toISOString());
      const after = this.mustGet(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.update',
        entityType: ENTITY,
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  delete(id: number): void {
    this.vault.transaction(() => {
      const before = this.mustGet(id);
      this.repository.delete(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.delete',
        entityType: ENTITY,
        entityId: id,
        before,
      });
    });
  }

  list(query?: ClassificationQuery): Page<ClassificationEntry> {
    return this.repository.list(query);
  }

  /**
   * Stores a whole batch in one transaction: an entry with the same system, dataset and field is
   * updated, others are inserted. One invalid record rejects the batch and stores nothing.
   */
  importEntries(
    records: readonly ClassificationEntryInput[],
    origin: string,
    onProgress?: (done: number, total: number) => void,
  ): ImportSummary {
    const drafts = records.map((record, index) =>
      parseInput(
        classificationEntryInputSchema,
        record,
        `classification entry ${index + 1} of ${origin}`,
      ),
    );

    return this.vault.transaction(() => {
      const summary: ImportSummary = { inserted: 0, updated: 0, unchanged: 0 };
      const now = new Date().toISOString();

      drafts.forEach((draft, index) => {
        this.importOne(draft, now, summary);
        if (onProgress !== undefined && (index % 1000 === 999 || index === drafts.length - 1)) {
          onProgress(index + 1, drafts.length);
        }
      });

      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.import',
        entityType: 'import',
        after: { origin, ...summary },
      });
      return summary;
    });
  }

  private importOne(draft: ClassificationEntryDraft, now: string, summary: ImportSummary): void {
    const existing = this.repository.findByKey(draft.system, draft.dataset, draft.field);
    if (existing === null) {
      const id = this.repository.insert(draft, now);
      summary.inserted++;
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.create',
        entityType: ENTITY,
        entityId: id,
        after: { ...draft, id },
      });
      return;
    }

    if (sameContent(existing, draft)) {
      summary.unchanged++;
      return;
    }
    this.repository.update(existing.id, draft, now);
    summary.updated++;
    this.vault.audit.append({
      actor: this.actor,
      action: 'classification.update',
      entityType: ENTITY,
      entityId: existing.id,
      before: existing,
      after: { ...draft, id: existing.id },
    });
  }

  private mustGet(id: number): ClassificationEntry {
    const entry = this.repository.get(id);
    if (entry === null) {
      throw new SynapseError('NOT_FOUND', `No classification entry with id ${id}.`);
    }
    return entry;
  }
}

function sameContent(existing: ClassificationEntry, draft: ClassificationEntryDraft): boolean {
  return (Object.keys(draft) as (keyof ClassificationEntryDraft)[]).every(
    (key) => existing[key] === draft[key],
  );
}
