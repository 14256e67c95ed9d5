import {
  ART9_CONDITIONS,
  ART9_CONDITION_POINTS,
  DATA_SUBJECT_CATEGORIES,
  TRANSFER_SAFEGUARDS,
  isEeaCountry,
  type Art9Condition,
  type DataSubjectCategory,
  type TransferSafeguard,
} from '../../shared/domain/processing.js';
import { COUNTRY_CODES } from '../../shared/domain/countries.js';
import { ValueError } from './classification-values.js';

/**
 * Parsers for the processing details in an imported classification row. Like those in
 * classification-values.ts, each returns the model value, null (or an empty list) for an empty
 * cell, or throws a ValueError that names the accepted values.
 */

const EMPTY = new Set(['', '-', 'n/a', 'na', 'none', 'null']);

function isEmpty(value: string): boolean {
  return EMPTY.has(value.trim().toLowerCase());
}

function toKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Splits a cell that lists several values: by semicolons, vertical bars, commas or line breaks. */
export function splitList(value: string): string[] {
  if (isEmpty(value)) {
    return [];
  }
  return value
    .split(/[;|,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Reads a confidence as a fraction from 0 to 1: "0.85", the decimal comma of European exports
 * ("0,85"), or a percentage ("85%", "85 %", or a whole number from 2 to 100 without the sign).
 */
export function parseConfidence(value: string): number | null {
  const text = value.trim();
  if (text === '') {
    return null;
  }
  const percent = text.endsWith('%');
  const number = Number(text.replace(/%$/, '').trim().replace(',', '.'));
  if (text.replace(/%$/, '').trim() === '' || !Number.isFinite(number)) {
    throw new ValueError(`confidence "${text}" is not a number; write 0.85, 0,85 or 85%`);
  }

  const wholePercent = !percent && number > 1 && Number.isInteger(number);
  const fraction = percent || wholePercent ? number / 100 : number;
  if (fraction < 0 || fraction > 1) {
    throw new ValueError(`confidence "${text}" is outside 0 to 1 (0% to 100%)`);
  }
  return fraction;
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si', 'wahr']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'nein', 'non', 'falsch']);

/** Reads yes or no; an empty cell gives null. `name` is the field, for the message. */
export function parseYesNo(value: string, name: string): boolean | null {
  const word = value.trim().toLowerCase();
  if (word === '') {
    return null;
  }
  if (TRUE_WORDS.has(word)) {
    return true;
  }
  if (FALSE_WORDS.has(word)) {
    return false;
  }
  throw new ValueError(`${name} "${value.trim()}" is not yes or no`);
}

const SUBJECT_SYNONYMS: Readonly<Record<string, DataSubjectCategory>> = {
  customer: 'customers',
  clients: 'customers',
  client: 'customers',
  prospect: 'prospects',
  leads: 'prospects',
  employee: 'employees',
  staff: 'employees',
  applicants: 'job_applicants',
  candidates: 'job_applicants',
  contractor: 'contractors',
  suppliers: 'supplier_contacts',
  vendors: 'supplier_contacts',
  patient: 'patients',
  minors: 'children',
  child: 'children',
  student: 'students',
  pupils: 'students',
  member: 'members',
  user: 'users',
  visitors: 'website_visitors',
  beneficiary: 'beneficiaries',
};

export function parseDataSubjects(value: string): DataSubjectCategory[] {
  return splitList(value).map((item) => {
    const key = toKey(item);
    const subject =
      DATA_SUBJECT_CATEGORIES.find((candidate) => candidate === key) ?? SUBJECT_SYNONYMS[key];
    if (subject === undefined) {
      throw new ValueError(
        `data subject category "${item}" is unknown; use ${DATA_SUBJECT_CATEGORIES.join(', ')}`,
      );
    }
    return subject;
  });
}

/** Accepts a condition name ("explicit consent") or its point ("Art. 9(2)(a)", "9.2.a"). */
export function parseArt9Condition(value: string): Art9Condition | null {
  if (isEmpty(value)) {
    return null;
  }
  const key = toKey(value);
  const named = ART9_CONDITIONS.find((condition) => condition === key);
  if (named !== undefined) {
    return named;
  }

  const point = /9_?2_?([a-j])$/.exec(key)?.[1];
  const byPoint = ART9_CONDITIONS.find((condition) =>
    ART9_CONDITION_POINTS[condition].endsWith(`(${point})`),
  );
  if (point !== undefined && byPoint !== undefined) {
    return byPoint;
  }
  throw new ValueError(
    `Art. 9(2) condition "${value.trim()}" is unknown; use the point such as "Art. 9(2)(a)" or ` +
      `one of ${ART9_CONDITIONS.join(', ')}`,
  );
}

const COUNTRY_SYNONYMS: Readonly<Record<string, string>> = {
  uk: 'GB',
  usa: 'US',
  united_states: 'US',
  united_kingdom: 'GB',
  great_britain: 'GB',
  switzerland: 'CH',
  india: 'IN',
  china: 'CN',
  japan: 'JP',
  canada: 'CA',
  australia: 'AU',
  brazil: 'BR',
};

/** Reads ISO 3166-1 alpha-2 codes of countries outside the EEA; a few names are accepted too. */
export function parseTransfers(value: string): string[] {
  return splitList(value).map((item) => {
    const upper = item.toUpperCase();
    const code = (COUNTRY_CODES as readonly string[]).includes(upper)
      ? upper
      : COUNTRY_SYNONYMS[toKey(item)];
    if (code === undefined) {
      throw new ValueError(`transfer country "${item}" is not an ISO 3166-1 code such as US or IN`);
    }
    if (isEeaCountry(code)) {
      throw new ValueError(
        `transfer country ${code} is in the EEA; list only countries outside it`,
      );
    }
    return code;
  });
}

const SAFEGUARD_SYNONYMS: Readonly<Record<string, TransferSafeguard>> = {
  adequacy: 'adequacy_decision',
  art_45: 'adequacy_decision',
  scc: 'sccs',
  standard_contractual_clauses: 'sccs',
  art_46: 'sccs',
  bcr: 'bcrs',
  binding_corporate_rules: 'bcrs',
  art_47: 'bcrs',
  art_49: 'derogation',
  derogations: 'derogation',
};

export function parseTransferSafeguard(value: string): TransferSafeguard | null {
  const text = value.trim();
  if (text === '' || text === '-') {
    return null;
  }
  const key = toKey(text);
  const safeguard =
    TRANSFER_SAFEGUARDS.find((candidate) => candidate === key) ?? SAFEGUARD_SYNONYMS[key];
  if (safeguard === undefined) {
    throw new ValueError(
      `transfer safeguard "${text}" is unknown; use ${TRANSFER_SAFEGUARDS.join(', ')}`,
    );
  }
  return safeguard;
}

/**
 * Reads a calendar date as YYYY-MM-DD: ISO dates (with or without a time, as XLSX date cells
 * arrive) and day-first dates with dots ("31.12.2025").
 */
export function parseCalendarDay(value: string, name: string): string | null {
  const text = value.trim();
  if (text === '') {
    return null;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/.exec(text);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const parts =
    iso !== null
      ? [iso[1], iso[2], iso[3]]
      : dotted !== null
        ? [dotted[3], dotted[2], dotted[1]]
        : null;
  if (parts !== null) {
    const [year, month, day] = parts.map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return date.toISOString().slice(0, 10);
    }
  }
  throw new ValueError(`${name} "${text}" is not a date; write it as YYYY-MM-DD`);
}
