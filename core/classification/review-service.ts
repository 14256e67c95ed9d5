import { basename } from 'node:path';

import type {
  ClassificationEntry,
  ClassificationEntryInput,
} from '../../shared/domain/classification.js';
import {
  proposalQuerySchema,
  type ProposalChange,
  type ProposalQuery,
  type RecordedScan,
  type ScanDiff,
  type ScanFieldRef,
  type ScanProposal,
  type ScanRun,
  type ScanSourceKind,
} from '../../shared/domain/classification-review.js';
import type { DatasetKind } from '../../shared/domain/data-systems.js';
import type { Page } from '../../shared/domain/query.js';
import { SynapseError } from '../../shared/errors.js';
import { likePattern } from '../db/list-statement.js';
import type { ColumnProposal } from '../importers/detectors/table-proposals.js';
import type { SqliteScanResult } from '../importers/sqlite-scan.js';
import type { Vault } from '../vault/vault.js';
import {
  PROPOSAL_SELECT,
  ReviewRepository,
  toProposal,
  type NewProposal,
  type ProposalRow,
} from './review-repository.js';
import type { ClassificationService } from './service.js';

/** A scan result and where it came from, as recordScan stores it. */
export interface ScanToRecord {
  kind: ScanSourceKind;
  file: string;
  system: string;
  result: SqliteScanResult;
}

/** A change of confidence at least this large counts as a changed proposal in a re-scan. */
const CONFIDENCE_CHANGE = 0.1;

const DATASET_KINDS: Readonly<Record<ScanSourceKind, DatasetKind>> = {
  sqlite: 'table',
  csv: 'file',
  xlsx: 'file',
};

/**
 * The review queue of discovery scans. A scan is stored as a run with one proposal per field and
 * compared with the previous scan of the same source. A person accepts each proposal (optionally
 * after changing it) or rejects it, and an accepted one becomes an entry of the map.
 */
