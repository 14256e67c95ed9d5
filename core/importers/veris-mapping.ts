import type {
  IncidentSeverity,
  IncidentStatus,
  PersonalDataInvolvement,
} from '../../shared/domain/incidents.js';
import { truncateText } from './text-input.js';

/** A VERIS duration, such as `{ unit: 'Months', value: 2 }` for timeline.discovery. */
export interface VerisDuration {
  unit?: string | undefined;
  value?: number | undefined;
}

/** The part of a VERIS incident that the mapping reads; the shape check in veris.ts builds it. */
export interface VerisIncident {
  incident_id?: string | undefined;
  summary?: string | undefined;
  reference?: string | undefined;
  security_incident?: string | undefined;
  timeline: {
    incident: { year: number; month?: number | undefined; day?: number | undefined };
    discovery?: VerisDuration | undefined;
    containment?: VerisDuration | undefined;
  };
  action: Record<string, unknown>;
  attribute?:
    | {
        confidentiality?:
          | {
              data_disclosure?: string | undefined;
              data?: { variety: string }[] | undefined;
              data_total?: number | undefined;
            }
          | undefined;
        availability?: { variety?: string[] | undefined } | undefined;
        integrity?: { variety?: string[] | undefined } | undefined;
      }
    | undefined;
  impact?: { overall_rating?: string | undefined } | undefined;
  victim?: { victim_id?: string | undefined; industry?: string | undefined } | undefined;
  plus?: { master_id?: string | undefined } | undefined;
}

/** VERIS data varieties that describe natural persons; the others are business data. */
export const PERSONAL_DATA_VARIETIES = new Set([
  'Personal',
  'Sensitive Personal',
  'Medical',
  'Payment',
  'Bank',
  'Credentials',
]);

/** Data varieties that may or may not hold personal data. */
const UNDETERMINED_DATA_VARIETIES = new Set(['Other', 'Unknown']);

const IMPACT_SEVERITY: Record<string, IncidentSeverity> = {
  Catastrophic: 'critical',
  Damaging: 'high',
  Painful: 'medium',
  Distracting: 'low',
  Insignificant: 'low',
};

/** Availability varieties that mean the victim lost the use of a system or data, not a device. */
const DISRUPTIVE_AVAILABILITY = new Set([
  'Interruption',
  'Degradation',
  'Destruction',
  'Obscuration',
]);

/** Record count at or above which a confirmed personal data breach is rated critical. */
export const CRITICAL_RECORD_COUNT = 100_000;

const TITLE_MAX_CHARS = 120;
const SUMMARY_MAX_CHARS = 20_000;
const MAX_DATA_VARIETIES = 50;

/** Returns plus.master_id (the stable VCDB key), else incident_id. */
export function externalRefOf(incident: VerisIncident): string | null {
  return incident.plus?.master_id ?? incident.incident_id ?? null;
}

/** Action categories in the order the file lists them, e.g. "hacking, malware". */
export function categoryOf(incident: VerisIncident): string {
  const categories = Object.keys(incident.action);
  return categories.length > 0 ? categories.join(', ') : 'unknown';
}

/**
 * Returns the first line of the summary, cut to about 120 characters, or "<categories> incident at
 * <victim>" when the summary is empty.
 */
