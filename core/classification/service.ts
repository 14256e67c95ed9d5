import {
  classificationEntryInputSchema,
  type ClassificationEntry,
  type ClassificationEntryDraft,
  type ClassificationEntryInput,
} from '../../shared/domain/classification.js';
import type { ClassificationQuery } from '../../shared/domain/classification-query.js';
import type { DatasetKind } from '../../shared/domain/data-systems.js';
import type { Page } from '../../shared/domain/query.js';
import { SynapseError } from '../../shared/errors.js';
import type { Vault } from '../vault/vault.js';
import { parseInput } from '../validation.js';
import { ClassificationRepository } from './repository.js';
import { ScaleService } from './scale-service.js';
import { SystemService, type DatasetCache } from './systems-service.js';

export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportEntriesOptions {
  onProgress?: (done: number, total: number) => void;
  /** Kind of the datasets the import creates; 'table' by default. */
  datasetKind?: DatasetKind;
  /** Extra facts for the import's own audit entry, such as the mode and the rejected rows. */
  auditDetails?: Record<string, unknown>;
}

/** Fields a bulk edit can set on many entries at once. */
export type BulkEntryChanges = Partial<
  Pick<ClassificationEntryInput, 'level' | 'owner' | 'retention'>
>;

export interface BulkUpdateSummary {
  updated: number;
  /** Entries that already had the requested values. */
  unchanged: number;
}

export const ENTRY_ENTITY = 'classification_entry';

