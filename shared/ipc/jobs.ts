import { z } from 'zod';

import { channel, jobIdSchema } from './define.js';

/** Main-to-renderer event channel that carries JobProgress; the only channel main sends on. */
export const PROGRESS_EVENT = 'jobs:progress';

export const JOB_PHASES = ['reading', 'parsing', 'storing', 'writing', 'done'] as const;

/** Progress of one long-running call, matched to it by the job id the renderer chose. */
export const jobProgressSchema = z.object({
  jobId: jobIdSchema,
  phase: z.enum(JOB_PHASES),
  /** Units done in this phase: bytes while reading, records or rows afterwards. */
  done: z.number().nonnegative(),
  /** Units in this phase, or null while unknown. */
  total: z.number().nonnegative().nullable(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const jobChannels = {
  /** Aborts a running job of the same window; cancelled is false when no such job runs. */
  cancel: channel(
    'jobs:cancel',
    z.strictObject({ jobId: jobIdSchema }),
    z.object({ cancelled: z.boolean() }),
  ),
};