export class ReviewService {
  readonly repository: ReviewRepository;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
    private readonly classification: ClassificationService,
  ) {
    this.repository = new ReviewRepository(vault.db);
  }

  /**
   * Stores a scan and its proposals in one transaction and compares them with the previous scan
   * of the same source (same kind, system and file name). Pending proposals of earlier scans are
   * superseded by the new ones; a proposal equal to one already decided does not enter the queue.
   */
  recordScan(scan: ScanToRecord): RecordedScan {
    return this.vault.transaction(() => {
      // 1. Store the run.
      const now = new Date().toISOString();
      const sourceKey = `${scan.kind}:${scan.system}:${basename(scan.file)}`;
      const runId = this.repository.insertRun({
        sourceKind: scan.kind,
        sourceKey,
        fileName: basename(scan.file),
        system: scan.system,
        scannedAt: now,
        actor: this.actor,
        datasets: scan.result.tables.length - scan.result.skippedTables.length,
        fields: scan.result.columns.length,
        personalFields: scan.result.columns.filter((column) => column.personalData).length,
        skipped: scan.result.skippedTables,
      });

      // 2. Compare each proposal with the previous run, then queue it or carry the decision over.
      const previous = this.repository.previousRun(sourceKey, runId);
      const earlier = new Map(
        (previous === null ? [] : this.repository.proposalsOfRun(previous.id)).map((row) => [
          fieldKey(row.dataset, row.field),
          row,
        ]),
      );
      this.repository.supersedePending(sourceKey, runId);
      const proposals = scan.result.columns.map((column) =>
        this.newProposal(column, DATASET_KINDS[scan.kind], earlier),
      );
      this.repository.insertProposals(runId, proposals, now, this.actor);

      // 3. Record the scan; the proposals hold no sampled value, only counts and masked examples.
      const run = this.mustGetRun(runId);
      const queued = proposals.filter((proposal) => proposal.status === 'pending').length;
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.scan.record',
        entityType: 'scan_run',
        entityId: runId,
        after: { ...run, queued, previousRunId: previous?.id ?? null },
      });
      return { run, diff: this.diffRun(runId), queued };
    });
  }

  listRuns(limit = 100): ScanRun[] {
    return this.repository.listRuns(limit);
  }

  getRun(id: number): ScanRun {
    return this.mustGetRun(id);
  }

  listProposals(query: ProposalQuery = {}): Page<ScanProposal> {
    const parsed = proposalQuerySchema.parse(query);
    const filter = `
      WHERE (@runId IS NULL OR p.run_id = @runId)
        AND (@status IS NULL OR p.status = @status)
        AND (@personalData IS NULL OR p.personal_data = @personalData)
        AND (@search IS NULL OR p.dataset LIKE @search ESCAPE '\\'
          OR p.field LIKE @search ESCAPE '\\')`;
    const params = {
      runId: parsed.runId ?? null,
      status: parsed.status ?? null,
      personalData: parsed.personalData === undefined ? null : Number(parsed.personalData),
      search: likePattern(parsed.search),
    };
    const direction = parsed.sortDirection === 'desc' ? 'DESC' : 'ASC';
    const rows = this.vault.db
      .prepare(
        `${PROPOSAL_SELECT} ${filter} ORDER BY p.id ${direction} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: parsed.limit, offset: parsed.offset }) as ProposalRow[];
    const total = this.vault.db
      .prepare(`SELECT count(*) FROM scan_proposals p ${filter}`)
      .pluck()
      .get(params) as number;
    return {
      rows: rows.map((row) => this.toProposal(row)),
      total,
      offset: parsed.offset,
      limit: parsed.limit,
    };
  }

  getProposal(id: number): ScanProposal {
    return this.toProposal(this.mustGetProposal(id));
  }

  /**
   * Accepts a pending proposal: the map gets an entry for the field (or its entry is updated)
   * with the proposed level, category and personal data flag, overridden by `changes`. The entry
   * and the decision commit together.
   */
  accept(
    id: number,
    changes: Partial<ClassificationEntryInput> = {},
  ): { proposal: ScanProposal; entry: ClassificationEntry } {
    return this.vault.transaction(() => {
      const row = this.mustGetPending(id);
      const before = this.toProposal(row);
      const proposed = {
        level: row.level,
        category: before.category,
        personalData: before.personalData,
        source: 'scan' as const,
        proposed: false,
        confidence: row.confidence,
      };

      let entry: ClassificationEntry;
      if (row.existing_entry_id !== null) {
        entry = this.classification.update(row.existing_entry_id, { ...proposed, ...changes });
      } else {
        this.classification.systems.ensureDataset(row.system, row.dataset, before.datasetKind);
        entry = this.classification.create({
          system: row.system,
          dataset: row.dataset,
          field: row.field,
          description: before.reasons.join('; ').slice(0, 2000),
          ...proposed,
          ...changes,
        });
      }

      this.repository.decide(id, 'accepted', this.actor, entry.id);
      const after = this.getProposal(id);
      this.audit('accept', before, after, changes);
      return { proposal: after, entry };
    });
  }

  reject(id: number): ScanProposal {
    return this.vault.transaction(() => {
      const before = this.toProposal(this.mustGetPending(id));
      this.repository.decide(id, 'rejected', this.actor, null);
      const after = this.getProposal(id);
      this.audit('reject', before, after, undefined);
      return after;
    });
  }

  /** Compares a run with the previous run of the same source. */
  diffRun(runId: number): ScanDiff {
    const run = this.mustGetRun(runId);
    const previous = this.repository.previousRun(run.sourceKey, runId);
    const current = this.repository.proposalsOfRun(runId);
    const earlier = new Map(
      (previous === null ? [] : this.repository.proposalsOfRun(previous.id)).map((row) => [
        fieldKey(row.dataset, row.field),
        row,
      ]),
    );

    const diff: ScanDiff = {
      runId,
      previousRunId: previous?.id ?? null,
      added: [],
      removed: [],
      changed: [],
      unchanged: 0,
    };
    for (const row of current) {
      const key = fieldKey(row.dataset, row.field);
      const before = earlier.get(key);
      earlier.delete(key);
      if (before === undefined) {
        diff.added.push(fieldRef(row));
        continue;
      }
      const changes = changedAttributes(before, row);
      if (changes.length === 0) diff.unchanged += 1;
      else diff.changed.push({ before: fieldRef(before), after: fieldRef(row), changes });
    }
    diff.removed = [...earlier.values()].map(fieldRef);
    return diff;
  }

  private newProposal(
    column: ColumnProposal,
    datasetKind: DatasetKind,
    earlier: ReadonlyMap<string, ProposalRow>,
  ): NewProposal {
    const before = earlier.get(fieldKey(column.table, column.column));
    let change: ProposalChange = 'new';
    if (before !== undefined) {
      change =
        changedAttributes(before, proposalRowOf(column)).length === 0 ? 'unchanged' : 'changed';
    }

    const decided =
      before !== undefined && ['accepted', 'rejected', 'unchanged'].includes(before.status);
    if (change === 'unchanged' && decided) {
      return { column, datasetKind, change, status: 'unchanged', entryId: before.entry_id };
    }
    return { column, datasetKind, change, status: 'pending', entryId: null };
  }

  private audit(
    verb: 'accept' | 'reject',
    before: ScanProposal,
    after: ScanProposal,
    changes: Partial<ClassificationEntryInput> | undefined,
  ): void {
    this.vault.audit.append({
      actor: this.actor,
      action: `classification.review.${verb}`,
      entityType: 'scan_proposal',
      entityId: before.id,
      before,
      after: changes === undefined ? after : { ...after, changes },
    });
  }

  private toProposal(row: ProposalRow): ScanProposal {
    return toProposal(row, this.classification.scale.resolve(row.level));
  }

  private mustGetRun(id: number): ScanRun {
    const run = this.repository.getRun(id);
    if (run === null) {
      throw new SynapseError('NOT_FOUND', `No scan run with id ${id}.`);
    }
    return run;
  }

  private mustGetProposal(id: number): ProposalRow {
    const row = this.repository.getProposal(id);
    if (row === null) {
      throw new SynapseError('NOT_FOUND', `No scan proposal with id ${id}.`);
    }
    return row;
  }

  private mustGetPending(id: number): ProposalRow {
    const row = this.mustGetProposal(id);
    if (row.status !== 'pending') {
      throw new SynapseError(
        'INVALID_INPUT',
        `Proposal ${id} (${row.dataset}.${row.field}) is ${row.status}, not pending; only ` +
          'pending proposals can be accepted or rejected.' +
          (row.status === 'superseded' ? ' Review the proposal of the latest scan instead.' : ''),
      );
    }
    return row;
  }
}

function fieldKey(dataset: string, field: string): string {
  return JSON.stringify([dataset, field]);
}

function fieldRef(row: ProposalRow): ScanFieldRef {
  return {
    dataset: row.dataset,
    field: row.field,
    personalData: row.personal_data === 1,
    category: row.category as ScanFieldRef['category'],
    level: row.level,
    confidence: row.confidence,
  };
}

type Comparable = Pick<ProposalRow, 'personal_data' | 'category' | 'level' | 'confidence'>;

function proposalRowOf(column: ColumnProposal): Comparable {
  return {
    personal_data: column.personalData ? 1 : 0,
    category: column.category,
    level: column.level,
    confidence: column.confidence,
  };
}

/** Names the attributes that differ between two proposals for the same field. */
function changedAttributes(before: Comparable, after: Comparable): string[] {
  const changes: string[] = [];
  if (before.personal_data !== after.personal_data) changes.push('personalData');
  if (before.category !== after.category) changes.push('category');
  if (before.level !== after.level) changes.push('level');
  if (Math.abs(before.confidence - after.confidence) >= CONFIDENCE_CHANGE) {
    changes.push('confidence');
  }
  return changes;
}
