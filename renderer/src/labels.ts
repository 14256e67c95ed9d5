import type { LegalBasis, PersonalDataCategory } from '../../shared/domain/classification.js';
import type { PolicyRule } from '../../shared/domain/classification-policy.js';
import type { IncidentStatus, PersonalDataInvolvement } from '../../shared/domain/incidents.js';
import {
  REQUEST_ARTICLES,
  type RequestStatus,
  type RequestType,
} from '../../shared/domain/privacy.js';

/** "postal_address" as "Postal address". */
export function humanize(value: string): string {
  const spaced = value.replace(/_/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Spells a camelCase field name as words: "personalData" as "Personal data". */
export function fieldLabel(field: string): string {
  return humanize(field.replace(/([a-z])([A-Z])/g, '$1_$2'));
}

/** Short names of the policy rules, for chart axes and filter chips. */
export const POLICY_RULE_LABELS: Record<PolicyRule, string> = {
  encryption_missing: 'No encryption',
  masking_missing: 'No masking',
  legal_basis_missing: 'No legal basis',
  purpose_missing: 'No purpose',
  retention_missing: 'No retention',
  special_category_condition_missing: 'No Art. 9 condition',
  owner_missing: 'No owner',
  review_overdue: 'Review overdue',
  transfer_safeguard_missing: 'No transfer safeguard',
};

export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  consent: 'Consent, Art. 6(1)(a)',
  contract: 'Contract, Art. 6(1)(b)',
  legal_obligation: 'Legal obligation, Art. 6(1)(c)',
  vital_interests: 'Vital interests, Art. 6(1)(d)',
  public_task: 'Public task, Art. 6(1)(e)',
  legitimate_interests: 'Legitimate interests, Art. 6(1)(f)',
};

export function categoryLabel(category: PersonalDataCategory | null): string {
  return category === null ? 'None' : humanize(category);
}

export function requestTypeLabel(type: RequestType): string {
  const names: Record<RequestType, string> = {
    access: 'Access',
    rectification: 'Rectification',
    erasure: 'Erasure',
    restriction: 'Restriction of processing',
    portability: 'Data portability',
    objection: 'Objection',
    automated_decision: 'Automated decision-making',
  };
  return `${names[type]} (${REQUEST_ARTICLES[type]})`;
}

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: 'Received',
  in_progress: 'In progress',
  completed: 'Completed',
  rejected: 'Rejected',
};

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  detected: 'Detected',
  analysis: 'Analysis',
  containment: 'Containment',
  eradication: 'Eradication',
  recovery: 'Recovery',
  closed: 'Closed',
};

export const PERSONAL_DATA_INVOLVEMENT_LABELS: Record<PersonalDataInvolvement, string> = {
  yes: 'Yes, personal data was affected',
  potentially: 'Potentially',
  no: 'No',
  unknown: 'Not known yet',
};

/** Formats an ISO timestamp as local date and time; an invalid value is returned as it is. */
export function formatTimestamp(value: string | null): string {
  if (value === null) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

/** Today as YYYY-MM-DD in the computer's time zone. */
export function localDate(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Converts an ISO timestamp to a datetime-local input value in the computer's time zone. */
export function toDateTimeLocal(value: string | null): string {
  if (value === null) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Converts a datetime-local value to an ISO timestamp; other text is returned for validation. */
export function fromDateTimeLocal(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
