import { z } from 'zod';

import { POLICY_RULES } from '../domain/classification-policy.js';
import { FINDING_SEVERITIES } from '../domain/findings.js';
import { INCIDENT_SEVERITIES } from '../domain/incidents.js';
import { channel, noInput } from './define.js';

const count = z.number().int().nonnegative();

function countsBy<const Keys extends readonly [string, ...string[]]>(keys: Keys) {
  return z.record(z.enum(keys), count);
}

/** The dashboard's figures, counted in SQL; asOf is today in the vault's time zone. */
export const dashboardSummarySchema = z.object({
  generatedAt: z.string(),
  asOf: z.iso.date(),
  counts: z.object({
    classificationEntries: count,
    personalDataFields: count,
    privacyRequests: count,
    incidents: count,
    findings: count,
    auditEntries: count,
  }),
  openIncidentsBySeverity: countsBy(INCIDENT_SEVERITIES),
  requestsOverdue: count,
  requestsDueWithin7Days: count,
  openFindingsBySeverity: countsBy(FINDING_SEVERITIES),
  /** Data map fields that break each policy rule, counted as of asOf. */
  classificationFindingsByRule: countsBy(POLICY_RULES),
  /** Entries per level name of the vault's scale; levels without entries are 0. */
  classificationByLevel: z.record(z.string(), count),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const dashboardChannels = {
  summary: channel('dashboard:summary', noInput, dashboardSummarySchema),
};
