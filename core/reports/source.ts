import type { AuditEntry } from '../../shared/domain/audit.js';
import type { ClassificationEntry } from '../../shared/domain/classification.js';
import type { FindingSeverity, SecurityFinding } from '../../shared/domain/findings.js';
import type { Incident, IncidentSeverity } from '../../shared/domain/incidents.js';
import type { PrivacyRequest } from '../../shared/domain/privacy.js';

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
}

/**
 * Rows for a report. Each iterator streams from the vault, so a report of a million audit entries
 * never holds them all in memory.
 */
export interface ReportSource {
  summary(): ReportSummary;
  classificationEntries(): Iterable<ClassificationEntry>;
  privacyRequests(): Iterable<PrivacyRequest>;
  incidents(): Iterable<Incident>;
  findings(): Iterable<SecurityFinding>;
  auditEntries(): Iterable<AuditEntry>;
}
