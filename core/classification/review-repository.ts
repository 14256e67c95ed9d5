import type { Database } from 'better-sqlite3-multiple-ciphers';

import type {
  ProposalChange,
  ProposalStatus,
  ScanProposal,
  ScanRun,
  ScanSourceKind,
} from '../../shared/domain/classification-review.js';
import type { DatasetKind } from '../../shared/domain/data-systems.js';
import type { ColumnProposal } from '../importers/detectors/table-proposals.js';

export interface RunRow {
  id: number;
  source_kind: string;
  source_key: string;
  file_name: string;
  system: string;
  scanned_at: string;
  actor: string;
  datasets: number;
  fields: number;
  personal_fields: number;
  skipped: string;
  pending: number;
}

export interface ProposalRow {
  id: number;
  run_id: number;
  system: string;
  dataset: string;
  dataset_kind: string;
  field: string;
  declared_type: string;
  personal_data: number;
  category: string | null;
  level: string;
  confidence: number;
  reasons: string;
  sampled: number;
  matched: number;
  masked_examples: string;
  change: string;
  status: string;
  decided_at: string | null;
  decided_by: string | null;
  entry_id: number | null;
  existing_entry_id: number | null;
  existing_level: string | null;
}

export const RUN_SELECT = `
  SELECT r.*, (SELECT count(*) FROM scan_proposals p
    WHERE p.run_id = r.id AND p.status = 'pending') AS pending
  FROM scan_runs r`;

/** Proposals with their run's system and the entry the map already has for the same field. */
export const PROPOSAL_SELECT = `
  SELECT p.*, r.system, e.id AS existing_entry_id, e.level AS existing_level
  FROM scan_proposals p
    JOIN scan_runs r ON r.id = p.run_id
    LEFT JOIN data_systems s ON s.name = r.system
    LEFT JOIN datasets d ON d.system_id = s.id AND d.name = p.dataset
    LEFT JOIN classification_entries e ON e.dataset_id = d.id AND e.field = p.field`;

/** A proposal to store, with how it compares with the previous scan and its queue status. */
export interface NewProposal {
  column: ColumnProposal;
  datasetKind: DatasetKind;
  change: ProposalChange;
  status: ProposalStatus;
  entryId: number | null;
}

/** SQL for scan runs and their proposals. */
export class ReviewRepository {
  constructor(private readonly db: Database) {}

