import type { ClassificationEntryDraft } from './classification.js';

/** A field of the map as it stood at a past moment, rebuilt from the audit trail. */
export interface HistoricalField extends ClassificationEntryDraft {
  id: number;
}

/** The classification map as it stood at the end of a date (or at an exact instant). */
export interface MapAsOf {
  /** The instant the map was rebuilt for, as an ISO 8601 UTC timestamp. */
  asOf: string;
  fields: HistoricalField[];
}

/** One attribute of a field that differs between two dates. */
export interface AttributeChange {
  attribute: keyof ClassificationEntryDraft;
  before: unknown;
  after: unknown;
}

/** The differences in the classification map between two moments. */
export interface MapDiff {
  from: string;
  to: string;
  added: HistoricalField[];
  removed: HistoricalField[];
  changed: {
    id: number;
    system: string;
    dataset: string;
    field: string;
    changes: AttributeChange[];
  }[];
}
