import { z } from 'zod';

import {
  CLASSIFICATION_LEVELS,
  levelNameSchema,
  type ClassificationLevel,
} from './classification.js';

/** One level of a classification scale. `rank` orders the scale, 0 being the least restricted. */
export interface ScaleLevel {
  name: string;
  label: string;
  /** Display colour as #RRGGBB. */
  color: string;
  /** Fields at this level must be encrypted at rest; the policy check raises a finding if not. */
  requiresEncryption: boolean;
  rank: number;
}

/**
 * The vault's active classification scale. `aliases` maps names that are not on the scale (the
 * default scale's names and levels of earlier scales) to a level of this scale, so detectors,
 * imports and callers that use the default names keep working.
 */
export interface ClassificationScale {
  levels: ScaleLevel[];
  aliases: Record<string, string>;
  /** True while the vault uses the default scale unchanged. */
  isDefault: boolean;
}

export const scaleLevelInputSchema = z.strictObject({
  name: levelNameSchema,
  label: z.string().trim().max(60).default(''),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9A-Fa-f]{6}$/, 'color must be a hex colour such as #C62828'),
  requiresEncryption: z.boolean().default(false),
});

/**
 * A scale as a person defines it: levels from least to most restricted, and aliases that map
 * other level names onto it.
 */
export const classificationScaleInputSchema = z.strictObject({
  levels: z
    .array(scaleLevelInputSchema)
    .min(2, 'a scale needs at least 2 levels')
    .max(12, 'a scale has at most 12 levels')
    .refine(
      (levels) => new Set(levels.map((level) => level.name.toUpperCase())).size === levels.length,
      'level names must be unique, ignoring letter case',
    ),
  aliases: z.record(levelNameSchema, levelNameSchema).default({}),
});
export type ClassificationScaleInput = z.input<typeof classificationScaleInputSchema>;

/**
 * Old level names, each mapped to the level of the new scale its entries move to. Entries at a
 * level that is neither on the new scale nor remapped block the change.
 */
export const levelRemapSchema = z.record(levelNameSchema, levelNameSchema);
export type LevelRemap = z.infer<typeof levelRemapSchema>;

/** Outcome of a scale change, or of its preview. */
export interface ScaleChangeResult {
  scale: ClassificationScale;
  /** Entries moved from one level to another, per pair. */
  remapped: { from: string; to: string; entries: number }[];
  /** Entries whose level stays, because the new scale keeps its name. */
  kept: number;
}

const DEFAULT_COLORS: Readonly<Record<ClassificationLevel, string>> = {
  PUBLIC: '#2E6B30',
  INTERNAL: '#3D5A80',
  CONFIDENTIAL: '#A65300',
  SENSITIVE: '#C62828',
  TOP_SECRET: '#6A1B9A',
};

const DEFAULT_LABELS: Readonly<Record<ClassificationLevel, string>> = {
  PUBLIC: 'Public',
  INTERNAL: 'Internal',
  CONFIDENTIAL: 'Confidential',
  SENSITIVE: 'Sensitive',
  TOP_SECRET: 'Top secret',
};

/** The default scale; SENSITIVE and TOP_SECRET require encryption at rest. */
export const DEFAULT_SCALE: ClassificationScale = {
  levels: CLASSIFICATION_LEVELS.map((name, rank) => ({
    name,
    label: DEFAULT_LABELS[name],
    color: DEFAULT_COLORS[name],
    requiresEncryption: name === 'SENSITIVE' || name === 'TOP_SECRET',
    rank,
  })),
  aliases: {},
  isDefault: true,
};
