import type { LegalBasis, PersonalDataCategory } from '../../../../shared/domain/classification.js';
import type {
  Art9Condition,
  DataSubjectCategory,
  TransferSafeguard,
} from '../../../../shared/domain/processing.js';
import type { ClassificationRow } from '../../api/types';

/** The classification form's state: text fields as strings, choices as '' when unset. */
export interface EntryFormValues {
  system: string;
  dataset: string;
  field: string;
  description: string;
  level: string;
  personalData: boolean;
  category: PersonalDataCategory | '';
  dataSubjects: DataSubjectCategory[];
  specialCategoryCondition: Art9Condition | '';
  purpose: string;
  legalBasis: LegalBasis | '';
  retention: string;
  retentionTrigger: string;
  recipients: string[];
  transfers: string[];
  transferSafeguard: TransferSafeguard | '';
  encryptionRequired: boolean;
  encryptionInPlace: boolean;
  maskingRequired: boolean;
  maskingInPlace: boolean;
  owner: string;
  steward: string;
  nextReviewOn: string;
  proposed: boolean;
}

export function emptyEntry(level: string): EntryFormValues {
  return {
    system: '',
    dataset: '',
    field: '',
    description: '',
    level,
    personalData: false,
    category: '',
    dataSubjects: [],
    specialCategoryCondition: '',
    purpose: '',
    legalBasis: '',
    retention: '',
    retentionTrigger: '',
    recipients: [],
    transfers: [],
    transferSafeguard: '',
    encryptionRequired: false,
    encryptionInPlace: false,
    maskingRequired: false,
    maskingInPlace: false,
    owner: '',
    steward: '',
    nextReviewOn: '',
    proposed: false,
  };
}

export function entryValues(entry: ClassificationRow): EntryFormValues {
  return {
    system: entry.system,
    dataset: entry.dataset,
    field: entry.field,
    description: entry.description,
    level: entry.level,
    personalData: entry.personalData,
    category: entry.category ?? '',
    dataSubjects: entry.dataSubjects,
    specialCategoryCondition: entry.specialCategoryCondition ?? '',
    purpose: entry.purpose,
    legalBasis: entry.legalBasis ?? '',
    retention: entry.retention ?? '',
    retentionTrigger: entry.retentionTrigger ?? '',
    recipients: entry.recipients,
    transfers: entry.transfers,
    transferSafeguard: entry.transferSafeguard ?? '',
    encryptionRequired: entry.encryptionRequired,
    encryptionInPlace: entry.encryptionInPlace,
    maskingRequired: entry.maskingRequired,
    maskingInPlace: entry.maskingInPlace,
    owner: entry.owner,
    steward: entry.steward,
    nextReviewOn: entry.nextReviewOn ?? '',
    proposed: entry.proposed,
  };
}

const orNull = <Value extends string>(value: Value | ''): Value | null =>
  value === '' ? null : value;

/** Converts the form's values to the entry input schema's input. */
export function entryInput(values: EntryFormValues) {
  return {
    ...values,
    category: orNull(values.category),
    specialCategoryCondition: orNull(values.specialCategoryCondition),
    legalBasis: orNull(values.legalBasis),
    retention: values.retention.trim() === '' ? null : values.retention.trim(),
    retentionTrigger: values.retentionTrigger.trim() === '' ? null : values.retentionTrigger,
    transferSafeguard: orNull(values.transferSafeguard),
    nextReviewOn: values.nextReviewOn === '' ? null : values.nextReviewOn,
  };
}