/** Rules for the classification map; every change writes its audit entry in its transaction. */
export class ClassificationService {
  readonly repository: ClassificationRepository;
  readonly systems: SystemService;
  readonly scale: ScaleService;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
    systems?: SystemService,
    scale?: ScaleService,
  ) {
    this.repository = new ClassificationRepository(vault.db);
    this.systems = systems ?? new SystemService(vault, actor);
    this.scale = scale ?? new ScaleService(vault, actor);
  }

  get(id: number): ClassificationEntry {
    return this.mustGet(id);
  }

  create(input: ClassificationEntryInput): ClassificationEntry {
    const draft = this.parse(input, 'classification entry');

    return this.vault.transaction(() => {
      const existing = this.repository.findByKey(draft.system, draft.dataset, draft.field);
      if (existing !== null) {
        throw new SynapseError(
          'INVALID_INPUT',
          `An entry for ${draft.system} / ${draft.dataset} / ${draft.field} already exists ` +
            `(id ${existing.id}). Edit that entry instead.`,
        );
      }
      const datasetId = this.systems.ensureDataset(draft.system, draft.dataset);
      const id = this.repository.insert(datasetId, draft, new Date().toISOString());
      const created = this.mustGet(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.create',
        entityType: ENTRY_ENTITY,
        entityId: id,
        after: created,
      });
      return created;
    });
  }

  /** Changes an entry; a new system or dataset name files it there, creating them if needed. */
  update(id: number, changes: Partial<ClassificationEntryInput>): ClassificationEntry {
    return this.vault.transaction(() => {
      const before = this.mustGet(id);
      const draft = this.parse({ ...before, ...changes }, 'classification entry');
      const clash = this.repository.findByKey(draft.system, draft.dataset, draft.field);
      if (clash !== null && clash.id !== id) {
        throw new SynapseError(
          'INVALID_INPUT',
          `An entry for ${draft.system} / ${draft.dataset} / ${draft.field} already exists ` +
            `(id ${clash.id}). Edit or delete that entry first.`,
        );
      }

      const datasetId = this.systems.ensureDataset(draft.system, draft.dataset);
      this.repository.update(id, datasetId, draft, new Date().toISOString());
      const after = this.mustGet(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.update',
        entityType: ENTRY_ENTITY,
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Applies the same changes to many entries in one transaction, with one audit entry per entry
   * that changed. An unknown id or an invalid result rejects the whole batch and stores nothing.
   */
  bulkUpdate(ids: readonly number[], changes: BulkEntryChanges): BulkUpdateSummary {
    const uniqueIds = [...new Set(ids)];

    return this.vault.transaction(() => {
      const now = new Date().toISOString();
      const summary: BulkUpdateSummary = { updated: 0, unchanged: 0 };

      for (const id of uniqueIds) {
        const before = this.mustGet(id);
        const draft = this.parse({ ...before, ...changes }, `classification entry ${id}`);
        if (sameContent(before, draft)) {
          summary.unchanged++;
          continue;
        }

        this.repository.update(id, before.datasetId, draft, now);
        summary.updated++;
        this.vault.audit.append({
          actor: this.actor,
          action: 'classification.bulk_update',
          entityType: ENTRY_ENTITY,
          entityId: id,
          before,
          after: this.mustGet(id),
        });
      }
      return summary;
    });
  }

  delete(id: number): void {
    this.vault.transaction(() => {
      const before = this.mustGet(id);
      this.repository.delete(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.delete',
        entityType: ENTRY_ENTITY,
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
    onProgress?: ((done: number, total: number) => void) | ImportEntriesOptions,
  ): ImportSummary {
    const options = typeof onProgress === 'function' ? { onProgress } : (onProgress ?? {});
    const drafts = records.map((record, index) =>
      this.parse(record, `classification entry ${index + 1} of ${origin}`),
    );

    return this.vault.transaction(() => {
      const summary: ImportSummary = { inserted: 0, updated: 0, unchanged: 0 };
      const now = new Date().toISOString();
      const datasets: DatasetCache = new Map();
      const kind = options.datasetKind ?? 'table';

      drafts.forEach((draft, index) => {
        const datasetId = this.systems.ensureDataset(draft.system, draft.dataset, kind, datasets);
        this.importOne(draft, datasetId, now, summary);
        const isLast = index === drafts.length - 1;
        if (options.onProgress !== undefined && (index % 1000 === 999 || isLast)) {
          options.onProgress(index + 1, drafts.length);
        }
      });

      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.import',
        entityType: 'import',
        after: { origin, ...summary, ...options.auditDetails },
      });
      return summary;
    });
  }

  /** Validates an entry and puts its level on the active scale; throws INVALID_INPUT if not. */
  parse(input: unknown, subject: string): ClassificationEntryDraft {
    const draft = parseInput(classificationEntryInputSchema, input, subject);
    const level = this.scale.resolve(draft.level);
    if (level === null) {
      const names = this.scale.get().levels.map((candidate) => candidate.name);
      throw new SynapseError(
        'INVALID_INPUT',
        `Invalid ${subject}: level ("${draft.level}"): not on the vault's classification ` +
          `scale; use one of ${names.join(', ')}.`,
      );
    }
    return { ...draft, level };
  }

  private importOne(
    draft: ClassificationEntryDraft,
    datasetId: number,
    now: string,
    summary: ImportSummary,
  ): void {
    const existing = this.repository.findByKey(draft.system, draft.dataset, draft.field);
    if (existing === null) {
      const id = this.repository.insert(datasetId, draft, now);
      summary.inserted++;
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.create',
        entityType: ENTRY_ENTITY,
        entityId: id,
        after: this.mustGet(id),
      });
      return;
    }

    if (sameContent(existing, draft)) {
      summary.unchanged++;
      return;
    }
    this.repository.update(existing.id, datasetId, draft, now);
    summary.updated++;
    this.vault.audit.append({
      actor: this.actor,
      action: 'classification.update',
      entityType: ENTRY_ENTITY,
      entityId: existing.id,
      before: existing,
      after: this.mustGet(existing.id),
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

/** True when the draft would not change the stored entry; lists compare item by item. */
export function sameContent(
  existing: ClassificationEntry,
  draft: ClassificationEntryDraft,
): boolean {
  return (Object.keys(draft) as (keyof ClassificationEntryDraft)[]).every((key) => {
    const stored = existing[key];
    const wanted = draft[key];
    if (Array.isArray(stored) && Array.isArray(wanted)) {
      return stored.length === wanted.length && stored.every((item, i) => item === wanted[i]);
    }
    return stored === wanted;
  });
}
