import { z } from 'zod';

import { securityFindingInputSchema } from '../domain/findings.js';
import { findingQuerySchema } from '../domain/finding-query.js';
import { channel, jobIdSchema } from './define.js';
import { grantedPathSchema } from './files.js';
import { importSummarySchema, pageSchema, securityFindingSchema } from './records.js';

/** Scanner output formats the findings importers read. */
export const FINDING_FORMATS = ['sarif', 'scorecard', 'npm-audit', 'bandit'] as const;
export const findingFormatSchema = z.enum(FINDING_FORMATS);
export type FindingFormat = z.infer<typeof findingFormatSchema>;

export const findingImportPreviewSchema = z.object({
  file: z.string(),
  recordCount: z.number().int().nonnegative(),
  sample: z.array(
    securityFindingInputSchema.pick({ tool: true, ruleId: true, title: true, severity: true }),
  ),
});
export type FindingImportPreview = z.infer<typeof findingImportPreviewSchema>;

const importFileSchema = z.strictObject({ path: grantedPathSchema, format: findingFormatSchema });

export const findingChannels = {
  list: channel('findings:list', findingQuerySchema, pageSchema(securityFindingSchema)),
  importPreview: channel('findings:importPreview', importFileSchema, findingImportPreviewSchema),
  import: channel(
    'findings:import',
    importFileSchema.extend({ jobId: jobIdSchema }),
    importSummarySchema,
  ),
};
