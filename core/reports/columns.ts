import type { AuditEntry } from '../../shared/domain/audit.js';
import type { ClassificationEntry } from '../../shared/domain/classification.js';
import type { SecurityFinding } from '../../shared/domain/findings.js';
import type { Incident } from '../../shared/domain/incidents.js';
import {
  REQUEST_ARTICLES,
  type PrivacyRequest,
  type RequestStatus,
} from '../../shared/domain/privacy.js';
import { parseCalendarDate, type CellKind } from './cells.js';

export interface SheetColumn {
  header: string;
  /** Width in Excel's units: the width of one "0" in the default font. */
  width: number;
}

/** One column of a data sheet: its header, width and how to read its value from a record. */
export interface ColumnDefinition<Row> extends SheetColumn {
  kind: CellKind;
  value: (row: Row) => unknown;
}

const MILLISECONDS_PER_DAY = 24 * 60 * 60 * 1000;

/** Requests in these states no longer run against their deadline. */
const CLOSED_REQUEST_STATUSES: readonly RequestStatus[] = ['completed', 'rejected'];

export const DATA_MAP_COLUMNS: readonly ColumnDefinition<ClassificationEntry>[] = [
  { header: 'System', width: 24, kind: 'text', value: (entry) => entry.system },
  { header: 'Dataset', width: 24, kind: 'text', value: (entry) => entry.dataset },
  { header: 'Field', width: 24, kind: 'text', value: (entry) => entry.field },
  { header: 'Level', width: 14, kind: 'verbatim', value: (entry) => entry.level },
  { header: 'Category', width: 20, kind: 'verbatim', value: (entry) => entry.category },
  { header: 'Personal data', width: 14, kind: 'yes-no', value: (entry) => entry.personalData },
  { header: 'Description', width: 48, kind: 'text', value: (entry) => entry.description },
  { header: 'Owner', width: 22, kind: 'text', value: (entry) => entry.owner },
  { header: 'Retention', width: 12, kind: 'verbatim', value: (entry) => entry.retention },
  { header: 'Legal basis', width: 20, kind: 'verbatim', value: (entry) => entry.legalBasis },
  { header: 'Source', width: 10, kind: 'verbatim', value: (entry) => entry.source },
  { header: 'Proposed', width: 10, kind: 'yes-no', value: (entry) => entry.proposed },
  { header: 'Confidence', width: 12, kind: 'percent', value: (entry) => entry.confidence },
  { header: 'Updated (UTC)', width: 20, kind: 'timestamp', value: (entry) => entry.updatedAt },
  { header: 'Purpose', width: 32, kind: 'text', value: (entry) => entry.purpose },
  {
    header: 'Data subjects',
    width: 24,
    kind: 'verbatim',
    value: (entry) => entry.dataSubjects.join(', '),
  },
  {
    header: 'Art. 9(2) condition',
    width: 22,
    kind: 'verbatim',
    value: (entry) => entry.specialCategoryCondition,
  },
  {
    header: 'Retention trigger',
    width: 20,
    kind: 'text',
    value: (entry) => entry.retentionTrigger,
  },
  { header: 'Recipients', width: 28, kind: 'text', value: (entry) => entry.recipients.join('; ') },
  {
    header: 'Transfers outside the EEA',
    width: 16,
    kind: 'verbatim',
    value: (entry) => entry.transfers.join(', '),
  },
  {
    header: 'Transfer safeguard',
    width: 18,
    kind: 'verbatim',
    value: (entry) => entry.transferSafeguard,
  },
  { header: 'Steward', width: 22, kind: 'text', value: (entry) => entry.steward },
  {
    header: 'Encryption required',
    width: 12,
    kind: 'yes-no',
    value: (entry) => entry.encryptionRequired,
  },
  {
    header: 'Encryption in place',
    width: 12,
    kind: 'yes-no',
    value: (entry) => entry.encryptionInPlace,
  },
  {
    header: 'Masking required',
    width: 12,
    kind: 'yes-no',
    value: (entry) => entry.maskingRequired,
  },
  { header: 'Masking in place', width: 12, kind: 'yes-no', value: (entry) => entry.maskingInPlace },
  { header: 'Next review', width: 12, kind: 'date', value: (entry) => entry.nextReviewOn },
];

/**
 * Columns of the Privacy Requests sheet. Days left counts from `asOf` (YYYY-MM-DD) to the due
 * date and is negative once a request is overdue. It is blank for closed requests.
 */
