/**
 * Splits an identifier or a phrase into lower-case ASCII words: "BillingPostalCode",
 * "billing_postal_code" and "Billing postal code" all give billing, postal, code. Accents are
 * dropped so that "Prénom" matches "prenom".
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '');
}

/**
 * Joins tokens as `_a_b_c_`, so a rule pattern can match whole words with `_word_` without
 * look-behind.
 */
export function toSnake(tokens: readonly string[]): string {
  return `_${tokens.join('_')}_`;
}

/**
 * Words that make a table (or dataset) describe people, in English and a few other European
 * languages. Plural forms are matched by stripping a final "s" or "es".
 */
const PERSON_WORDS = new Set([
  'customer',
  'client',
  'employee',
  'user',
  'person',
  'people',
  'patient',
  'contact',
  'member',
  'account',
  'staff',
  'student',
  'pupil',
  'subscriber',
  'applicant',
  'candidate',
  'guest',
  'passenger',
  'driver',
  'worker',
  'personnel',
  'individual',
  'citizen',
  'resident',
  'tenant',
  'beneficiary',
  'beneficiarie',
  'donor',
  'volunteer',
  'visitor',
  'lead',
  'recipient',
  'buyer',
  'profile',
  'physician',
  'doctor',
  'nurse',
  'teacher',
  'parent',
  'guardian',
  'hr',
  'kunde',
  'kunden',
  'mitarbeiter',
  'cliente',
  'empleado',
  'usuario',
  'utilisateur',
  'salarie',
  'personne',
  'paciente',
  'persona',
  'klant',
  'klanten',
  'medewerker',
  'gebruiker',
]);

/** Returns whether a table or dataset name shows that its rows describe people. */
export function isPersonTableName(name: string): boolean {
  return tokenize(name).some((token) => isPersonWord(token));
}

export function isPersonWord(token: string): boolean {
  if (PERSON_WORDS.has(token)) {
    return true;
  }
  if (token.endsWith('es') && PERSON_WORDS.has(token.slice(0, -2))) {
    return true;
  }
  return token.endsWith('s') && PERSON_WORDS.has(token.slice(0, -1));
}
