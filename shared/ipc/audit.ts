import { z } from 'zod';

import { auditQuerySchema } from '../domain/audit-query.js';
import { channel, noInput } from './define.js';
import { auditEntrySchema, pageSchema } from './records.js';

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  problems: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(['edited', 'broken_link', 'missing', 'head_mismatch', 'damaged_file']),
      message: z.string(),
    }),
  ),
});

export const auditChannels = {
  list: channel('audit:list', auditQuerySchema, pageSchema(auditEntrySchema)),
  /** Walks the whole hash chain, so it takes longer the more entries the trail has. */
  verify: channel('audit:verify', noInput, auditVerificationSchema),
};
