import type { Database } from 'better-sqlite3-multiple-ciphers';

import {
  classificationEntryInputSchema,
  type ClassificationEntryDraft,
} from '../../shared/domain/classification.js';
import type {
  AttributeChange,
  HistoricalField,
  MapAsOf,
  MapDiff,
} from '../../shared/domain/classification-history.js';
import { SynapseError } from '../../shared/errors.js';
import { isCalendarDate, parseCalendarDate } from '../dates.js';
import { ENTRY_ENTITY } from './service.js';
import { DATASET_ENTITY, SYSTEM_ENTITY } from './systems-service.js';

interface SnapshotRow {
  entity_id: string;
  action: string;
  after_json: string | null;
}

/** An entry as an audit entry recorded it; entries written before systems had ids lack them. */
interface EntrySnapshot extends Partial<ClassificationEntryDraft> {
  id?: number;
  systemId?: number;
  datasetId?: number;
}

/** Defaults of every attribute, for snapshots written before an attribute existed. */
const ATTRIBUTE_DEFAULTS: ClassificationEntryDraft = classificationEntryInputSchema.parse({
  system: '-',
  dataset: '-',
  field: '-',
  level: 'PUBLIC',
});
const ATTRIBUTES = Object.keys(ATTRIBUTE_DEFAULTS) as (keyof ClassificationEntryDraft)[];

/**
 * The classification map at past moments, rebuilt from the audit trail: for each entity, the
 * after-state of its last audit entry at or before the moment, unless that entry deleted it.
 * A system or dataset renamed later shows under the name it had at that moment.
 */
export class MapHistory {
  private readonly lastSnapshots;

  constructor(
    db: Database,
    private readonly timeZone: () => string,
  ) {
    this.lastSnapshots = db.prepare(
      `SELECT a.entity_id, a.action, a.after_json FROM audit_log a
       WHERE a.seq IN (
         SELECT max(seq) FROM audit_log
         WHERE entity_type = @entityType AND entity_id IS NOT NULL AND at <= @at
         GROUP BY entity_id)
       ORDER BY a.seq`,
    );
  }

  /**
   * Rebuilds the map as of `when`: a date (YYYY-MM-DD, meaning the end of that day in the vault's
   * time zone) or an ISO 8601 timestamp.
   */
  asOf(when: string): MapAsOf {
    const at = this.instantOf(when);
    const systems = this.statesOf(SYSTEM_ENTITY, at);
    const datasets = this.statesOf(DATASET_ENTITY, at);

    const fields: HistoricalField[] = [];
    for (const [id, snapshot] of this.statesOf(ENTRY_ENTITY, at)) {
      fields.push(toField(id, snapshot as EntrySnapshot, systems, datasets));
    }
    fields.sort(
      (a, b) =>
        a.system.localeCompare(b.system) ||
        a.dataset.localeCompare(b.dataset) ||
        a.field.localeCompare(b.field) ||
        a.id - b.id,
    );
    return { asOf: at, fields };
  }

  /** Compares the map at two moments: fields added, removed, and changed with each attribute. */
  diff(from: string, to: string): MapDiff {
    const before = this.asOf(from);
    const after = this.asOf(to);
    const earlier = new Map(before.fields.map((field) => [field.id, field]));

    const result: MapDiff = {
      from: before.asOf,
      to: after.asOf,
      added: [],
      removed: [],
      changed: [],
    };
    for (const field of after.fields) {
      const old = earlier.get(field.id);
      earlier.delete(field.id);
      if (old === undefined) {
        result.added.push(field);
        continue;
      }
      const changes = changedAttributes(old, field);
      if (changes.length > 0) {
        const { id, system, dataset } = field;
        result.changed.push({ id, system, dataset, field: field.field, changes });
      }
    }
    result.removed = [...earlier.values()];
    return result;
  }

  /** Returns the after-state of every entity of a type at the instant, by entity id. */
  private statesOf(entityType: string, at: string): Map<number, Record<string, unknown>> {
    const states = new Map<number, Record<string, unknown>>();
    const rows = this.lastSnapshots.all({ entityType, at }) as SnapshotRow[];
    for (const row of rows) {
      if (row.action.endsWith('.delete') || row.after_json === null) continue;
      states.set(Number(row.entity_id), JSON.parse(row.after_json) as Record<string, unknown>);
    }
    return states;
  }

  /**
   * Turns a date or timestamp into the ISO instant the audit trail is compared with. Impossible
   * dates such as 2026-02-30 are rejected, because `Date` would roll them over to March.
   */
  private instantOf(when: string): string {
    const text = when.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      return endOfDay(parseCalendarDate(text, 'date'), this.timeZone());
    }
    const datePart = /^(\d{4})-(\d{2})-(\d{2})T/.exec(text);
    const time = Date.parse(text);
    const format = 'write YYYY-MM-DD (the end of that day) or an ISO 8601 timestamp.';
    if (datePart === null || Number.isNaN(time)) {
      throw new SynapseError('INVALID_INPUT', `"${when}" is not a date; ${format}`);
    }
    if (!isCalendarDate(Number(datePart[1]), Number(datePart[2]), Number(datePart[3]))) {
      throw new SynapseError('INVALID_INPUT', `"${when}" is not a calendar date; ${format}`);
    }
    return new Date(time).toISOString();
  }
}

function toField(
  id: number,
  snapshot: EntrySnapshot,
  systems: ReadonlyMap<number, Record<string, unknown>>,
  datasets: ReadonlyMap<number, Record<string, unknown>>,
): HistoricalField {
  const field = { ...ATTRIBUTE_DEFAULTS, id } as HistoricalField;
  for (const attribute of ATTRIBUTES) {
    const value = snapshot[attribute];
    if (value !== undefined) (field as unknown as Record<string, unknown>)[attribute] = value;
  }

  // Names come from the dataset and system as they were then, when the snapshot links them.
  // NOTE: Snapshots written before schema version 20 carry no ids, so such a field keeps the names
  // it was last written with, even when its system or dataset was renamed after that.
  const dataset = snapshot.datasetId === undefined ? undefined : datasets.get(snapshot.datasetId);
  const systemId = (dataset?.systemId as number | undefined) ?? snapshot.systemId;
  const system = systemId === undefined ? undefined : systems.get(systemId);
  if (typeof dataset?.name === 'string') field.dataset = dataset.name;
  if (typeof system?.name === 'string') field.system = system.name;
  else if (typeof dataset?.system === 'string') field.system = dataset.system;
  return field;
}

function changedAttributes(before: HistoricalField, after: HistoricalField): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const attribute of ATTRIBUTES) {
    const old = before[attribute];
    const current = after[attribute];
    if (JSON.stringify(old) !== JSON.stringify(current)) {
      changes.push({ attribute, before: old, after: current });
    }
  }
  return changes;
}

/** Returns the last millisecond of a calendar date in an IANA time zone as an ISO UTC timestamp. */
export function endOfDay(date: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const nextMidnight = Date.UTC(year, month - 1, day + 1);

  // The zone's offset at the wall-clock time, applied twice to settle on DST changes.
  let instant = nextMidnight - offsetAt(nextMidnight, timeZone);
  instant = nextMidnight - offsetAt(instant, timeZone);
  return new Date(instant - 1).toISOString();
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wallClock = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return wallClock - Math.floor(instant / 1000) * 1000;
}
