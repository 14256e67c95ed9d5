import {
  CLASSIFICATION_LEVELS,
  LEGAL_BASES,
  PERSONAL_DATA_CATEGORIES,
  type ClassificationLevel,
  type LegalBasis,
  type PersonalDataCategory,
} from '../../shared/domain/classification.js';

/**
 * Parsers for the cell values of a classification CSV. Each returns the model value, null for an
 * empty cell, or throws a ValueError whose message names the accepted values.
 */
export class ValueError extends Error {
  override readonly name = 'ValueError';
}

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

const LEVEL_SYNONYMS: Readonly<Record<string, ClassificationLevel>> = {
  open: 'PUBLIC',
  internal_use: 'INTERNAL',
  internal_only: 'INTERNAL',
  restricted: 'SENSITIVE',
  highly_confidential: 'SENSITIVE',
  secret: 'TOP_SECRET',
  strictly_confidential: 'TOP_SECRET',
};

export function parseLevel(value: string): ClassificationLevel | null {
  if (isEmpty(value)) {
    return null;
  }
  const key = toKey(value);
  const level = CLASSIFICATION_LEVELS.find((candidate) => candidate.toLowerCase() === key);
  const resolved = level ?? LEVEL_SYNONYMS[key];
  if (resolved === undefined) {
    throw new ValueError(
      `level "${value.trim()}" is not a classification level; use one of ` +
        `${CLASSIFICATION_LEVELS.join(', ')} (or restricted, secret, highly confidential)`,
    );
  }
  return resolved;
}

const CATEGORY_SYNONYMS: Readonly<Record<string, PersonalDataCategory>> = {
  address: 'postal_address',
  dob: 'date_of_birth',
  birth_date: 'date_of_birth',
  card: 'payment_card',
  credit_card: 'payment_card',
  bank: 'bank_account',
  iban: 'bank_account',
  credential: 'credentials',
  password: 'credentials',
  ip: 'online_identifier',
  ip_address: 'online_identifier',
  ssn: 'national_id',
  national_identifier: 'national_id',
  notes: 'free_text',
  medical: 'health',
  biometrics: 'biometric',
  criminal_offences: 'criminal',
  criminal_convictions: 'criminal',
};

export function parseCategory(value: string): PersonalDataCategory | null {
  if (isEmpty(value)) {
    return null;
  }
  const key = toKey(value);
  const category =
    PERSONAL_DATA_CATEGORIES.find((candidate) => candidate === key) ?? CATEGORY_SYNONYMS[key];
  if (category === undefined) {
    throw new ValueError(
      `category "${value.trim()}" is not a personal data category; use one of ` +
        PERSONAL_DATA_CATEGORIES.join(', '),
    );
  }
  return category;
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'nein', 'non']);

export function parsePersonalData(value: string): boolean | null {
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
  throw new ValueError(`personal data "${value.trim()}" is not yes or no`);
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const DURATION_UNITS: Readonly<Record<string, string>> = {
  year: 'Y',
  years: 'Y',
  month: 'M',
  months: 'M',
  week: 'W',
  weeks: 'W',
  day: 'D',
  days: 'D',
};

/** Accepts an ISO 8601 duration ("P6Y") or a count and a unit ("6 years", "30 days"). */
export function parseRetention(value: string): string | null {
  if (isEmpty(value)) {
    return null;
  }
  const text = value.trim();
  if (ISO_DURATION.test(text.toUpperCase())) {
    return text.toUpperCase();
  }

  const spelled = /^(\d+)\s*([a-z]+)$/i.exec(text);
  const unit = spelled?.[2] !== undefined ? DURATION_UNITS[spelled[2].toLowerCase()] : undefined;
  if (spelled !== null && unit !== undefined) {
    return `P${Number(spelled[1])}${unit}`;
  }
  throw new ValueError(
    `retention "${text}" is not a duration; write an ISO 8601 duration such as P6Y or P30D, or ` +
      'a count and a unit such as "6 years", and move other text to the description',
  );
}

/** Points (a) to (f) of GDPR Art. 6(1), in the order of LEGAL_BASES. */
const ARTICLE_POINTS = ['a', 'b', 'c', 'd', 'e', 'f'];

const LEGAL_BASIS_SYNONYMS: Readonly<Record<string, LegalBasis>> = {
  legitimate_interest: 'legitimate_interests',
  vital_interest: 'vital_interests',
  contractual_necessity: 'contract',
  performance_of_a_contract: 'contract',
  public_interest: 'public_task',
};

export function parseLegalBasis(value: string): LegalBasis | null {
  if (isEmpty(value)) {
    return null;
  }
  const key = toKey(value);
  const basis = LEGAL_BASES.find((candidate) => candidate === key) ?? LEGAL_BASIS_SYNONYMS[key];
  if (basis !== undefined) {
    return basis;
  }

  // "Art. 6(1)(f)", "6.1.f", "6(1)f"
  const point = /6_?1_?([a-f])$/.exec(key)?.[1];
  if (point !== undefined) {
    return LEGAL_BASES[ARTICLE_POINTS.indexOf(point)] ?? null;
  }
  throw new ValueError(
    `legal basis "${value.trim()}" is not a GDPR Art. 6(1) basis; use one of ` +
      `${LEGAL_BASES.join(', ')} or the article point such as "Art. 6(1)(f)"`,
  );
}
