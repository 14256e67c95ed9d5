import { z } from 'zod';

import type { MapAsOf } from '../domain/classification-history.js';
import { classificationEntryInputSchema } from '../domain/classification.js';
import { channel, idSchema, type Assert, type Extends } from './define.js';

/** A date (end of that day in the vault's time zone) or an ISO 8601 timestamp. */
const momentSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: 'use a date (YYYY-MM-DD) or an ISO 8601 timestamp',
});

const historicalFieldSchema = classificationEntryInputSchema.extend({ id: idSchema });

export const mapAsOfSchema = z.object({ asOf: z.string(), fields: z.array(historicalFieldSchema) });
export type MapAsOfView = z.infer<typeof mapAsOfSchema>;
type _AsOfMatches = Assert<Extends<MapAsOfView, MapAsOf>>;

export const mapDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  added: z.array(historicalFieldSchema),
  removed: z.array(historicalFieldSchema),
  changed: z.array(
    z.object({
      id: idSchema,
      system: z.string(),
      dataset: z.string(),
      field: z.string(),
      changes: z.array(
        z.object({
          attribute: z.enum(
            Object.keys(classificationEntryInputSchema.shape) as [string, ...string[]],
          ),
          before: z.unknown(),
          after: z.unknown(),
        }),
      ),
    }),
  ),
});
export type MapDiffView = z.infer<typeof mapDiffSchema>;

/** The classification map's history, rebuilt from the audit trail. */
export const mapHistoryChannels = {
  asOf: channel('history:asOf', z.strictObject({ when: momentSchema }), mapAsOfSchema),
  diff: channel(
    'history:diff',
    z.strictObject({ from: momentSchema, to: momentSchema }),
    mapDiffSchema,
  ),
};
