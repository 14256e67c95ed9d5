import {
  PERSONAL_DATA_CATEGORIES,
  SPECIAL_CATEGORIES,
  type ClassificationEntry,
} from '../../shared/domain/classification.js';
import {
  controllerDetailsInputSchema,
  type ControllerDetails,
  type ControllerDetailsInput,
  type ProcessingActivity,
  type RecordOfProcessing,
  type RopaGrouping,
} from '../../shared/domain/ropa.js';
import type { TransferSafeguard } from '../../shared/domain/processing.js';
import { parseInput } from '../validation.js';
import type { Vault } from '../vault/vault.js';
import { ENTRY_COLUMNS, ENTRY_FROM, toEntry, type EntryRow } from './repository.js';

const CONTROLLER_KEYS: Readonly<Record<keyof ControllerDetails, string>> = {
  name: 'controller.name',
  contact: 'controller.contact',
  dpo: 'controller.dpo',
  representative: 'controller.representative',
};

/** Groups fields without a purpose when the record is grouped by purpose. */
export const NO_PURPOSE = '(no purpose stated)';

/** An activity being gathered: sets that become the sorted lists of ProcessingActivity. */
interface ActivityBuilder {
  name: string;
  systems: Set<string>;
  locations: Set<string>;
  purposes: Set<string>;
  legalBases: Set<string>;
  dataSubjects: Set<string>;
  categories: Set<string>;
  art9Conditions: Set<string>;
  recipients: Set<string>;
  transfers: Map<string, Set<TransferSafeguard | null>>;
  retention: Map<string, { period: string | null; trigger: string | null; fields: number }>;
  security: ProcessingActivity['security'];
}

/**
 * The Art. 30(1) record of processing activities, derived from the personal data fields of the
 * classification map, and the controller details it starts with.
 */
export class RecordOfProcessingService {
  private readonly personalEntries;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
  ) {
    this.personalEntries = vault.db.prepare(
      `SELECT ${ENTRY_COLUMNS}, s.location AS system_location ${ENTRY_FROM}
       WHERE e.personal_data = 1 ORDER BY s.name, d.name, e.field`,
    );
  }

  getController(): ControllerDetails {
    const details = {} as ControllerDetails;
    for (const [field, key] of Object.entries(CONTROLLER_KEYS)) {
      details[field as keyof ControllerDetails] = this.vault.getMeta(key) ?? '';
    }
    return details;
  }

  setController(input: ControllerDetailsInput): ControllerDetails {
    const draft = parseInput(controllerDetailsInputSchema, input, 'controller details');

    return this.vault.transaction(() => {
      const before = this.getController();
      for (const [field, key] of Object.entries(CONTROLLER_KEYS)) {
        this.vault.setMeta(key, draft[field as keyof ControllerDetails]);
      }
      const after = this.getController();
      this.vault.audit.append({
        actor: this.actor,
        action: 'settings.controller.update',
        entityType: 'settings',
        before,
        after,
      });
      return after;
    });
  }

  /** Derives the record, one activity per system (default) or per purpose. */
  record(groupBy: RopaGrouping = 'system'): RecordOfProcessing {
    const builders = new Map<string, ActivityBuilder>();
    const rows = this.personalEntries.iterate() as IterableIterator<
      EntryRow & { system_location: string }
    >;
    for (const row of rows) {
      const entry = toEntry(row);
      const name = groupBy === 'system' ? entry.system : entry.purpose || NO_PURPOSE;
      let builder = builders.get(name);
      if (builder === undefined) {
        builder = newBuilder(name);
        builders.set(name, builder);
      }
      addField(builder, entry, row.system_location);
    }

    return {
      generatedAt: new Date().toISOString(),
      groupBy,
      controller: this.getController(),
      activities: [...builders.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(toActivity),
    };
  }
}

function newBuilder(name: string): ActivityBuilder {
  return {
    name,
    systems: new Set(),
    locations: new Set(),
    purposes: new Set(),
    legalBases: new Set(),
    dataSubjects: new Set(),
    categories: new Set(),
    art9Conditions: new Set(),
    recipients: new Set(),
    transfers: new Map(),
    retention: new Map(),
    security: {
      fields: 0,
      encryptionRequired: 0,
      encryptionInPlace: 0,
      maskingRequired: 0,
      maskingInPlace: 0,
    },
  };
}

function addField(builder: ActivityBuilder, entry: ClassificationEntry, location: string): void {
  builder.systems.add(entry.system);
  if (location !== '') builder.locations.add(location);
  if (entry.purpose !== '') builder.purposes.add(entry.purpose);
  if (entry.legalBasis !== null) builder.legalBases.add(entry.legalBasis);
  if (entry.category !== null) builder.categories.add(entry.category);
  if (entry.specialCategoryCondition !== null) {
    builder.art9Conditions.add(entry.specialCategoryCondition);
  }
  entry.dataSubjects.forEach((subject) => builder.dataSubjects.add(subject));
  entry.recipients.forEach((recipient) => builder.recipients.add(recipient));
  for (const country of entry.transfers) {
    const safeguards = builder.transfers.get(country) ?? new Set();
    safeguards.add(entry.transferSafeguard);
    builder.transfers.set(country, safeguards);
  }

  const retentionKey = JSON.stringify([entry.retention, entry.retentionTrigger]);
  const retention = builder.retention.get(retentionKey) ?? {
    period: entry.retention,
    trigger: entry.retentionTrigger,
    fields: 0,
  };
  retention.fields += 1;
  builder.retention.set(retentionKey, retention);

  const security = builder.security;
  security.fields += 1;
  if (entry.encryptionRequired) security.encryptionRequired += 1;
  if (entry.encryptionInPlace) security.encryptionInPlace += 1;
  if (entry.maskingRequired) security.maskingRequired += 1;
  if (entry.maskingInPlace) security.maskingInPlace += 1;
}

function toActivity(builder: ActivityBuilder): ProcessingActivity {
  const sorted = <T extends string>(values: Set<T> | Set<string>) => [...values].sort() as T[];
  const categories = PERSONAL_DATA_CATEGORIES.filter((category) =>
    builder.categories.has(category),
  );

  return {
    name: builder.name,
    systems: sorted(builder.systems),
    locations: sorted(builder.locations),
    purposes: sorted(builder.purposes),
    legalBases: sorted(builder.legalBases) as ProcessingActivity['legalBases'],
    dataSubjects: sorted(builder.dataSubjects) as ProcessingActivity['dataSubjects'],
    personalDataCategories: categories,
    specialCategories: categories.filter((category) => SPECIAL_CATEGORIES.includes(category)),
    art9Conditions: sorted(builder.art9Conditions) as ProcessingActivity['art9Conditions'],
    recipients: sorted(builder.recipients),
    transfers: [...builder.transfers.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([country, safeguards]) => ({ country, safeguards: [...safeguards] })),
    retention: [...builder.retention.values()].sort((a, b) => b.fields - a.fields),
    security: builder.security,
    fields: builder.security.fields,
  };
}
