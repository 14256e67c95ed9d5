import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);

/** An application, database or service that stores data: the top of the classification map. */
export const dataSystemInputSchema = z.object({
  name: text(200).min(1, 'name is required'),
  description: text(2000).default(''),
  /** Accountable owner; fields without an owner of their own fall back to this one. */
  owner: text(200).default(''),
  /** Hosting location, such as "on premises, Frankfurt" or "AWS eu-west-1". */
  location: text(200).default(''),
  /** True when a data processing agreement (Art. 28) covers the system's processor. */
  dpaInPlace: z.boolean().default(false),
});
export type DataSystemInput = z.input<typeof dataSystemInputSchema>;
export type DataSystemDraft = z.output<typeof dataSystemInputSchema>;

export interface DataSystem extends DataSystemDraft {
  id: number;
  /** Datasets and fields filed under the system, counted when it was read. */
  datasetCount: number;
  fieldCount: number;
  createdAt: string;
  updatedAt: string;
}

export const DATASET_KINDS = ['table', 'file', 'bucket', 'other'] as const;
export const datasetKindSchema = z.enum(DATASET_KINDS);
export type DatasetKind = z.infer<typeof datasetKindSchema>;

/** A table, file, bucket or other collection of records inside a system. */
export const datasetInputSchema = z.object({
  systemId: z.number().int().positive(),
  name: text(200).min(1, 'name is required'),
  kind: datasetKindSchema.default('table'),
  description: text(2000).default(''),
});
export type DatasetInput = z.input<typeof datasetInputSchema>;
export type DatasetDraft = z.output<typeof datasetInputSchema>;

export interface Dataset extends DatasetDraft {
  id: number;
  /** Name of the system the dataset belongs to. */
  system: string;
  fieldCount: number;
  createdAt: string;
  updatedAt: string;
}
