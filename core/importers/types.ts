import type { ClassificationEntryInput } from '../../shared/domain/classification.js';
import type { IncidentInput } from '../../shared/domain/incidents.js';
import type { SecurityFindingInput } from '../../shared/domain/findings.js';

/**
 * Results of the parsers, which turn a file into validated record inputs and never touch the
 * vault. The caller stores the whole batch in one transaction, so a file that fails part-way
 * stores nothing.
 */
export interface ParsedIncidents {
  kind: 'incidents';
  file: string;
  records: IncidentInput[];
}

export interface ParsedFindings {
  kind: 'findings';
  file: string;
  records: SecurityFindingInput[];
}

export interface ParsedClassification {
  kind: 'classification';
  file: string;
  records: ClassificationEntryInput[];
}

export type ProgressListener = (done: number, total: number) => void;
