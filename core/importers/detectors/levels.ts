import {
  SPECIAL_CATEGORIES,
  type ClassificationLevel,
  type PersonalDataCategory,
} from '../../../shared/domain/classification.js';

/** Categories whose disclosure enables fraud or identity theft, or that GDPR Art. 9/10 protect. */
const SENSITIVE_CATEGORIES: ReadonlySet<PersonalDataCategory> = new Set([
  'credentials',
  'national_id',
  'payment_card',
  'bank_account',
  ...SPECIAL_CATEGORIES,
]);

/**
 * Proposes a classification level for a field. Passwords stored in clear text are TOP_SECRET,
 * because the value itself grants access. Credentials (hashes, keys, tokens), national ids, payment
 * cards, bank accounts and the special categories are SENSITIVE. Other personal data is
 * CONFIDENTIAL. A field without personal data is INTERNAL; only a person can declare it PUBLIC.
 */
export function proposeLevel(
  category: PersonalDataCategory | null,
  clearTextPasswords = false,
): ClassificationLevel {
  if (category === null) {
    return 'INTERNAL';
  }
  if (category === 'credentials' && clearTextPasswords) {
    return 'TOP_SECRET';
  }
  return SENSITIVE_CATEGORIES.has(category) ? 'SENSITIVE' : 'CONFIDENTIAL';
}
