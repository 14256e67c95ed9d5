import { z } from 'zod';

import { incidentInputSchema } from '../domain/incidents.js';
import { incidentQuerySchema } from '../domain/incident-query.js';
import { channel, idSchema, jobIdSchema, patchOf } from './define.js';
import { grantedPathSchema } from './files.js';
import { importSummarySchema, incidentSchema, pageSchema } from './records.js';

/** Preview of an incident file: the count and the first incidents as they would be stored. */
export const incidentImportPreviewSchema = z.object({
  file: z.string(),
  recordCount: z.number().int().nonnegative(),
  sample: z.array(
    incidentInputSchema.pick({
      externalRef: true,
      title: true,
      severity: true,
      status: true,
      occurredOn: true,
    }),
  ),
});
export type IncidentImportPreview = z.infer<typeof incidentImportPreviewSchema>;

export const incidentChannels = {
  list: channel('incidents:list', incidentQuerySchema, pageSchema(incidentSchema)),
  create: channel('incidents:create', incidentInputSchema, incidentSchema),
  update: channel(
    'incidents:update',
    z.strictObject({ id: idSchema, changes: patchOf(incidentInputSchema) }),
    incidentSchema,
  ),
  importPreview: channel(
    'incidents:importPreview',
    z.strictObject({ path: grantedPathSchema }),
    incidentImportPreviewSchema,
  ),
  /** Imports a VERIS JSON file; incidents already imported are matched by their reference. */
  import: channel(
    'incidents:import',
    z.strictObject({ jobId: jobIdSchema, path: grantedPathSchema }),
    importSummarySchema,
  ),
};