export function titleOf(incident: VerisIncident): string {
  const firstLine = (incident.summary ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .find((line) => line !== '');
  if (firstLine !== undefined) {
    return truncateText(firstLine, TITLE_MAX_CHARS);
  }

  const victim =
    incident.victim?.victim_id ??
    (incident.victim?.industry !== undefined
      ? `an organisation in NAICS ${incident.victim.industry}`
      : 'an unknown victim');
  const title = `${categoryOf(incident)} incident at ${victim}`;
  return truncateText(title.charAt(0).toUpperCase() + title.slice(1), TITLE_MAX_CHARS);
}

/** Returns timeline.incident as YYYY, YYYY-MM or YYYY-MM-DD; a day without a month is dropped. */
export function occurredOnOf(incident: VerisIncident): string {
  const { year, month, day } = incident.timeline.incident;
  let date = String(year).padStart(4, '0');

  if (month !== undefined && month >= 1 && month <= 12) {
    date += `-${String(month).padStart(2, '0')}`;
    if (day !== undefined && day >= 1 && day <= 31) {
      date += `-${String(day).padStart(2, '0')}`;
    }
  }

  return date;
}

/** Unique data varieties of attribute.confidentiality.data, in file order. */
export function dataVarietiesOf(incident: VerisIncident): string[] {
  const varieties = (incident.attribute?.confidentiality?.data ?? []).map((data) => data.variety);
  return [...new Set(varieties)]
    .slice(0, MAX_DATA_VARIETIES)
    .map((variety) => variety.slice(0, 100));
}

/**
 * Maps data_disclosure to personal data involvement, counting only disclosures of personal data
 * varieties. A disclosure of business data alone (Internal, Secrets, System ...) is 'no'. A
 * disclosure of Other or Unknown data, or with no data listed, is at most 'potentially'.
 */
export function personalDataOf(incident: VerisIncident): PersonalDataInvolvement {
  const confidentiality = incident.attribute?.confidentiality;
  if (confidentiality === undefined) {
    return 'unknown';
  }

  const disclosure = confidentiality.data_disclosure;
  if (disclosure === 'No') {
    return 'no';
  }
  if (disclosure !== 'Yes' && disclosure !== 'Potentially') {
    return 'unknown';
  }

  const varieties = dataVarietiesOf(incident);
  if (varieties.some((variety) => PERSONAL_DATA_VARIETIES.has(variety))) {
    return disclosure === 'Yes' ? 'yes' : 'potentially';
  }
  if (varieties.length === 0 || varieties.some((v) => UNDETERMINED_DATA_VARIETIES.has(v))) {
    return 'potentially';
  }
  return 'no';
}

/** Returns data_total when it is a whole, non-negative number; data[].amount is not summed. */
export function recordsAffectedOf(incident: VerisIncident): number | null {
  const total = incident.attribute?.confidentiality?.data_total;
  return total !== undefined && Number.isInteger(total) && total >= 0 ? total : null;
}

/**
 * Derives the severity. impact.overall_rating wins when the coder rated it. Otherwise a confirmed
 * personal data breach is high, or critical from 100,000 records. A possible personal data breach,
 * any other data disclosure, a loss of integrity (such as installed malware) or a disruption of
 * availability (ransomware, DoS) is medium. Anything else is low.
 */
export function severityOf(incident: VerisIncident): IncidentSeverity {
  const rated = IMPACT_SEVERITY[incident.impact?.overall_rating ?? ''];
  if (rated !== undefined) {
    return rated;
  }

  const personalData = personalDataOf(incident);
  const records = recordsAffectedOf(incident) ?? 0;
  if (personalData === 'yes') {
    return records >= CRITICAL_RECORD_COUNT ? 'critical' : 'high';
  }

  const disclosure = incident.attribute?.confidentiality?.data_disclosure;
  const availability = incident.attribute?.availability?.variety ?? [];
  const integrity = incident.attribute?.integrity?.variety ?? [];
  if (
    personalData === 'potentially' ||
    disclosure === 'Yes' ||
    disclosure === 'Potentially' ||
    integrity.length > 0 ||
    availability.some((variety) => DISRUPTIVE_AVAILABILITY.has(variety))
  ) {
    return 'medium';
  }
  return 'low';
}

/**
 * VERIS records are coded after the fact from public reports, so an incident is closed unless the
 * coder recorded that it was never contained.
 */
export function statusOf(incident: VerisIncident): IncidentStatus {
  return incident.timeline.containment?.unit === 'Never' ? 'containment' : 'closed';
}

/**
 * Returns the summary followed by the facts that have no field of their own: discovery and
 * containment durations (VERIS gives durations, not timestamps), whether the incident is only
 * suspected, the victim and the references.
 */
export function summaryOf(incident: VerisIncident): string {
  const notes: string[] = [];

  const discovery = describeDuration(incident.timeline.discovery);
  if (discovery !== null) {
    notes.push(`Time to discovery: ${discovery}`);
  }
  const containment = describeDuration(incident.timeline.containment);
  if (containment !== null) {
    notes.push(`Time to containment: ${containment}`);
  }
  if (incident.security_incident !== undefined && incident.security_incident !== 'Confirmed') {
    notes.push(`Security incident: ${incident.security_incident}`);
  }
  const victim = describeVictim(incident);
  if (victim !== null) {
    notes.push(`Victim: ${victim}`);
  }
  if (incident.reference !== undefined && incident.reference.trim() !== '') {
    notes.push(`Reference: ${incident.reference.trim()}`);
  }

  const summary = (incident.summary ?? '').trim();
  const noteBlock =
    notes.length > 0 ? `VERIS notes:\n${notes.map((n) => `- ${n}`).join('\n')}` : '';
  const text = [summary, noteBlock].filter((part) => part !== '').join('\n\n');
  return truncateText(text, SUMMARY_MAX_CHARS);
}

function describeDuration(duration: VerisDuration | undefined): string | null {
  if (duration?.unit === undefined) {
    return null;
  }
  if (duration.unit === 'NA') {
    return 'not applicable';
  }
  const unit = duration.unit.toLowerCase();
  if (duration.value === undefined) {
    return unit;
  }
  return `${duration.value} ${duration.value === 1 ? unit.replace(/s$/, '') : unit}`;
}

function describeVictim(incident: VerisIncident): string | null {
  const name = incident.victim?.victim_id;
  const industry = incident.victim?.industry;
  if (name === undefined && industry === undefined) {
    return null;
  }
  const naics = industry !== undefined ? `NAICS ${industry}` : null;
  return name !== undefined ? `${name}${naics !== null ? ` (${naics})` : ''}` : (naics as string);
}
