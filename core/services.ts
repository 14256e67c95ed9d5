import { MapHistory } from './classification/history.js';
import { ClassificationImportService } from './classification/import-service.js';
import { PolicyChecker } from './classification/policy.js';
import { ReviewService } from './classification/review-service.js';
import { RecordOfProcessingService } from './classification/ropa.js';
import { ScaleService } from './classification/scale-service.js';
import { ClassificationService } from './classification/service.js';
import { SystemService } from './classification/systems-service.js';
import { FindingService } from './findings/service.js';
import { IncidentService } from './incidents/service.js';
import { todayIn } from './privacy/deadline.js';
import { PrivacyRequestService } from './privacy/service.js';
import type { ReportSource, ReportSummary } from './reports/source.js';
import { SettingsService } from './settings/service.js';
import type { Vault } from './vault/vault.js';

/** The domain services over one open vault, all acting for the same actor. */
export class ComplianceServices {
  readonly classification: ClassificationService;
  /** Systems and datasets of the classification map. */
  readonly systems: SystemService;
  readonly classificationScale: ScaleService;
  readonly classificationPolicy: PolicyChecker;
  readonly classificationImports: ClassificationImportService;
  /** The review queue of discovery scans. */
  readonly classificationReview: ReviewService;
  readonly classificationHistory: MapHistory;
  readonly recordOfProcessing: RecordOfProcessingService;
  readonly privacy: PrivacyRequestService;
  readonly incidents: IncidentService;
  readonly findings: FindingService;

  constructor(
    readonly vault: Vault,
    readonly actor: string,
  ) {
    this.systems = new SystemService(vault, actor);
    this.classificationScale = new ScaleService(vault, actor);
    this.classification = new ClassificationService(
      vault,
      actor,
      this.systems,
      this.classificationScale,
    );
    this.classificationPolicy = new PolicyChecker(vault.db);
    this.classificationImports = new ClassificationImportService(vault, actor, this.classification);
    this.classificationReview = new ReviewService(vault, actor, this.classification);
    const settings = new SettingsService(vault, actor);
    this.classificationHistory = new MapHistory(vault.db, () => settings.get().timeZone);
    this.recordOfProcessing = new RecordOfProcessingService(vault, actor);
    this.privacy = new PrivacyRequestService(vault, actor);
    this.incidents = new IncidentService(vault, actor);
    this.findings = new FindingService(vault, actor);
  }

  /** Figures for dashboards and the report's Summary sheet, counted in SQL. */
  summary(asOf: string = todayIn()): ReportSummary {
    const db = this.vault.db;
    const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
    const due = this.privacy.repository.dueCounts(asOf);

    return {
      generatedAt: new Date().toISOString(),
      asOf,
      counts: {
        classificationEntries: count('SELECT count(*) FROM classification_entries'),
        personalDataFields: count(
          'SELECT count(*) FROM classification_entries WHERE personal_data = 1',
        ),
        privacyRequests: count('SELECT count(*) FROM privacy_requests'),
        incidents: count('SELECT count(*) FROM incidents'),
        findings: count('SELECT count(*) FROM security_findings'),
        auditEntries: this.vault.audit.count(),
      },
      openIncidentsBySeverity: this.incidents.repository.countOpenBySeverity(),
      requestsOverdue: due.overdue,
      requestsDueWithin7Days: due.dueSoon,
      openFindingsBySeverity: this.findings.repository.countOpenBySeverity(),
      classificationFindingsByRule: this.classificationPolicy.countByRule(asOf),
    };
  }

  /** Streams every record for a report, straight from the vault. */
  reportSource(asOf?: string): ReportSource {
    return {
      summary: () => this.summary(asOf),
      classificationEntries: () => this.classification.repository.iterate(),
      recordOfProcessing: () => this.recordOfProcessing.record(),
      privacyRequests: () => this.privacy.repository.iterate(),
      incidents: () => this.incidents.repository.iterate(),
      findings: () => this.findings.repository.iterate(),
      auditEntries: () => this.vault.audit.entries(),
    };
  }
}
