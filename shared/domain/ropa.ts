import { z } from 'zod';

import type { LegalBasis, PersonalDataCategory } from './classification.js';
import type { Art9Condition, DataSubjectCategory, TransferSafeguard } from './processing.js';

const text = (max: number) => z.string().trim().max(max);

/** The controller's details for Art. 30(1)(a), kept in the vault's settings. */
export const controllerDetailsInputSchema = z.object({
  name: text(200).default(''),
  contact: text(500).default(''),
  /** Name and contact of the data protection officer, where one is designated. */
  dpo: text(500).default(''),
  /** Representative in the Union (Art. 27), for controllers established outside it. */
  representative: text(500).default(''),
});
export type ControllerDetailsInput = z.input<typeof controllerDetailsInputSchema>;
export type ControllerDetails = z.output<typeof controllerDetailsInputSchema>;

export const ROPA_GROUPINGS = ['system', 'purpose'] as const;
export type RopaGrouping = (typeof ROPA_GROUPINGS)[number];

/** How many fields of an activity have each security measure, out of those that need it. */
export interface SecurityMeasures {
  fields: number;
  encryptionRequired: number;
  encryptionInPlace: number;
  maskingRequired: number;
  maskingInPlace: number;
}

/**
 * One processing activity of the record: the personal data fields of one system (or of one
 * purpose), with the Art. 30(1)(b) to (g) details gathered from them.
 */
export interface ProcessingActivity {
  /** The system name, or the purpose; "(no purpose stated)" groups fields without one. */
  name: string;
  systems: string[];
  /** Hosting locations of the systems. */
  locations: string[];
  purposes: string[];
  legalBases: LegalBasis[];
  dataSubjects: DataSubjectCategory[];
  personalDataCategories: PersonalDataCategory[];
  /** Art. 9 special categories and Art. 10 criminal offence data among the categories. */
  specialCategories: PersonalDataCategory[];
  art9Conditions: Art9Condition[];
  recipients: string[];
  /** Third countries with the safeguards recorded for transfers to them. */
  transfers: { country: string; safeguards: (TransferSafeguard | null)[] }[];
  /** Retention periods with what starts them, and how many fields use each. */
  retention: { period: string | null; trigger: string | null; fields: number }[];
  security: SecurityMeasures;
  fields: number;
}

/** The Art. 30(1) record of processing activities derived from the classification map. */
export interface RecordOfProcessing {
  generatedAt: string;
  groupBy: RopaGrouping;
  controller: ControllerDetails;
  activities: ProcessingActivity[];
}
