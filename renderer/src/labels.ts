import type { ClassificationLevel, LegalBasis, PersonalDataCategory } from '../../shared/domain/classification.js';
import type { IncidentStatus, PersonalDataInvolvement } from '../../shared/domain/incidents.js';
import { REQUEST_ARTICLES, type RequestStatus, type RequestType } from '../../shared/domain/privacy.js';

/** "postal_address" as "Postal address". */
export function humanize(value: string): string {
  const spaced = value.replace(/_/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export const LEVEL_LABELS: Record<ClassificationLevel, string> = {
  PUBLIC: 'Public',
  INTERNAL: 'Internal',
  CONFIDENTIAL: 'Confidential',
  SENSITIVE: 'Sensitive',
  TOP_SECRET: 'Top secret',
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

/** An ISO timestamp as local date and time; an invalid value is shown as it is. */
export function formatTimestamp(value: string | null): string {
  if (value === null) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}
