import { z } from 'zod';

import {
  art9ConditionSchema,
  dataSubjectCategorySchema,
  thirdCountrySchema,
  transferSafeguardSchema,
} from './processing.js';

/** Default classification scale, from least to most restricted. */
export const CLASSIFICATION_LEVELS = [
  'PUBLIC',
  'INTERNAL',
  'CONFIDENTIAL',
  'SENSITIVE',
  'TOP_SECRET',
] as const;
export const classificationLevelSchema = z.enum(CLASSIFICATION_LEVELS);
export type ClassificationLevel = z.infer<typeof classificationLevelSchema>;

/**
 * Name of a level on the vault's active scale: the default scale's names, or those of a custom
 * scale. The service checks that the name is on the active scale.
 */
export const levelNameSchema = z
  .string()
  .trim()
  .min(1, 'level is required')
  .max(40)
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]*$/,
    'level names start with a letter and contain only letters, digits, "_" and "-"',
  );
export type ClassificationLevelName = z.infer<typeof levelNameSchema>;

/**
 * Personal data categories a detector or a person can assign to a field. The GDPR Art. 9 special
 * categories and Art. 10 criminal data are listed in SPECIAL_CATEGORIES.
 */
export const PERSONAL_DATA_CATEGORIES = [
  'name',
  'email',
  'phone',
  'postal_address',
  'date_of_birth',
  'national_id',
  'payment_card',
  'bank_account',
  'online_identifier',
  'credentials',
  'free_text',
  'other_personal',
  'health',
  'biometric',
  'genetic',
  'racial_or_ethnic_origin',
  'political_opinions',
  'religious_beliefs',
  'trade_union_membership',
  'sex_life_or_orientation',
  'criminal',
] as const;
export const personalDataCategorySchema = z.enum(PERSONAL_DATA_CATEGORIES);
export type PersonalDataCategory = z.infer<typeof personalDataCategorySchema>;

/** The GDPR Art. 9(1) special categories together with Art. 10 criminal offence data. */
export const SPECIAL_CATEGORIES: readonly PersonalDataCategory[] = [
  'health',
  'biometric',
  'genetic',
  'racial_or_ethnic_origin',
  'political_opinions',
  'religious_beliefs',
  'trade_union_membership',
  'sex_life_or_orientation',
  'criminal',
];

/** The special categories of GDPR Art. 9(1), which need an Art. 9(2) condition. */
export const ART9_SPECIAL_CATEGORIES: readonly PersonalDataCategory[] = SPECIAL_CATEGORIES.filter(
  (category) => category !== 'criminal',
);

/** True for a special category of Art. 9(1); criminal offence data (Art. 10) is not one. */
export function isSpecialCategory(category: PersonalDataCategory | null): boolean {
  return category !== null && ART9_SPECIAL_CATEGORIES.includes(category);
}

/**
 * True for personal data relating to criminal convictions and offences (Art. 10), which only an
 * official authority or a law authorising it may process.
 */
export function isCriminalOffenceData(category: PersonalDataCategory | null): boolean {
  return category === 'criminal';
}

/** Lawful bases of GDPR Art. 6(1), points (a) to (f). */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export const legalBasisSchema = z.enum(LEGAL_BASES);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const LEGAL_BASIS_POINTS: Readonly<Record<LegalBasis, string>> = {
  consent: 'Art. 6(1)(a)',
  contract: 'Art. 6(1)(b)',
  legal_obligation: 'Art. 6(1)(c)',
  vital_interests: 'Art. 6(1)(d)',
  public_task: 'Art. 6(1)(e)',
  legitimate_interests: 'Art. 6(1)(f)',
};

export const ENTRY_SOURCES = ['manual', 'import', 'scan'] as const;
export const entrySourceSchema = z.enum(ENTRY_SOURCES);
export type EntrySource = z.infer<typeof entrySourceSchema>;

export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const text = (max: number) => z.string().trim().max(max);

/** A list of short texts, trimmed, without blanks or repeats. */
const textList = (max: number, maxItems: number) =>
  z
    .array(text(max))
    .max(maxItems)
    .transform((items) => [...new Set(items.filter((item) => item !== ''))])
    .default([]);

/** A list of enum values without repeats. */
const uniqueList = <Item extends z.ZodType<string>>(item: Item, maxItems: number) =>
  z
    .array(item)
    .max(maxItems)
    .transform((items) => [...new Set(items)])
    .default([]);

/**
 * One field of the classification map, as written by a person, an import or a scan. The system
 * and dataset are given by name; the service files the field under them, creating them if needed.
 */
export const classificationEntryInputSchema = z.object({
  system: text(200).min(1, 'system is required'),
  dataset: text(200).min(1, 'dataset is required'),
  field: text(200).min(1, 'field is required'),
  level: levelNameSchema,
  category: personalDataCategorySchema.nullable().default(null),
  personalData: z.boolean().default(false),
  description: text(2000).default(''),
  owner: text(200).default(''),
  retention: z
    .string()
    .trim()
    .regex(ISO_DURATION, 'retention must be an ISO 8601 duration such as P6Y or P30D')
    .nullable()
    .default(null),
  legalBasis: legalBasisSchema.nullable().default(null),
  source: entrySourceSchema.default('manual'),
  proposed: z.boolean().default(false),
  confidence: z.number().min(0).max(1).nullable().default(null),
  /** Categories of data subjects the field describes (Art. 30(1)(c)). */
  dataSubjects: uniqueList(dataSubjectCategorySchema, 20),
  /** Purpose of the processing (Art. 30(1)(b)); empty when not yet stated. */
  purpose: text(500).default(''),
  /** Art. 9(2) condition for a special category; null for other data. */
  specialCategoryCondition: art9ConditionSchema.nullable().default(null),
  /** Event that starts the retention period: one of RETENTION_TRIGGERS or free text. */
  retentionTrigger: text(200)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null),
  /** Recipients or categories of recipients (Art. 30(1)(d)). */
  recipients: textList(200, 50),
  /** Countries outside the EEA the data is transferred to, ISO 3166-1 alpha-2. */
  transfers: uniqueList(thirdCountrySchema, 50),
  /** Safeguard for the transfers; null while no transfer is recorded or it is not yet known. */
  transferSafeguard: transferSafeguardSchema.nullable().default(null),
  /** Person who looks after the field day to day, next to the accountable owner. */
  steward: text(200).default(''),
  encryptionRequired: z.boolean().default(false),
  encryptionInPlace: z.boolean().default(false),
  maskingRequired: z.boolean().default(false),
  maskingInPlace: z.boolean().default(false),
  /** Date (YYYY-MM-DD) by which the entry is reviewed again. */
  nextReviewOn: z.iso.date('nextReviewOn must be a date as YYYY-MM-DD').nullable().default(null),
});
export type ClassificationEntryInput = z.input<typeof classificationEntryInputSchema>;
export type ClassificationEntryDraft = z.output<typeof classificationEntryInputSchema>;

export interface ClassificationEntry extends ClassificationEntryDraft {
  id: number;
  /** Id of the system the field belongs to; `system` is that system's name. */
  systemId: number;
  /** Id of the dataset the field belongs to; `dataset` is that dataset's name. */
  datasetId: number;
  createdAt: string;
  updatedAt: string;
}
