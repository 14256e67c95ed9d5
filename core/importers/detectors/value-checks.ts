import { isIP } from 'node:net';

/** Validators for sampled values. Each takes the value as text and never keeps it. */

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[\p{L}]{2,}$/u;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value.trim());
}

const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

/**
 * Returns whether a value has the shape of a phone number: 7 to 15 digits (the E.164 maximum) with
 * the usual separators. With `strict`, for columns whose name gives no hint, it must also start with
 * "+" or "(" or have three or more digit groups, so plain numbers and dates are not taken.
 */
export function isPhoneNumber(value: string, strict: boolean): boolean {
  const text = value.trim();
  if (!PHONE_CHARACTERS.test(text) || DATE_LIKE.test(text)) {
    return false;
  }

  const digits = text.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) {
    return false;
  }
  if (!strict) {
    return true;
  }
  return /^[+(]/.test(text) || text.split(/[\s.\-/]+/).filter((group) => group !== '').length >= 3;
}

/** Luhn (mod 10) check of a digit string. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

// Issuer prefixes of the major card schemes: Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay,
// Maestro. A random 16-digit number passes Luhn one time in ten, so the prefix is checked too.
const CARD_PREFIX = /^(4|5[1-5]|2[2-7]|3[47]|6011|65|64[4-9]|35|30[0-5]|36|38|62|50|5[6-9]|6[0-9])/;

/** Returns whether a value is a payment card number: 13 to 19 digits, a scheme prefix and Luhn. */
export function isPaymentCardNumber(value: string): boolean {
  const text = value.trim();
  if (!/^[\d\s-]+$/.test(text)) {
    return false;
  }
  const digits = text.replace(/\D/g, '');
  return (
    digits.length >= 13 && digits.length <= 19 && CARD_PREFIX.test(digits) && passesLuhn(digits)
  );
}

/** Returns whether a value is an IBAN with a valid ISO 13616 mod-97 check. */
export function isIban(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) {
    return false;
  }

  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) {
      remainder = (remainder * 10 + Number(digit)) % 97;
    }
  }
  return remainder === 1;
}

/**
 * Returns whether a value is a US Social Security number written as AAA-GG-SSSS, within the ranges
 * the SSA assigns: area not 000, 666 or 900-999, group not 00, serial not 0000.
 */
export function isUsSsn(value: string): boolean {
  return /^(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/.test(value.trim());
}

/**
 * Returns whether a value is a UK National Insurance number: two prefix letters (D, F, I, Q, U, V
 * never; O never second; BG, GB, KN, NK, NT, TN, ZZ not allocated), six digits, suffix A to D.
 */
export function isUkNino(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  return /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(compact);
}

export function isNationalIdNumber(value: string): boolean {
  return isUsSsn(value) || isUkNino(value);
}

/** Password hash formats that carry their algorithm: bcrypt, Argon2, scrypt, crypt(3), Django. */
const PASSWORD_HASH =
  /^(\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(id|i|d)\$\S+|\$scrypt\$\S+|\$[156]\$\S+|(pbkdf2_sha(1|256|512)|bcrypt_sha256|argon2)\$\S+)$/;

const HEX_DIGEST = /^([a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$/i;

export function isPasswordHash(value: string): boolean {
  return PASSWORD_HASH.test(value.trim());
}

/** Returns whether a value is a hex MD5/SHA-1/SHA-256/SHA-512 digest; only meaningful by name. */
export function isHexDigest(value: string): boolean {
  return HEX_DIGEST.test(value.trim());
}

/** Returns the algorithm prefix of a password hash, such as "$2b$" or "$argon2id$". */
export function passwordHashPrefix(value: string): string | null {
  const match = /^(\$[^$]+\$|[a-z0-9_]+\$)/.exec(value.trim());
  return match?.[1] ?? null;
}

export function isIpAddress(value: string): boolean {
  return isIP(value.trim()) !== 0;
}

/**
 * Returns whether a value is a calendar date (optionally with a time) between 1900 and today,
 * which a date of birth must be.
 */
export function isPlausibleBirthDate(value: string, today: Date = new Date()): boolean {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/.exec(text);
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);

  let year: number;
  if (iso !== null) {
    year = Number(iso[1]);
  } else if (dayFirst !== null) {
    year = Number(dayFirst[3]);
  } else {
    return false;
  }
  return year >= 1900 && year <= today.getFullYear();
}

const STREET_WORDS =
  /\b(street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|square|sq|highway|hwy|rue|straße|strasse|str|weg|platz|gasse|allee|via|viale|piazza|calle|avenida|av|rua|plaza|laan|straat|gade|gata|gatan|vej|veien|vegen|ulica|ul)\b\.?/iu;

/**
 * Returns whether a value looks like a street line: a house number next to a word, or a street
 * word such as "Street", "Rue", "Straße", "Av.".
 */
export function isStreetLine(value: string): boolean {
  const text = value.trim();
  if (text.length < 5 || text.length > 200 || !/\p{L}/u.test(text)) {
    return false;
  }
  const numberThenWord = /^\d+[a-z]?[,\s]+\p{L}/iu.test(text);
  const wordThenNumber = /\p{L}[\p{L}.\-']*\s+\d+[a-z]?(\s|,|$)/iu.test(text);
  return numberThenWord || wordThenNumber || STREET_WORDS.test(text);
}

/** Returns whether a value has the shape of a postal code: 3 to 10 letters, digits, spaces, dashes. */
export function isPostalCode(value: string): boolean {
  const text = value.trim();
  return /^[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]$/i.test(text) && /\d/.test(text);
}

/** Returns whether a value looks like a short place name or region code ("São Paulo", "SP"). */
export function isPlaceName(value: string): boolean {
  return /^[\p{L}][\p{L}\p{M} .'\-()]{0,60}$/u.test(value.trim());
}

/** Returns whether a value looks like a person's name: one to four words of letters. */
export function isPersonName(value: string): boolean {
  const text = value.trim();
  return (
    text.length >= 2 &&
    text.length <= 80 &&
    /^[\p{Lu}][\p{L}\p{M}'’.-]*(\s+[\p{L}][\p{L}\p{M}'’.-]*){0,3}$/u.test(text)
  );
}

/** Returns whether a value is free text: at least 30 characters with several words. */
export function isFreeText(value: string): boolean {
  const text = value.trim();
  return text.length >= 30 && text.split(/\s+/).length >= 5;
}

const EMBEDDED_EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.\p{L}{2,}/u;
const EMBEDDED_PHONE = /\+\d[\d\s().-]{7,}\d/;

/** Returns whether free text contains an e-mail address or an international phone number. */
export function containsContactDetails(value: string): boolean {
  return EMBEDDED_EMAIL.test(value) || EMBEDDED_PHONE.test(value);
}