export function privacyRequestColumns(asOf: string): readonly ColumnDefinition<PrivacyRequest>[] {
  return [
    { header: 'ID', width: 8, kind: 'integer', value: (request) => request.id },
    { header: 'Type', width: 20, kind: 'verbatim', value: (request) => request.type },
    {
      header: 'GDPR article',
      width: 13,
      kind: 'verbatim',
      value: (request) => REQUEST_ARTICLES[request.type],
    },
    { header: 'Status', width: 13, kind: 'verbatim', value: (request) => request.status },
    { header: 'Received', width: 12, kind: 'date', value: (request) => request.receivedOn },
    { header: 'Due', width: 12, kind: 'date', value: (request) => request.dueOn },
    {
      header: 'Days left (negative = overdue)',
      width: 16,
      kind: 'integer',
      value: (request) => daysLeft(request, asOf),
    },
    { header: 'Subject', width: 28, kind: 'subject', value: (request) => request.subjectRef },
  ];
}

export const INCIDENT_COLUMNS: readonly ColumnDefinition<Incident>[] = [
  { header: 'ID', width: 8, kind: 'integer', value: (incident) => incident.id },
  { header: 'Ref', width: 16, kind: 'text', value: (incident) => incident.externalRef },
  { header: 'Title', width: 40, kind: 'text', value: (incident) => incident.title },
  { header: 'Severity', width: 10, kind: 'verbatim', value: (incident) => incident.severity },
  { header: 'Status', width: 13, kind: 'verbatim', value: (incident) => incident.status },
  { header: 'Category', width: 18, kind: 'text', value: (incident) => incident.category },
  { header: 'Occurred', width: 12, kind: 'partial-date', value: (incident) => incident.occurredOn },
  {
    header: 'Personal data',
    width: 14,
    kind: 'verbatim',
    value: (incident) => incident.personalData,
  },
  {
    header: 'Records affected',
    width: 16,
    kind: 'integer',
    value: (incident) => incident.recordsAffected,
  },
  { header: 'Source', width: 10, kind: 'verbatim', value: (incident) => incident.source },
];

export const FINDING_COLUMNS: readonly ColumnDefinition<SecurityFinding>[] = [
  { header: 'Tool', width: 16, kind: 'text', value: (finding) => finding.tool },
  { header: 'Rule', width: 24, kind: 'text', value: (finding) => finding.ruleId },
  { header: 'Title', width: 48, kind: 'text', value: (finding) => finding.title },
  { header: 'Severity', width: 10, kind: 'verbatim', value: (finding) => finding.severity },
  { header: 'Status', width: 10, kind: 'verbatim', value: (finding) => finding.status },
  { header: 'Location', width: 36, kind: 'text', value: (finding) => finding.location },
  { header: 'Target', width: 24, kind: 'text', value: (finding) => finding.target },
  { header: 'Score', width: 8, kind: 'number', value: (finding) => finding.score },
  {
    header: 'First seen (UTC)',
    width: 20,
    kind: 'timestamp',
    value: (finding) => finding.firstSeenAt,
  },
  {
    header: 'Last seen (UTC)',
    width: 20,
    kind: 'timestamp',
    value: (finding) => finding.lastSeenAt,
  },
  { header: 'Help', width: 40, kind: 'text', value: (finding) => finding.helpUri },
];

export const AUDIT_COLUMNS: readonly ColumnDefinition<AuditEntry>[] = [
  { header: 'Seq', width: 10, kind: 'integer', value: (entry) => entry.seq },
  { header: 'At (UTC)', width: 20, kind: 'timestamp', value: (entry) => entry.at },
  { header: 'Actor', width: 20, kind: 'text', value: (entry) => entry.actor },
  { header: 'Action', width: 24, kind: 'verbatim', value: (entry) => entry.action },
  { header: 'Entity type', width: 18, kind: 'verbatim', value: (entry) => entry.entityType },
  { header: 'Entity ID', width: 12, kind: 'verbatim', value: (entry) => entry.entityId },
  { header: 'Before', width: 60, kind: 'json', value: (entry) => entry.before },
  { header: 'After', width: 60, kind: 'json', value: (entry) => entry.after },
  // The full hash, because a reader checking the chain needs every character of it.
  { header: 'Hash', width: 66, kind: 'verbatim', value: (entry) => entry.hash },
];

function daysLeft(request: PrivacyRequest, asOf: string): number | null {
  if (CLOSED_REQUEST_STATUSES.includes(request.status)) {
    return null;
  }

  const due = parseCalendarDate(request.dueOn);
  const today = parseCalendarDate(asOf);
  if (due === null || today === null) {
    return null;
  }
  return Math.round((due.getTime() - today.getTime()) / MILLISECONDS_PER_DAY);
}
