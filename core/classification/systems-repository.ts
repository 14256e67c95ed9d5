import type { Database } from 'better-sqlite3-multiple-ciphers';

import type {
  DataSystem,
  DataSystemDraft,
  Dataset,
  DatasetDraft,
} from '../../shared/domain/data-systems.js';

interface SystemRow {
  id: number;
  name: string;
  description: string;
  owner: string;
  location: string;
  dpa_in_place: number;
  dataset_count: number;
  field_count: number;
  created_at: string;
  updated_at: string;
}

interface DatasetRow {
  id: number;
  system_id: number;
  system: string;
  name: string;
  kind: string;
  description: string;
  field_count: number;
  created_at: string;
  updated_at: string;
}

const SYSTEM_SELECT = `
  SELECT s.*,
    (SELECT count(*) FROM datasets d WHERE d.system_id = s.id) AS dataset_count,
    (SELECT count(*) FROM classification_entries e JOIN datasets d ON d.id = e.dataset_id
      WHERE d.system_id = s.id) AS field_count
  FROM data_systems s`;

const DATASET_SELECT = `
  SELECT d.*, s.name AS system,
    (SELECT count(*) FROM classification_entries e WHERE e.dataset_id = d.id) AS field_count
  FROM datasets d JOIN data_systems s ON s.id = d.system_id`;

/** SQL for the systems and datasets of the classification map. */
export class SystemsRepository {
  private readonly allSystems;
  private readonly systemById;
  private readonly systemByName;
  private readonly systemIdByName;
  private readonly datasetIdByName;
  private readonly insertSystemStatement;
  private readonly updateSystemStatement;
  private readonly deleteSystemStatement;
  private readonly allDatasets;
  private readonly datasetsOfSystem;
  private readonly datasetById;
  private readonly datasetByName;
  private readonly insertDatasetStatement;
  private readonly updateDatasetStatement;
  private readonly deleteDatasetStatement;

  constructor(db: Database) {
    this.allSystems = db.prepare(`${SYSTEM_SELECT} ORDER BY s.name, s.id`);
    this.systemById = db.prepare(`${SYSTEM_SELECT} WHERE s.id = ?`);
    this.systemByName = db.prepare(`${SYSTEM_SELECT} WHERE s.name = ?`);
    this.systemIdByName = db.prepare('SELECT id FROM data_systems WHERE name = ?').pluck();
    this.datasetIdByName = db
      .prepare('SELECT id FROM datasets WHERE system_id = ? AND name = ?')
      .pluck();
    this.insertSystemStatement = db.prepare(
      `INSERT INTO data_systems (name, description, owner, location, dpa_in_place, created_at,
         updated_at)
       VALUES (@name, @description, @owner, @location, @dpa_in_place, @now, @now)`,
    );
    this.updateSystemStatement = db.prepare(
      `UPDATE data_systems SET name = @name, description = @description, owner = @owner,
         location = @location, dpa_in_place = @dpa_in_place, updated_at = @now
       WHERE id = @id`,
    );
    this.deleteSystemStatement = db.prepare('DELETE FROM data_systems WHERE id = ?');

    this.allDatasets = db.prepare(`${DATASET_SELECT} ORDER BY s.name, d.name, d.id`);
    this.datasetsOfSystem = db.prepare(`${DATASET_SELECT} WHERE d.system_id = ? ORDER BY d.name`);
    this.datasetById = db.prepare(`${DATASET_SELECT} WHERE d.id = ?`);
    this.datasetByName = db.prepare(`${DATASET_SELECT} WHERE d.system_id = ? AND d.name = ?`);
    this.insertDatasetStatement = db.prepare(
      `INSERT INTO datasets (system_id, name, kind, description, created_at, updated_at)
       VALUES (@system_id, @name, @kind, @description, @now, @now)`,
    );
    this.updateDatasetStatement = db.prepare(
      `UPDATE datasets SET system_id = @system_id, name = @name, kind = @kind,
         description = @description, updated_at = @now
       WHERE id = @id`,
    );
    this.deleteDatasetStatement = db.prepare('DELETE FROM datasets WHERE id = ?');
  }

  listSystems(): DataSystem[] {
    return (this.allSystems.all() as SystemRow[]).map(toSystem);
  }

  getSystem(id: number): DataSystem | null {
    const row = this.systemById.get(id) as SystemRow | undefined;
    return row === undefined ? null : toSystem(row);
  }

  findSystem(name: string): DataSystem | null {
    const row = this.systemByName.get(name) as SystemRow | undefined;
    return row === undefined ? null : toSystem(row);
  }

  /** Looks up a system id by name without counting its fields, for batch imports. */
  findSystemId(name: string): number | null {
    return (this.systemIdByName.get(name) as number | undefined) ?? null;
  }

  findDatasetId(systemId: number, name: string): number | null {
    return (this.datasetIdByName.get(systemId, name) as number | undefined) ?? null;
  }

  insertSystem(draft: DataSystemDraft, now: string): number {
    const result = this.insertSystemStatement.run({ ...systemParams(draft), now });
    return Number(result.lastInsertRowid);
  }

  updateSystem(id: number, draft: DataSystemDraft, now: string): void {
    this.updateSystemStatement.run({ ...systemParams(draft), id, now });
  }

  deleteSystem(id: number): void {
    this.deleteSystemStatement.run(id);
  }

  listDatasets(systemId?: number): Dataset[] {
    const rows =
      systemId === undefined ? this.allDatasets.all() : this.datasetsOfSystem.all(systemId);
    return (rows as DatasetRow[]).map(toDataset);
  }

  getDataset(id: number): Dataset | null {
    const row = this.datasetById.get(id) as DatasetRow | undefined;
    return row === undefined ? null : toDataset(row);
  }

  findDataset(systemId: number, name: string): Dataset | null {
    const row = this.datasetByName.get(systemId, name) as DatasetRow | undefined;
    return row === undefined ? null : toDataset(row);
  }

  insertDataset(draft: DatasetDraft, now: string): number {
    const result = this.insertDatasetStatement.run({ ...datasetParams(draft), now });
    return Number(result.lastInsertRowid);
  }

  updateDataset(id: number, draft: DatasetDraft, now: string): void {
    this.updateDatasetStatement.run({ ...datasetParams(draft), id, now });
  }

  deleteDataset(id: number): void {
    this.deleteDatasetStatement.run(id);
  }
}

function systemParams(draft: DataSystemDraft) {
  return {
    name: draft.name,
    description: draft.description,
    owner: draft.owner,
    location: draft.location,
    dpa_in_place: draft.dpaInPlace ? 1 : 0,
  };
}

function datasetParams(draft: DatasetDraft) {
  return {
    system_id: draft.systemId,
    name: draft.name,
    kind: draft.kind,
    description: draft.description,
  };
}

function toSystem(row: SystemRow): DataSystem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    owner: row.owner,
    location: row.location,
    dpaInPlace: row.dpa_in_place === 1,
    datasetCount: row.dataset_count,
    fieldCount: row.field_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDataset(row: DatasetRow): Dataset {
  return {
    id: row.id,
    systemId: row.system_id,
    system: row.system,
    name: row.name,
    kind: row.kind as Dataset['kind'],
    description: row.description,
    fieldCount: row.field_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
