// A hand-written ReportSource for the report tests. The vault-backed source has its own suite.
// This fake lets a test choose every value, hostile ones included, and stream any row count.
import type { AuditEntry } from '../../shared/domain/audit.js';
import type { ClassificationEntry } from '../../shared/domain/classification.js';
import type { SecurityFinding } from '../../shared/domain/findings.js';
import type { Incident } from '../../shared/domain/incidents.js';
import type { PrivacyRequest } from '../../shared/domain/privacy.js';
import type { ReportSource, ReportSummary } from '../../core/reports/source.js';
import type { RecordOfProcessing } from '../../shared/domain/ropa.js';

/** Text that a spreadsheet would run as a formula if it were written unchanged. */
export const FORMULA_TEXTS = [
  '=HYPERLINK("http://x")',
  '+1+1',
  '-2',
  '@SUM(A1)',
  '\tcmd',
  '\rcmd',
] as const;

export interface FakeRecords {
  summary: ReportSummary;
  classificationEntries: Iterable<ClassificationEntry>;
  recordOfProcessing: RecordOfProcessing;
  privacyRequests: Iterable<PrivacyRequest>;
  incidents: Iterable<Incident>;
  findings: Iterable<SecurityFinding>;
  auditEntries: Iterable<AuditEntry>;
}

export function fakeReportSource(records: Partial<FakeRecords> = {}): ReportSource {
  return {
    summary: () => records.summary ?? reportSummary(),
    classificationEntries: () => records.classificationEntries ?? [],
    recordOfProcessing: () => records.recordOfProcessing ?? emptyRecord(),
    privacyRequests: () => records.privacyRequests ?? [],
    incidents: () => records.incidents ?? [],
    findings: () => records.findings ?? [],
    auditEntries: () => records.auditEntries ?? [],
  };
}

export function reportSummary(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    generatedAt: '2024-05-01T23:30:00.000Z',
    asOf: '2024-05-01',
    counts: {
      classificationEntries: 2,
      personalDataFields: 1,
      privacyRequests: 3,
      incidents: 3,
      findings: 2,
      auditEntries: 3,
    },
    openIncidentsBySeverity: { low: 1, medium: 2, high: 3, critical: 4 },
    requestsOverdue: 1,
    requestsDueWithin7Days: 2,
    openFindingsBySeverity: { info: 5, low: 4, medium: 3, high: 2, critical: 1 },
    classificationFindingsByRule: {
      encryption_missing: 1,
      masking_missing: 0,
      legal_basis_missing: 0,
      purpose_missing: 0,
      retention_missing: 0,
      special_category_condition_missing: 0,
      owner_missing: 0,
      review_overdue: 1,
      transfer_safeguard_missing: 0,
    },
    ...overrides,
  };
}

/** Builds a record with no activities, for sources whose test is not about the Art. 30 sheet. */
export function emptyRecord(): RecordOfProcessing {
  return {
    generatedAt: '2024-05-01T23:30:00.000Z',
    groupBy: 'system',
    controller: { name: '', contact: '', dpo: '', representative: '' },
    activities: [],
  };
}

export function classificationEntry(
  overrides: Partial<ClassificationEntry> = {},
): ClassificationEntry {
  return {
    id: 1,
    systemId: 1,
    datasetId: 1,
    system: 'CRM',
    dataset: 'customers',
    field: 'email',
    level: 'CONFIDENTIAL',
    category: 'email',
    personalData: true,
    description: 'Primary contact address',
    owner: 'Sales operations',
    retention: 'P6Y',
    legalBasis: 'contract',
    source: 'manual',
    proposed: false,
    confidence: 0.85,
    dataSubjects: ['customers'],
    purpose: 'Customer service',
    specialCategoryCondition: null,
    retentionTrigger: 'end_of_contract',
    recipients: ['Mail provider'],
    transfers: ['US'],
    transferSafeguard: 'sccs',
    steward: 'CRM team',
    encryptionRequired: false,
    encryptionInPlace: true,
    maskingRequired: false,
    maskingInPlace: false,
    nextReviewOn: '2025-01-01',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:30:00.000Z',
    ...overrides,
  };
}

export function privacyRequest(overrides: Partial<PrivacyRequest> = {}): PrivacyRequest {
  return {
    id: 1,
    type: 'access',
    receivedOn: '2024-02-29',
    dueOn: '2024-03-29',
    subjectRef: 'john.doe@example.com',
    status: 'received',
    notes: '',
    createdAt: '2024-02-29T09:00:00.000Z',
    updatedAt: '2024-02-29T09:00:00.000Z',
    ...overrides,
  };
}

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 1,
    externalRef: 'INC-1',
    title: 'Lost laptop',
    summary: '',
    category: 'physical',
    severity: 'high',
    status: 'containment',
    occurredOn: '2024-01-01',
    discoveredAt: '2024-01-01T08:00:00.000Z',
    containedAt: null,
    personalData: 'potentially',
    dataVarieties: [],
    recordsAffected: 1200,
    source: 'manual',
    createdAt: '2024-01-01T08:00:00.000Z',
    updatedAt: '2024-01-01T08:00:00.000Z',
    ...overrides,
  };
}

