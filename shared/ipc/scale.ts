import { z } from 'zod';

import {
  classificationScaleInputSchema,
  levelRemapSchema,
  type ScaleChangeResult,
} from '../domain/classification-scale.js';
import { classificationScaleSchema } from './classification.js';
import { channel, type Assert, type Extends } from './define.js';

export const scaleChangeSchema = z.object({
  scale: classificationScaleSchema,
  remapped: z.array(z.object({ from: z.string(), to: z.string(), entries: z.number().int() })),
  kept: z.number().int().nonnegative(),
});
export type ScaleChangeView = z.infer<typeof scaleChangeSchema>;
type _ScaleChangeMatches = Assert<Extends<ScaleChangeView, ScaleChangeResult>>;

const scaleChangeInputSchema = z.strictObject({
  scale: classificationScaleInputSchema,
  /** Level names in use, each mapped to the level of the new scale its entries move to. */
  remap: levelRemapSchema.default({}),
});

/** Changes to the vault's classification scale; classification:scale reads the active one. */
export const scaleChannels = {
  /** Counts the entries a scale change would move, without storing anything. */
  preview: channel('scale:preview', scaleChangeInputSchema, scaleChangeSchema),
  set: channel('scale:set', scaleChangeInputSchema, scaleChangeSchema),
};