  insertRun(run: Omit<ScanRun, 'id' | 'pending'>): number {
    const result = this.db
      .prepare(
        `INSERT INTO scan_runs (source_kind, source_key, file_name, system, scanned_at, actor,
           datasets, fields, personal_fields, skipped)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.sourceKind,
        run.sourceKey,
        run.fileName,
        run.system,
        run.scannedAt,
        run.actor,
        run.datasets,
        run.fields,
        run.personalFields,
        JSON.stringify(run.skipped),
      );
    return Number(result.lastInsertRowid);
  }

  insertProposals(runId: number, proposals: readonly NewProposal[], now: string, actor: string) {
    const insert = this.db.prepare(
      `INSERT INTO scan_proposals (run_id, dataset, dataset_kind, field, declared_type,
         personal_data, category, level, confidence, reasons, sampled, matched, masked_examples,
         change, status, decided_at, decided_by, entry_id)
       VALUES (@run_id, @dataset, @dataset_kind, @field, @declared_type, @personal_data,
         @category, @level, @confidence, @reasons, @sampled, @matched, @masked_examples, @change,
         @status, @decided_at, @decided_by, @entry_id)`,
    );
    for (const proposal of proposals) {
      const { column } = proposal;
      const carried = proposal.status === 'unchanged';
      insert.run({
        run_id: runId,
        dataset: column.table,
        dataset_kind: proposal.datasetKind,
        field: column.column,
        declared_type: column.declaredType,
        personal_data: column.personalData ? 1 : 0,
        category: column.category,
        level: column.level,
        confidence: column.confidence,
        reasons: JSON.stringify(column.reasons),
        sampled: column.sampled,
        matched: column.matched,
        masked_examples: JSON.stringify(column.maskedExamples),
        change: proposal.change,
        status: proposal.status,
        decided_at: carried ? now : null,
        decided_by: carried ? actor : null,
        entry_id: proposal.entryId,
      });
    }
  }

  getRun(id: number): ScanRun | null {
    const row = this.db.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(id) as RunRow | undefined;
    return row === undefined ? null : toRun(row);
  }

  listRuns(limit: number): ScanRun[] {
    const rows = this.db.prepare(`${RUN_SELECT} ORDER BY r.id DESC LIMIT ?`).all(limit);
    return (rows as RunRow[]).map(toRun);
  }

  /** Returns the latest run of the same source before the given run id. */
  previousRun(sourceKey: string, beforeId: number): ScanRun | null {
    const row = this.db
      .prepare(`${RUN_SELECT} WHERE r.source_key = ? AND r.id < ? ORDER BY r.id DESC LIMIT 1`)
      .get(sourceKey, beforeId) as RunRow | undefined;
    return row === undefined ? null : toRun(row);
  }

  proposalsOfRun(runId: number): ProposalRow[] {
    return this.db
      .prepare(`${PROPOSAL_SELECT} WHERE p.run_id = ? ORDER BY p.dataset, p.field`)
      .all(runId) as ProposalRow[];
  }

  getProposal(id: number): ProposalRow | null {
    const row = this.db.prepare(`${PROPOSAL_SELECT} WHERE p.id = ?`).get(id);
    return (row as ProposalRow | undefined) ?? null;
  }

  /** Marks the still pending proposals of earlier runs of a source as superseded. */
  supersedePending(sourceKey: string, beforeRunId: number): number {
    return this.db
      .prepare(
        `UPDATE scan_proposals SET status = 'superseded'
         WHERE status = 'pending' AND run_id IN
           (SELECT id FROM scan_runs WHERE source_key = ? AND id < ?)`,
      )
      .run(sourceKey, beforeRunId).changes;
  }

  decide(id: number, status: ProposalStatus, actor: string, entryId: number | null): void {
    this.db
      .prepare(
        `UPDATE scan_proposals SET status = ?, decided_at = ?, decided_by = ?, entry_id = ?
         WHERE id = ?`,
      )
      .run(status, new Date().toISOString(), actor, entryId, id);
  }
}

export function toRun(row: RunRow): ScanRun {
  return {
    id: row.id,
    sourceKind: row.source_kind as ScanSourceKind,
    sourceKey: row.source_key,
    fileName: row.file_name,
    system: row.system,
    scannedAt: row.scanned_at,
    actor: row.actor,
    datasets: row.datasets,
    fields: row.fields,
    personalFields: row.personal_fields,
    skipped: JSON.parse(row.skipped) as ScanRun['skipped'],
    pending: row.pending,
  };
}

/** Converts a row; `level` is the proposed level mapped onto the vault's scale by the caller. */
export function toProposal(row: ProposalRow, level: string | null): ScanProposal {
  return {
    id: row.id,
    runId: row.run_id,
    system: row.system,
    dataset: row.dataset,
    datasetKind: row.dataset_kind as DatasetKind,
    field: row.field,
    declaredType: row.declared_type,
    personalData: row.personal_data === 1,
    category: row.category as ScanProposal['category'],
    proposedLevel: row.level,
    level,
    confidence: row.confidence,
    reasons: JSON.parse(row.reasons) as string[],
    sampled: row.sampled,
    matched: row.matched,
    maskedExamples: JSON.parse(row.masked_examples) as string[],
    change: row.change as ProposalChange,
    status: row.status as ProposalStatus,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    entryId: row.entry_id,
    existingEntryId: row.existing_entry_id,
    existingLevel: row.existing_level,
  };
}