export function securityFinding(overrides: Partial<SecurityFinding> = {}): SecurityFinding {
  return {
    id: 1,
    source: 'sarif',
    tool: 'semgrep',
    ruleId: 'js.sqli',
    title: 'SQL built from request input',
    severity: 'high',
    location: 'src/db.ts:42',
    target: 'api',
    score: 7.5,
    fingerprint: 'fp-1',
    helpUri: 'https://example.com/rules/js.sqli',
    status: 'open',
    // 08:30 in Tokyo on 1 March is still 29 February in UTC.
    firstSeenAt: '2024-03-01T08:30:00+09:00',
    lastSeenAt: '2024-03-02T00:00:00.000Z',
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq: 1,
    at: '2024-01-01T00:00:00.000Z',
    actor: 'alice',
    action: 'privacy.create',
    entityType: 'privacy_request',
    entityId: '1',
    before: null,
    after: { subjectRef: 'john.doe@example.com', notes: 'Called back on 555-123-4567' },
    prevHash: '0'.repeat(64),
    hash: '1234567890abcdef'.repeat(4),
    ...overrides,
  };
}

/**
 * Builds a source with hostile text in every sheet: formula triggers, personal data, characters
 * that are illegal in XML, partial dates and a timestamp with a non-UTC offset.
 */
export function hostileReportSource(): ReportSource {
  const [hyperlink, plusFormula, minusNumber, atFormula, tabCommand, returnCommand] = FORMULA_TEXTS;
  return fakeReportSource({
    classificationEntries: [
      classificationEntry({
        system: hyperlink,
        dataset: plusFormula,
        field: minusNumber,
        owner: atFormula,
        description: 'Ask jane.doe@example.com or +44 20 7946 0958\u0000\u0007\u000B\uFFFE now',
      }),
      classificationEntry({
        id: 2,
        system: tabCommand,
        dataset: returnCommand,
        personalData: false,
        category: null,
        retention: null,
        legalBasis: null,
        confidence: null,
        proposed: true,
      }),
    ],
    recordOfProcessing: {
      ...emptyRecord(),
      controller: {
        name: 'Example GmbH',
        contact: '+49 30 1234567',
        dpo: 'Jane Doe, jane.doe@example.com',
        representative: '',
      },
      activities: [
        {
          name: hyperlink,
          systems: [hyperlink],
          locations: ['on premises'],
          purposes: [plusFormula],
          legalBases: ['contract'],
          dataSubjects: ['customers'],
          personalDataCategories: ['email', 'health'],
          specialCategories: ['health'],
          art9Conditions: ['explicit_consent'],
          recipients: ['Mail provider'],
          transfers: [{ country: 'US', safeguards: ['sccs', null] }],
          retention: [{ period: 'P6Y', trigger: 'end_of_contract', fields: 2 }],
          security: {
            fields: 2,
            encryptionRequired: 1,
            encryptionInPlace: 1,
            maskingRequired: 0,
            maskingInPlace: 0,
          },
          fields: 2,
        },
      ],
    },
    privacyRequests: [
      privacyRequest(),
      privacyRequest({
        id: 2,
        type: 'erasure',
        subjectRef: '+1 (555) 123-4567',
        dueOn: '2024-05-08',
      }),
      privacyRequest({ id: 3, type: 'portability', subjectRef: 'CUST-0042', status: 'completed' }),
    ],
    incidents: [
      incident({ title: tabCommand, externalRef: returnCommand, category: '=1+1' }),
      incident({ id: 2, title: 'Phishing of bob@corp.example', occurredOn: '2023' }),
      incident({ id: 3, occurredOn: '2023-07', recordsAffected: null }),
    ],
    findings: [
      securityFinding({ helpUri: '=HYPERLINK("http://evil")', location: minusNumber }),
      securityFinding({ id: 2, title: 'Secret owned by ops@corp.example', score: null }),
    ],
    auditEntries: [
      auditEntry(),
      auditEntry({
        seq: 2,
        actor: "=cmd|' /C calc'!A0",
        action: 'privacy.update',
        before: { subjectRef: 'john.doe@example.com', status: 'received' },
        after: { subjectRef: 'john.doe@example.com', status: 'in_progress' },
      }),
      auditEntry({ seq: 3, action: 'report.export', entityType: 'report', entityId: null }),
    ],
  });
}

/** Generates audit entries one at a time, so the source keeps none of them in memory. */
export function* generatedAuditEntries(count: number, payload = ''): Generator<AuditEntry> {
  for (let seq = 1; seq <= count; seq += 1) {
    yield auditEntry({
      seq,
      entityId: String(seq),
      after: { subjectRef: `person${seq}@example.com`, notes: payload },
    });
  }
}
