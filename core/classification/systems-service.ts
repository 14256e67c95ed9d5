import {
  dataSystemInputSchema,
  datasetInputSchema,
  type DataSystem,
  type DataSystemInput,
  type Dataset,
  type DatasetInput,
  type DatasetKind,
} from '../../shared/domain/data-systems.js';
import { SynapseError } from '../../shared/errors.js';
import { parseInput } from '../validation.js';
import type { Vault } from '../vault/vault.js';
import { SystemsRepository } from './systems-repository.js';

export const SYSTEM_ENTITY = 'data_system';
export const DATASET_ENTITY = 'dataset';

/**
 * Looks up dataset ids by system and dataset name during one batch, so an import of 100,000 fields
 * does not query the same system and dataset for every row.
 */
export type DatasetCache = Map<string, number>;

/** Systems and datasets of the classification map; every change writes its audit entry. */
export class SystemService {
  readonly repository: SystemsRepository;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
  ) {
    this.repository = new SystemsRepository(vault.db);
  }

  listSystems(): DataSystem[] {
    return this.repository.listSystems();
  }

  getSystem(id: number): DataSystem {
    const system = this.repository.getSystem(id);
    if (system === null) {
      throw new SynapseError('NOT_FOUND', `No system with id ${id}.`);
    }
    return system;
  }

  findSystem(name: string): DataSystem | null {
    return this.repository.findSystem(name);
  }

  createSystem(input: DataSystemInput): DataSystem {
    const draft = parseInput(dataSystemInputSchema, input, 'system');

    return this.vault.transaction(() => {
      this.assertSystemNameFree(draft.name, null);
      const id = this.repository.insertSystem(draft, new Date().toISOString());
      const created = this.getSystem(id);
      this.audit('create', SYSTEM_ENTITY, id, undefined, systemSnapshot(created));
      return created;
    });
  }

  /** Changes a system; a new name shows on every field filed under it. */
  updateSystem(id: number, changes: Partial<DataSystemInput>): DataSystem {
    return this.vault.transaction(() => {
      const before = this.getSystem(id);
      const draft = parseInput(dataSystemInputSchema, { ...before, ...changes }, 'system');
      this.assertSystemNameFree(draft.name, id);

      this.repository.updateSystem(id, draft, new Date().toISOString());
      const after = this.getSystem(id);
      this.audit('update', SYSTEM_ENTITY, id, systemSnapshot(before), systemSnapshot(after));
      return after;
    });
  }

  /** Deletes an empty system; one with datasets is kept, because its fields would be lost. */
  deleteSystem(id: number): void {
    this.vault.transaction(() => {
      const before = this.getSystem(id);
      if (before.datasetCount > 0) {
        throw new SynapseError(
          'INVALID_INPUT',
          `System "${before.name}" still has ${before.datasetCount} datasets. Delete or move ` +
            'them first.',
        );
      }
      this.repository.deleteSystem(id);
      this.audit('delete', SYSTEM_ENTITY, id, systemSnapshot(before), undefined);
    });
  }

  listDatasets(systemId?: number): Dataset[] {
    return this.repository.listDatasets(systemId);
  }

  getDataset(id: number): Dataset {
    const dataset = this.repository.getDataset(id);
    if (dataset === null) {
      throw new SynapseError('NOT_FOUND', `No dataset with id ${id}.`);
    }
    return dataset;
  }

  createDataset(input: DatasetInput): Dataset {
    const draft = parseInput(datasetInputSchema, input, 'dataset');

    return this.vault.transaction(() => {
      const system = this.getSystem(draft.systemId);
      this.assertDatasetNameFree(system, draft.name, null);
      const id = this.repository.insertDataset(draft, new Date().toISOString());
      const created = this.getDataset(id);
      this.audit('create', DATASET_ENTITY, id, undefined, datasetSnapshot(created));
      return created;
    });
  }

  /** Changes a dataset; a new systemId moves it, with its fields, to that system. */
  updateDataset(id: number, changes: Partial<DatasetInput>): Dataset {
    return this.vault.transaction(() => {
      const before = this.getDataset(id);
      const draft = parseInput(datasetInputSchema, { ...before, ...changes }, 'dataset');
      this.assertDatasetNameFree(this.getSystem(draft.systemId), draft.name, id);

      this.repository.updateDataset(id, draft, new Date().toISOString());
      const after = this.getDataset(id);
      this.audit('update', DATASET_ENTITY, id, datasetSnapshot(before), datasetSnapshot(after));
      return after;
    });
  }

  /** Deletes a dataset without fields. */
  deleteDataset(id: number): void {
    this.vault.transaction(() => {
      const before = this.getDataset(id);
      if (before.fieldCount > 0) {
        throw new SynapseError(
          'INVALID_INPUT',
          `Dataset "${before.name}" of ${before.system} still has ${before.fieldCount} fields. ` +
            'Delete or move them first.',
        );
      }
      this.repository.deleteDataset(id);
      this.audit('delete', DATASET_ENTITY, id, datasetSnapshot(before), undefined);
    });
  }

  /**
   * Returns the id of the dataset with this name in the system with this name, creating either
   * one (with its audit entry) when it does not exist yet. Must run inside a transaction.
   */
  ensureDataset(
    systemName: string,
    datasetName: string,
    kind: DatasetKind = 'table',
    cache?: DatasetCache,
  ): number {
    const key = JSON.stringify([systemName, datasetName]);
    const cached = cache?.get(key);
    if (cached !== undefined) {
      return cached;
    }

    // The id lookups skip the field counts, which would read every field of a large system.
    const now = new Date().toISOString();
    let systemId = this.repository.findSystemId(systemName);
    if (systemId === null) {
      const draft = dataSystemInputSchema.parse({ name: systemName });
      systemId = this.repository.insertSystem(draft, now);
      this.audit(
        'create',
        SYSTEM_ENTITY,
        systemId,
        undefined,
        systemSnapshot(this.getSystem(systemId)),
      );
    }

    let datasetId = this.repository.findDatasetId(systemId, datasetName);
    if (datasetId === null) {
      const draft = datasetInputSchema.parse({ systemId, name: datasetName, kind });
      datasetId = this.repository.insertDataset(draft, now);
      const created = this.getDataset(datasetId);
      this.audit('create', DATASET_ENTITY, datasetId, undefined, datasetSnapshot(created));
    }

    cache?.set(key, datasetId);
    return datasetId;
  }

  private assertSystemNameFree(name: string, ownId: number | null): void {
    const existing = this.repository.findSystem(name);
    if (existing !== null && existing.id !== ownId) {
      throw new SynapseError(
        'INVALID_INPUT',
        `A system named "${name}" already exists (id ${existing.id}). Choose another name.`,
      );
    }
  }

  private assertDatasetNameFree(system: DataSystem, name: string, ownId: number | null): void {
    const existing = this.repository.findDataset(system.id, name);
    if (existing !== null && existing.id !== ownId) {
      throw new SynapseError(
        'INVALID_INPUT',
        `System "${system.name}" already has a dataset named "${name}" (id ${existing.id}).`,
      );
    }
  }

  private audit(
    verb: 'create' | 'update' | 'delete',
    entityType: string,
    id: number,
    before: unknown,
    after: unknown,
  ): void {
    const noun = entityType === SYSTEM_ENTITY ? 'system' : 'dataset';
    this.vault.audit.append({
      actor: this.actor,
      action: `classification.${noun}.${verb}`,
      entityType,
      entityId: id,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  }
}

/** Returns the system as the audit trail records it: without the counts, which change on their own. */
export function systemSnapshot(system: DataSystem) {
  const { datasetCount: _datasets, fieldCount: _fields, ...rest } = system;
  return rest;
}

export function datasetSnapshot(dataset: Dataset) {
  const { fieldCount: _fields, ...rest } = dataset;
  return rest;
}
