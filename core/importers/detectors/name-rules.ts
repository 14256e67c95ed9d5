import type { PersonalDataCategory } from '../../../shared/domain/classification.js';
import { toSnake, tokenize } from './tokens.js';

/**
 * A detector rule on a column (or field) name. Patterns run on the name as `_word_word_` (see
 * toSnake). `needsPersonContext` rules only apply in a table about people, because words such as
 * "name", "city" or "title" are just as common in catalogue tables.
 */
export interface NameRule {
  category: PersonalDataCategory;
  pattern: RegExp;
  strength: number;
  needsPersonContext: boolean;
  reason: string;
}

/** A name rule that matched, with its strength after exclusions. */
export interface NameMatch {
  category: PersonalDataCategory;
  strength: number;
  reason: string;
}

const rule = (
  category: PersonalDataCategory,
  pattern: RegExp,
  strength: number,
  reason: string,
  needsPersonContext = false,
): NameRule => ({ category, pattern, strength, needsPersonContext, reason });

// "address" or "street", except addresses that are not postal: EmailAddress, ip_address ...
const POSTAL_ADDRESS_NAME =
  /(?<!_(e_?mail|ip|ip_?v[46]|mac|web|url|wallet|contract|memory|network|hardware|virtual|remote|local|gateway|broadcast|multicast|bitcoin|btc|eth|ethereum|crypto))_(street|address|addr|address_?line)(_?\d)?_/;

export const NAME_RULES: readonly NameRule[] = [
  rule(
    'name',
    /_(first|given|middle|last|family|maiden|full|legal|display|nick)_?name_/,
    0.8,
    'named like a person name',
  ),
  rule(
    'name',
    /_(surname|forename|vorname|nachname|prenom|apellidos?|cognome|voornaam|achternaam)_/,
    0.8,
    'named like a person name',
  ),
  rule(
    'name',
    /_(customer|client|employee|patient|contact|person|member|student|holder|cardholder|recipient|beneficiary|applicant|guest|passenger)_name_/,
    0.7,
    'named like the name of a person',
  ),
  rule('name', /^_(name|nom|nombre|naam)_$/, 0.55, 'a name column in a table about people', true),

  rule('email', /_e_?mail(s|_?addr(ess)?(es)?)?_/, 0.8, 'named like an e-mail address'),
  rule(
    'phone',
    /_(phone|telephone|fax|msisdn|telefon|telefono)(_?(no|num|number|nr))?_/,
    0.75,
    'named like a phone number',
  ),
  rule(
    'phone',
    /_(tel|mobile|cell|cellphone)(_?(no|num|number|nr))?_/,
    0.6,
    'named like a phone number',
    true,
  ),

  rule('postal_address', POSTAL_ADDRESS_NAME, 0.6, 'named like a postal address'),
  rule(
    'postal_address',
    /_(city|town|state|province|county|country|suburb|postal_?code|post_?code|zip|zip_?code|plz)_/,
    0.55,
    'named like part of a postal address of a person',
    true,
  ),

  rule(
    'date_of_birth',
    /_(date_?of_?birth|birth_?date|birth_?day|dob|born(_?on)?|geburtsdatum|fecha_?nacimiento|date_?naissance)_/,
    0.85,
    'named like a date of birth',
  ),

  rule(
    'national_id',
    /_(ssn|social_?security(_?(no|num|number))?|national_?id|national_?insurance(_?(no|number))?|nino|passport(_?(no|num|number))?|tax_?id|personnummer|bsn|cpf|aadhaar|driver_?s?_?licen[cs]e(_?(no|number))?|driving_?licen[cs]e|id_?card(_?(no|number))?|steuer_?id)_/,
    0.85,
    'named like a national identification number',
  ),
  rule(
    'national_id',
    /_(sin|tin|nin|dni|nif|nie)_/,
    0.6,
    'named like a national identification number',
    true,
  ),

  rule(
    'payment_card',
    /_(card_?(no|num|number)|credit_?card(_?(no|num|number))?|cc_?(no|num|number)|cvv2?|cvc2?|card_?pan)_/,
    0.85,
    'named like a payment card number',
  ),
  rule('payment_card', /_pan_/, 0.6, 'named like a payment card number', true),

  rule(
    'bank_account',
    /_(iban|bank_?account(_?(no|num|number))?|routing_?(no|number)|sort_?code|swift_?code|bic)_/,
    0.8,
    'named like a bank account',
  ),
  rule('bank_account', /_account_?(no|num|number)_/, 0.6, 'named like a bank account number', true),

  rule(
    'credentials',
    /_(password|passwd|pwd|pass_?hash|passcode|pin_?code|secret|api_?key|access_?token|refresh_?token|auth_?token|private_?key|security_?answer|otp_?secret|mfa_?secret)_/,
    0.85,
    'named like a credential',
  ),
  rule('credentials', /_(hash|salt|token|pin)_/, 0.5, 'named like a credential', true),

  rule(
    'online_identifier',
    /_(ip|ip_?addr(ess)?|ipv4|ipv6|user_?agent|device_?id|cookie(_?id)?|session_?id|mac_?addr(ess)?|username|user_?name|login(_?name)?|imei|advertising_?id|idfa|gaid)_/,
    0.7,
    'named like an online identifier',
  ),

  rule(
    'health',
    /_(diagnos[ie]s|medication|prescription|blood_?type|icd(_?10)?|allerg(y|ies)|clinical_?notes?|medical_?(history|record|condition)s?)_/,
    0.85,
    'named like health data',
  ),
  rule(
    'health',
    /_(health|medical|treatment|disabilit(y|ies)|symptoms?|condition)_/,
    0.6,
    'named like health data',
    true,
  ),
  rule(
    'racial_or_ethnic_origin',
    /_(race|ethnicity|ethnic_?origin)_/,
    0.7,
    'named like racial or ethnic origin',
    true,
  ),
  rule(
    'religious_beliefs',
    /_(religion|religious_?\w*|faith|denomination)_/,
    0.7,
    'named like religious beliefs',
    true,
  ),
  rule(
    'political_opinions',
    /_(political_?\w*|party_?affiliation)_/,
    0.7,
    'named like political opinions',
    true,
  ),
  rule(
    'trade_union_membership',
    /_(trade_?union\w*|union_?member(ship)?)_/,
    0.8,
    'named like trade union membership',
  ),
  rule(
    'sex_life_or_orientation',
    /_(sexual_?orientation|sex_?life)_/,
    0.85,
    'named like sexual orientation',
  ),
  rule(
    'biometric',
    /_(biometric\w*|face_?template|fingerprint_?template|iris_?scan|voice_?print)_/,
    0.85,
    'named like biometric data',
  ),
  rule('genetic', /_(genetic\w*|genome|dna_?\w*)_/, 0.8, 'named like genetic data'),
  rule(
    'criminal',
    /_(criminal_?\w*|convictions?|offen[cs]es?)_/,
    0.75,
    'named like criminal records',
    true,
  ),

  rule(
    'other_personal',
    /_(customer|client|employee|patient|user|member|person|student|contact|applicant|subscriber)_?(id|no|num|number|ref|key)_/,
    0.6,
    'named like the identifier of a person',
  ),
  rule(
    'other_personal',
    /_(kunden|personal|mitarbeiter|patienten)_?(nummer|nr)_/,
    0.6,
    'named like the identifier of a person',
  ),
  rule(
    'other_personal',
    /_(support_?rep|sales_?rep|account_?manager|manager|supervisor|reports_?to|assigned_?to|case_?worker|line_?manager)(_?(id|no|num|number|key))?_/,
    0.6,
    'named like a reference to another person, such as a representative or manager',
    true,
  ),
  rule(
    'other_personal',
    /_(gender|sex|nationality|citizenship|marital_?status|age|photo|signature|salary|wage|income)_/,
    0.6,
    'named like data about a person',
    true,
  ),
  rule(
    'other_personal',
    /_(job_?title|title|position|hire_?date|termination_?date|employee_?(no|number))_/,
    0.5,
    'named like employment data about a person',
    true,
  ),

  rule(
    'free_text',
    /_(notes?|comments?|remarks?|memo|free_?text|narrative)_/,
    0.5,
    'free text in a table about people',
    true,
  ),
];

