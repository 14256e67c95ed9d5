import { z } from 'zod';

export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const incidentSeveritySchema = z.enum(INCIDENT_SEVERITIES);
export type IncidentSeverity = z.infer<typeof incidentSeveritySchema>;

/** Phases of the NIST SP 800-61 incident response lifecycle, plus closed. */
export const INCIDENT_STATUSES = [
  'detected',
  'analysis',
  'containment',
  'eradication',
  'recovery',
  'closed',
] as const;
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

/** Whether personal data was affected: a confirmed, possible or ruled-out personal data breach. */
export const PERSONAL_DATA_INVOLVEMENT = ['yes', 'potentially', 'no', 'unknown'] as const;
export const personalDataInvolvementSchema = z.enum(PERSONAL_DATA_INVOLVEMENT);
export type PersonalDataInvolvement = z.infer<typeof personalDataInvolvementSchema>;

/** A calendar date that may lack its month or day, as incident sources often report it. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealPartialDate, 'date names a month or day that does not exist');

/** Checks that the month is 1 to 12 and the day exists in that month (29 February in leap years). */
function isRealPartialDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;

  const lastDay = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  return day >= 1 && day <= lastDay;
}

export const incidentInputSchema = z.object({
  externalRef: z.string().trim().max(200).nullable().default(null),
  title: z.string().trim().min(1, 'title is required').max(300),
  summary: z.string().max(20000).default(''),
  category: z.string().trim().max(200).default('unknown'),
  severity: incidentSeveritySchema,
  status: incidentStatusSchema.default('detected'),
  occurredOn: partialDateSchema.nullable().default(null),
  discoveredAt: z.iso.datetime({ offset: true }).nullable().default(null),
  containedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  personalData: personalDataInvolvementSchema.default('unknown'),
  dataVarieties: z.array(z.string().max(100)).max(50).default([]),
  recordsAffected: z.number().int().nonnegative().nullable().default(null),
  source: z.enum(['manual', 'veris']).default('manual'),
});
export type IncidentInput = z.input<typeof incidentInputSchema>;
export type IncidentDraft = z.output<typeof incidentInputSchema>;

export interface Incident extends IncidentDraft {
  id: number;
  createdAt: string;
  updatedAt: string;
}
