import { POLICY_RULES } from '../../shared/domain/classification-policy.js';
import { FINDING_SEVERITIES } from '../../shared/domain/findings.js';
import { INCIDENT_SEVERITIES } from '../../shared/domain/incidents.js';
import type { CellKind } from './cells.js';
import type { SheetColumn } from './columns.js';
import type { ReportSummary } from './source.js';

/** One line of the Summary sheet: a label and a value of the given kind. */
export interface SummaryRow {
  figure: string;
  kind: CellKind;
  value: unknown;
}

export const SUMMARY_COLUMNS: readonly SheetColumn[] = [
  { header: 'Figure', width: 40 },
  { header: 'Value', width: 22 },
];

/** Lists the Summary sheet's lines, most severe first within each severity group. */
export function summaryRows(summary: ReportSummary, masked: boolean): SummaryRow[] {
  const { counts } = summary;

  const incidentSeverities = [...INCIDENT_SEVERITIES].reverse();
  const findingSeverities = [...FINDING_SEVERITIES].reverse();

  return [
    { figure: 'Generated at (UTC)', kind: 'timestamp', value: summary.generatedAt },
    { figure: 'As of', kind: 'date', value: summary.asOf },
    { figure: 'Personal data', kind: 'verbatim', value: masked ? 'Masked' : 'Not masked' },
    { figure: 'Classification entries', kind: 'integer', value: counts.classificationEntries },
    { figure: 'Personal data fields', kind: 'integer', value: counts.personalDataFields },
    { figure: 'Privacy requests', kind: 'integer', value: counts.privacyRequests },
    { figure: 'Incidents', kind: 'integer', value: counts.incidents },
    { figure: 'Security findings', kind: 'integer', value: counts.findings },
    { figure: 'Audit entries', kind: 'integer', value: counts.auditEntries },
    ...incidentSeverities.map((severity): SummaryRow => ({
      figure: `Open incidents: ${severity}`,
      kind: 'integer',
      value: summary.openIncidentsBySeverity[severity],
    })),
    { figure: 'Privacy requests overdue', kind: 'integer', value: summary.requestsOverdue },
    {
      figure: 'Privacy requests due within 7 days',
      kind: 'integer',
      value: summary.requestsDueWithin7Days,
    },
    ...findingSeverities.map((severity): SummaryRow => ({
      figure: `Open findings: ${severity}`,
      kind: 'integer',
      value: summary.openFindingsBySeverity[severity],
    })),
    ...POLICY_RULES.map((rule): SummaryRow => ({
      figure: `Data map policy: ${rule}`,
      kind: 'integer',
      value: summary.classificationFindingsByRule[rule],
    })),
  ];
}