/**
 * Words that make a name describe an organisation or a catalogue item rather than a person, e.g.
 * "CompanyName", "ProductTitle", "FileName". They turn off the rules that need person context and
 * halve the others.
 */
const NON_PERSON_WORDS = new Set([
  'company',
  'organisation',
  'organization',
  'org',
  'employer',
  'vendor',
  'supplier',
  'business',
  'store',
  'shop',
  'branch',
  'office',
  'product',
  'item',
  'file',
  'table',
  'column',
  'host',
  'server',
  'domain',
  'app',
  'application',
  'project',
  'package',
  'album',
  'track',
  'genre',
  'playlist',
  'media',
  'category',
  'type',
  'brand',
]);

/** Matches a name against the rules; returns every match, strongest first. */
export function matchName(name: string, personContext: boolean): NameMatch[] {
  const tokens = tokenize(name);
  const snake = toSnake(tokens);
  const aboutOrganisation = tokens.some((token) => NON_PERSON_WORDS.has(token));

  const matches: NameMatch[] = [];
  for (const candidate of NAME_RULES) {
    if (!candidate.pattern.test(snake)) {
      continue;
    }
    if (candidate.needsPersonContext && (!personContext || aboutOrganisation)) {
      continue;
    }
    const strength = aboutOrganisation ? candidate.strength / 2 : candidate.strength;
    matches.push({ category: candidate.category, strength, reason: candidate.reason });
  }

  return matches.sort((a, b) => b.strength - a.strength);
}

/** Words in a column name that mark an address of a person: BillingCity, shipping_zip. */
const PERSONAL_ADDRESS_PREFIXES =
  /_(billing|shipping|delivery|mailing|home|residential|postal|private)_/;

/** Returns whether a column name itself gives person context (e.g. "BillingCity"). */
export function nameGivesPersonContext(name: string): boolean {
  return PERSONAL_ADDRESS_PREFIXES.test(toSnake(tokenize(name)));
}
