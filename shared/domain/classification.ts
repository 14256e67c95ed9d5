import { z } from 'zod';

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

export const ENTRY_SOURCES = ['manual', 'import', 'scan'] as const;
export const entrySourceSchema = z.enum(ENTRY_SOURCES);
export type EntrySource = z.infer<typeof entrySourceSchema>;

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const text = (max: number) => z.string().trim().max(max);

/** One field of the classification map, as written by a person, an import or a scan. */
export const classificationEntryInputSchema = z.object({
  system: text(200).min(1, 'system is required'),
  dataset: text(200).min(1, 'dataset is required'),
  field: text(200).min(1, 'field is required'),
  level: classificationLevelSchema,
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
});
export type ClassificationEntryInput = z.input<typeof classificationEntryInputSchema>;
export type ClassificationEntryDraft = z.output<typeof classificationEntryInputSchema>;

export interface ClassificationEntry extends ClassificationEntryDraft {
  id: number;
  createdAt: string;
  updatedAt: string;
}
