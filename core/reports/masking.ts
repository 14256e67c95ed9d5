/**
 * Masking of personal data in report cells. The patterns err towards hiding too much: any run of
 * seven or more digits that is not a date is treated as a phone number, so long ticket numbers
 * or IP addresses in free text are masked too.
 */

import { stripXmlIllegalCharacters } from './text-safety.js';

const MASK = '***';

/** Fewer code points than this are masked whole, because first and last would reveal most of it. */
const MIN_PARTIAL_MASK_LENGTH = 4;

// The local part allows the characters of RFC 5322's dot-atom plus the apostrophe common in names.
const EMAIL_SOURCE = String.raw`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`;
const EMAIL_PATTERN = new RegExp(EMAIL_SOURCE, 'gu');
const WHOLE_EMAIL = new RegExp(`^${EMAIL_SOURCE}$`, 'u');

// ISO dates and timestamps, and day-first dates such as 15.01.2024, are matched first so that the
// digits in them are not taken for a phone number.
const DATE_SOURCE = String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}`;

// Seven or more digits, each pair separated by at most three of space ( ) . / -, with an optional
// leading + or (. E.164 allows at most 15 digits, and 7 is a common length of a local number.
const PHONE_SOURCE = String.raw`\+?\(?\d(?:[ ()./-]{0,3}\d){6,}`;

// The lookbehind and lookahead keep digits inside identifiers, hashes and paths (abc1234567,
// v1.2345678, /1234567/) from matching.
const DATE_OR_PHONE_PATTERN = new RegExp(
  String.raw`(?<![\w./-])(?:(${DATE_SOURCE})|(${PHONE_SOURCE}))(?!\w)`,
  'g',
);
const WHOLE_PHONE = new RegExp(`^${PHONE_SOURCE}$`);

/** Key under which audit entries store a data subject's reference, masked like the request's. */
const SUBJECT_REF_KEY = 'subjectRef';

/**
 * Masks an email address to its first character, the first character of its domain and the
 * top-level domain: john.doe@example.com becomes j***@e***.com.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) {
    return maskToken(email);
  }

  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  const topLevel = labels.length > 1 ? labels[labels.length - 1] : undefined;
  const domainStart = firstCodePoint(labels[0] ?? '');
  const domain =
    topLevel === undefined ? `${domainStart}${MASK}` : `${domainStart}${MASK}.${topLevel}`;
  return `${firstCodePoint(local)}${MASK}@${domain}`;
}

/** Masks a phone number to its leading + (if any) and its last two digits: +44***58. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < MIN_PARTIAL_MASK_LENGTH) {
    return MASK;
  }

  const plus = phone.trimStart().startsWith('+') ? '+' : '';
  return `${plus}${MASK}${digits.slice(-2)}`;
}

/**
 * Masks a data subject reference. Emails and phone numbers keep their own shapes. Anything else
 * (a customer number, a name) keeps only its first and last character.
 */
export function maskSubjectRef(subjectRef: string): string {
  const trimmed = subjectRef.trim();
  if (WHOLE_EMAIL.test(trimmed)) {
    return maskEmail(trimmed);
  }
  if (WHOLE_PHONE.test(trimmed)) {
    return maskPhone(trimmed);
  }
  return maskToken(trimmed);
}

/** Masks every email address and phone-number-like run of digits inside free text. */
export function maskFreeText(text: string): string {
  const withoutEmails = text.replace(EMAIL_PATTERN, (email) => maskEmail(email));

  return withoutEmails.replace(DATE_OR_PHONE_PATTERN, (match: string, date: string | undefined) =>
    date === undefined ? maskPhone(match) : match,
  );
}

/**
 * Masks a JSON-compatible value such as an audit entry's before or after state: every string loses
 * the characters illegal in XML and goes through maskFreeText, and a subjectRef property goes
 * through maskSubjectRef. Returns a new value.
 */
export function maskJsonValue(value: unknown): unknown {
  if (typeof value === 'string') {
    // JSON.stringify would turn a control character into a \u escape that splits an address.
    return maskFreeText(stripXmlIllegalCharacters(value));
  }
  if (Array.isArray(value)) {
    return value.map((item) => maskJsonValue(item));
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }

  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    masked[key] =
      key === SUBJECT_REF_KEY && typeof item === 'string'
        ? maskSubjectRef(item)
        : maskJsonValue(item);
  }
  return masked;
}

function maskToken(token: string): string {
  // Code points, not UTF-16 units, so that a character outside the BMP is never cut in half.
  const codePoints = Array.from(token);
  if (codePoints.length < MIN_PARTIAL_MASK_LENGTH) {
    return MASK;
  }
  return `${codePoints[0]}${MASK}${codePoints[codePoints.length - 1]}`;
}

function firstCodePoint(text: string): string {
  return Array.from(text)[0] ?? '';
}
