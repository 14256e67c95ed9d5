import type {
  ClassificationLevel,
  PersonalDataCategory,
} from '../../../shared/domain/classification.js';
import { proposeLevel } from './levels.js';
import { maskValue } from './mask.js';
import { matchName, nameGivesPersonContext } from './name-rules.js';
import {
  containsContactDetails,
  isEmail,
  isFreeText,
  isHexDigest,
  isIban,
  isIpAddress,
  isNationalIdNumber,
  isPasswordHash,
  isPaymentCardNumber,
  isPersonName,
  isPhoneNumber,
  isPlaceName,
  isPlausibleBirthDate,
  isPostalCode,
  isStreetLine,
} from './value-checks.js';

/** Facts about a field other than its values. */
export interface FieldContext {
  /** Table or dataset name. */
  dataset: string;
  field: string;
  description?: string;
  /** Whether the rows describe people (from the table name, its links, or its other columns). */
  personContext: boolean;
  /** Table of people that this field identifies or references, from keys in a database. */
  personLink?: string | null;
}

export interface FieldProposal {
  personalData: boolean;
  category: PersonalDataCategory | null;
  level: ClassificationLevel;
  confidence: number;
  reasons: string[];
  /** Sampled values that pass the category's value check (0 for categories without one). */
  matched: number;
  maskedExamples: string[];
}

type ValueCheck = (value: string) => boolean;

/** Checks that confirm a category suggested by the field name. */
const CONFIRMING_CHECKS: Partial<Record<PersonalDataCategory, ValueCheck>> = {
  email: isEmail,
  phone: (value) => isPhoneNumber(value, false),
  payment_card: isPaymentCardNumber,
  bank_account: (value) => isIban(value) || /^\d[\d\s-]{5,33}$/.test(value.trim()),
  national_id: (value) => isNationalIdNumber(value) || /^[A-Z0-9][A-Z0-9 -]{4,19}$/i.test(value),
  date_of_birth: (value) => isPlausibleBirthDate(value),
  postal_address: (value) => isStreetLine(value) || isPostalCode(value) || isPlaceName(value),
  name: isPersonName,
  online_identifier: (value) => value.trim() !== '',
  credentials: (value) => value.trim() !== '',
  free_text: (value) => value.trim() !== '',
};

/**
 * Checks strong enough to flag a field by its values alone, with the strength they give and the
 * share of sampled values that must pass.
 */
const VALUE_DETECTORS: readonly {
  category: PersonalDataCategory;
  check: ValueCheck;
  strength: number;
  minShare: number;
  reason: string;
}[] = [
  {
    category: 'email',
    check: isEmail,
    strength: 0.9,
    minShare: 0.6,
    reason: 'values are e-mail addresses',
  },
  {
    category: 'payment_card',
    check: isPaymentCardNumber,
    strength: 0.9,
    minShare: 0.6,
    reason: 'values are payment card numbers (Luhn check passes)',
  },
  {
    category: 'bank_account',
    check: isIban,
    strength: 0.9,
    minShare: 0.6,
    reason: 'values are IBANs (mod-97 check passes)',
  },
  {
    category: 'national_id',
    check: isNationalIdNumber,
    strength: 0.8,
    minShare: 0.6,
    reason: 'values are national identification numbers (US SSN or UK NINO)',
  },
  {
    category: 'credentials',
    check: isPasswordHash,
    strength: 0.9,
    minShare: 0.6,
    reason: 'values are password hashes (bcrypt, Argon2, scrypt or crypt)',
  },
  {
    category: 'online_identifier',
    check: isIpAddress,
    strength: 0.7,
    minShare: 0.6,
    reason: 'values are IP addresses',
  },
  {
    category: 'phone',
    check: (value) => isPhoneNumber(value, true),
    strength: 0.6,
    minShare: 0.8,
    reason: 'values are phone numbers',
  },
  {
    category: 'free_text',
    check: (value) => isFreeText(value) && containsContactDetails(value),
    strength: 0.6,
    minShare: 0.2,
    reason: 'free text contains e-mail addresses or phone numbers',
  },
];

const DESCRIPTION_WEIGHT = 0.7;
const PERSON_LINK_STRENGTH = 0.65;
const MIN_CONFIDENCE = 0.3;
const MAX_EXAMPLES = 3;

interface Candidate {
  nameStrength: number;
  valueStrength: number;
  reasons: string[];
}

/**
 * Proposes whether a field contains personal data, its category and level, from its name, its
 * description, the keys that link it to people, and sampled values. The values are only read here:
 * the proposal keeps a count and at most three masked examples.
 */
