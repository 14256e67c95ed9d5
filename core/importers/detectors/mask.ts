import type { PersonalDataCategory } from '../../../shared/domain/classification.js';
import { isIpAddress, isPasswordHash, passwordHashPrefix } from './value-checks.js';

/**
 * Masks a sampled value so an example can be shown without disclosing it: the shape stays, the
 * identifying characters go. Every category keeps at most a first letter, a country code, a
 * year's first three digits or the last two to four digits.
 */
export function maskValue(category: PersonalDataCategory | null, value: string): string {
  const text = value.trim();

  switch (category) {
    case 'email':
      return maskEmail(text);
    case 'phone':
      return maskPhone(text);
    case 'payment_card':
      return `**** **** **** ${digitsOf(text).slice(-4)}`;
    case 'bank_account':
      return maskBankAccount(text);
    case 'national_id':
      return keepLast(text, 2);
    case 'date_of_birth':
      return maskDate(text);
    case 'credentials':
      return maskCredential(text);
    case 'online_identifier':
      return isIpAddress(text) ? maskIp(text) : firstCharacter(text);
    case 'free_text':
      return `[free text, ${text.length} characters]`;
    default:
      return firstCharacter(text);
  }
}

/** "luisg@embraer.com.br" becomes "l****@e****.br". */
function maskEmail(text: string): string {
  const at = text.lastIndexOf('@');
  if (at <= 0) {
    return firstCharacter(text);
  }
  const domain = text.slice(at + 1);
  const topLevel = domain.slice(domain.lastIndexOf('.') + 1);
  return `${text[0]}****@${domain[0] ?? ''}****.${topLevel}`;
}

/** "+1 (514) 721-4711" becomes "+1 *** *** 11"; the country code stays when the number has one. */
function maskPhone(text: string): string {
  const countryCode = /^\+(\d{1,3})/.exec(text)?.[1];
  const last = digitsOf(text).slice(-2);
  return `${countryCode !== undefined ? `+${countryCode} ` : ''}*** *** ${last}`;
}

/** "DE89 3704 0044 0532 0130 00" becomes "DE** **** 3000"; other account numbers keep 2 digits. */
function maskBankAccount(text: string): string {
  const compact = text.replace(/\s/g, '').toUpperCase();
  if (/^[A-Z]{2}\d{2}/.test(compact)) {
    return `${compact.slice(0, 2)}** **** ${compact.slice(-4)}`;
  }
  return keepLast(text, 2);
}

/** "1962-02-18 00:00:00" becomes "196*-**-**". */
function maskDate(text: string): string {
  const year = /\d{4}/.exec(text)?.[0];
  return year !== undefined ? `${year.slice(0, 3)}*-**-**` : '****-**-**';
}

/** Masks a password hash down to its algorithm prefix, and any other credential entirely. */
function maskCredential(text: string): string {
  if (isPasswordHash(text)) {
    return `${passwordHashPrefix(text) ?? ''}****`;
  }
  return '********';
}

/** "192.168.1.20" becomes "192.168.*.*"; an IPv6 address keeps its first group. */
function maskIp(text: string): string {
  if (text.includes(':')) {
    return `${text.split(':')[0] ?? ''}:****`;
  }
  const [first, second] = text.split('.');
  return `${first}.${second}.*.*`;
}

/**
 * Replaces every letter and digit but the last `count` with "*", keeping separators. A value of
 * four or fewer letters and digits is masked entirely.
 */
function keepLast(text: string, count: number): string {
  const total = (text.match(/[\p{L}\d]/gu) ?? []).length;
  const visibleCount = total > 4 ? count : 0;
  let seen = 0;
  return text.replace(/[\p{L}\d]/gu, (char) => {
    seen += 1;
    return seen > total - visibleCount ? char : '*';
  });
}

function firstCharacter(text: string): string {
  const first = Array.from(text)[0];
  return first === undefined ? '' : `${first}****`;
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
