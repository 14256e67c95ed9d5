import { z } from 'zod';

import { countryCodeSchema } from './settings.js';

/**
 * Conditions of GDPR Art. 9(2), points (a) to (j), one of which must apply before special
 * categories of personal data may be processed.
 */
export const ART9_CONDITIONS = [
  'explicit_consent',
  'employment_social_protection',
  'vital_interests',
  'not_for_profit_body',
  'made_public_by_subject',
  'legal_claims',
  'substantial_public_interest',
  'health_or_social_care',
  'public_health',
  'archiving_research_statistics',
] as const;
export const art9ConditionSchema = z.enum(ART9_CONDITIONS);
export type Art9Condition = z.infer<typeof art9ConditionSchema>;

/** The point of Art. 9(2) each condition stands for, such as "Art. 9(2)(a)". */
export const ART9_CONDITION_POINTS: Readonly<Record<Art9Condition, string>> = {
  explicit_consent: 'Art. 9(2)(a)',
  employment_social_protection: 'Art. 9(2)(b)',
  vital_interests: 'Art. 9(2)(c)',
  not_for_profit_body: 'Art. 9(2)(d)',
  made_public_by_subject: 'Art. 9(2)(e)',
  legal_claims: 'Art. 9(2)(f)',
  substantial_public_interest: 'Art. 9(2)(g)',
  health_or_social_care: 'Art. 9(2)(h)',
  public_health: 'Art. 9(2)(i)',
  archiving_research_statistics: 'Art. 9(2)(j)',
};

/**
 * Categories of data subjects for the record of processing activities (Art. 30(1)(c)). The list is
 * fixed so that the record groups the same people under the same name; 'other' covers the rest.
 */
export const DATA_SUBJECT_CATEGORIES = [
  'customers',
  'prospects',
  'employees',
  'former_employees',
  'job_applicants',
  'contractors',
  'supplier_contacts',
  'patients',
  'children',
  'students',
  'members',
  'users',
  'website_visitors',
  'beneficiaries',
  'other',
] as const;
export const dataSubjectCategorySchema = z.enum(DATA_SUBJECT_CATEGORIES);
export type DataSubjectCategory = z.infer<typeof dataSubjectCategorySchema>;

/**
 * Events that usually start a retention period. The field also accepts free text, because the
 * trigger is often specific to one process ("closure of the insurance claim").
 */
export const RETENTION_TRIGGERS = [
  'collection',
  'end_of_contract',
  'last_activity',
  'end_of_employment',
  'consent_withdrawn',
] as const;

/** Safeguards for a transfer to a third country under GDPR Chapter V. */
export const TRANSFER_SAFEGUARDS = [
  'adequacy_decision',
  'sccs',
  'bcrs',
  'derogation',
  'none',
] as const;
export const transferSafeguardSchema = z.enum(TRANSFER_SAFEGUARDS);
export type TransferSafeguard = z.infer<typeof transferSafeguardSchema>;

/** The article each safeguard rests on, for the record of processing activities. */
export const TRANSFER_SAFEGUARD_ARTICLES: Readonly<Record<TransferSafeguard, string>> = {
  adequacy_decision: 'Art. 45 adequacy decision',
  sccs: 'Art. 46(2)(c) standard contractual clauses',
  bcrs: 'Art. 47 binding corporate rules',
  derogation: 'Art. 49 derogation',
  none: 'no safeguard',
};

/**
 * Member states of the European Economic Area: the 27 EU member states plus Iceland,
 * Liechtenstein and Norway. A transfer to any other country is a third-country transfer.
 */
// prettier-ignore
export const EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT',
  'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'IS', 'LI', 'NO',
] as const;

export function isEeaCountry(code: string): boolean {
  return (EEA_COUNTRIES as readonly string[]).includes(code.toUpperCase());
}

/** A country outside the EEA that personal data is transferred to, as ISO 3166-1 alpha-2. */
export const thirdCountrySchema = countryCodeSchema.refine(
  (code) => !isEeaCountry(code),
  'list only countries outside the EEA; transfers within the EEA are not third-country transfers',
);