export function proposeFieldClassification(
  context: FieldContext,
  values: readonly string[] = [],
): FieldProposal {
  const candidates = new Map<PersonalDataCategory, Candidate>();
  const candidateFor = (category: PersonalDataCategory): Candidate => {
    const existing = candidates.get(category);
    if (existing !== undefined) {
      return existing;
    }
    const created: Candidate = { nameStrength: 0, valueStrength: 0, reasons: [] };
    candidates.set(category, created);
    return created;
  };

  // 1. Signals from the field name and description.
  addNameSignals(context, candidateFor);

  // 2. Signals from keys that identify or reference a person.
  if (context.personLink !== undefined && context.personLink !== null) {
    const candidate = candidateFor('other_personal');
    candidate.nameStrength = Math.max(candidate.nameStrength, PERSON_LINK_STRENGTH);
    candidate.reasons.push(`identifies a person in table ${context.personLink}`);
  }

  // 3. Signals from the sampled values.
  addValueSignals(values, candidates, candidateFor);

  // 4. The category with the highest combined confidence wins.
  return decide(candidates, values);
}

function addNameSignals(
  context: FieldContext,
  candidateFor: (category: PersonalDataCategory) => Candidate,
): void {
  const personContext = context.personContext || nameGivesPersonContext(context.field);
  const fieldMatches = matchName(context.field, personContext);

  for (const match of fieldMatches) {
    const candidate = candidateFor(match.category);
    if (match.strength > candidate.nameStrength) {
      candidate.nameStrength = match.strength;
      candidate.reasons.unshift(`field ${match.reason}`);
    }
  }

  if (fieldMatches.length > 0 || context.description === undefined) {
    return;
  }
  for (const match of matchName(context.description, personContext)) {
    const candidate = candidateFor(match.category);
    const strength = match.strength * DESCRIPTION_WEIGHT;
    if (strength > candidate.nameStrength) {
      candidate.nameStrength = strength;
      candidate.reasons.unshift(`description ${match.reason.replace(/^named like/, 'mentions')}`);
    }
  }
}

function addValueSignals(
  values: readonly string[],
  candidates: Map<PersonalDataCategory, Candidate>,
  candidateFor: (category: PersonalDataCategory) => Candidate,
): void {
  if (values.length === 0) {
    return;
  }

  for (const [category, candidate] of candidates) {
    const check = CONFIRMING_CHECKS[category];
    if (check === undefined || candidate.nameStrength === 0) {
      continue;
    }
    const matched = values.filter(check).length;
    const share = matched / values.length;
    candidate.valueStrength = Math.max(candidate.valueStrength, 0.5 * share);
    if (values.length >= 5 && share < 0.2) {
      candidate.nameStrength /= 2;
      candidate.reasons.push(`but only ${matched} of ${values.length} sampled values fit`);
    }
  }

  for (const detector of VALUE_DETECTORS) {
    const matched = values.filter(detector.check).length;
    const share = matched / values.length;
    if (share < detector.minShare) {
      continue;
    }
    const candidate = candidateFor(detector.category);
    candidate.valueStrength = Math.max(
      candidate.valueStrength,
      detector.strength * Math.min(1, share / 0.9),
    );
    candidate.reasons.push(`${matched} of ${values.length} sampled ${detector.reason}`);
  }
}

function decide(
  candidates: Map<PersonalDataCategory, Candidate>,
  values: readonly string[],
): FieldProposal {
  let best: { category: PersonalDataCategory; confidence: number; candidate: Candidate } | null =
    null;

  for (const [category, candidate] of candidates) {
    const confidence = 1 - (1 - candidate.nameStrength) * (1 - candidate.valueStrength);
    if (best === null || confidence > best.confidence) {
      best = { category, confidence, candidate };
    }
  }

  if (best === null || best.confidence < MIN_CONFIDENCE) {
    return {
      personalData: false,
      category: null,
      level: proposeLevel(null),
      confidence: values.length > 0 ? 0.7 : 0.5,
      reasons: [
        values.length > 0
          ? `no personal data found in the name or in ${values.length} sampled values`
          : 'no personal data found in the name or description',
      ],
      matched: 0,
      maskedExamples: [],
    };
  }

  const { category, candidate } = best;
  const check = CONFIRMING_CHECKS[category];
  const matchedValues = check === undefined ? [] : values.filter(check);
  const clearTextPasswords = category === 'credentials' && looksLikeClearTextPasswords(values);
  const reasons = [...candidate.reasons];
  if (clearTextPasswords) {
    reasons.push('values look like passwords or secrets stored in clear text, not hashed');
  }

  return {
    personalData: true,
    category,
    level: proposeLevel(category, clearTextPasswords),
    confidence: Math.round(best.confidence * 100) / 100,
    reasons,
    matched: matchedValues.length,
    maskedExamples: [...new Set(matchedValues)]
      .slice(0, MAX_EXAMPLES)
      .map((value) => maskValue(category, value)),
  };
}

/** Half or more of the values are neither a known password hash format nor a hex digest. */
function looksLikeClearTextPasswords(values: readonly string[]): boolean {
  if (values.length === 0) {
    return false;
  }
  const clear = values.filter((value) => !isPasswordHash(value) && !isHexDigest(value)).length;
  return clear / values.length >= 0.5;
}
