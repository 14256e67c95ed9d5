import type { AuditEntry } from '../../shared/domain/audit.js';
import type { ClassificationEntry } from '../../shared/domain/classification.js';
import type { PolicyFindingCounts } from '../../shared/domain/classification-policy.js';
import type { FindingSeverity, SecurityFinding } from '../../shared/domain/findings.js';
import type { Incident, IncidentSeverity } from '../../shared/domain/incidents.js';
import type { PrivacyRequest } from '../../shared/domain/privacy.js';
import type { RecordOfProcessing } from '../../shared/domain/ropa.js';

/** Figures for the Summary sheet, computed by the vault in SQL rather than from the rows. */
export interface ReportSummary {
  generatedAt: string;
  /** Calendar date (YYYY-MM-DD) against which overdue and due-soon requests are counted. */
  asOf: string;
  counts: {
    classificationEntries: number;
    personalDataFields: number;
    privacyRequests: number;
    incidents: number;
    findings: number;
    auditEntries: number;
  };
  openIncidentsBySeverity: Record<IncidentSeverity, number>;
  requestsOverdue: number;
  requestsDueWithin7Days: number;
  openFindingsBySeverity: Record<FindingSeverity, number>;
  /** Fields of the classification map that break each policy rule, as of `asOf`. */
  classificationFindingsByRule: PolicyFindingCounts;
}

/**
 * Rows for a report. Each iterator streams from the vault, so a report of a million audit entries
 * never keeps them all in memory.
 */
export interface ReportSource {
  summary(): ReportSummary;
  classificationEntries(): Iterable<ClassificationEntry>;
  /** The Art. 30 record derived from the map; written next to the Data Map sheet. */
  recordOfProcessing(): RecordOfProcessing;
  privacyRequests(): Iterable<PrivacyRequest>;
  incidents(): Iterable<Incident>;
  findings(): Iterable<SecurityFinding>;
  auditEntries(): Iterable<AuditEntry>;
}
