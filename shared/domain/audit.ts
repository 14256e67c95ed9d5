/** One link of the hash-chained audit trail. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export type AuditProblemKind =
  'edited' | 'broken_link' | 'missing' | 'head_mismatch' | 'damaged_file';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: AuditProblem[];
}
