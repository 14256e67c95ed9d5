import { z } from 'zod';

import { privacyRequestInputSchema } from '../domain/privacy.js';
import { privacyQuerySchema } from '../domain/privacy-query.js';
import { channel, idSchema, patchOf } from './define.js';
import { pageSchema, privacyRequestSchema } from './records.js';

export const privacyChannels = {
  /** Without asOf, overdue and due-soon filters count from today in the vault's time zone. */
  list: channel('privacy:list', privacyQuerySchema, pageSchema(privacyRequestSchema)),
  create: channel('privacy:create', privacyRequestInputSchema, privacyRequestSchema),
  update: channel(
    'privacy:update',
    z.strictObject({ id: idSchema, changes: patchOf(privacyRequestInputSchema) }),
    privacyRequestSchema,
  ),
};
