import { SynapseError } from '../../../shared/errors.js';
import type { JobProgress } from '../../../shared/ipc/jobs.js';
import { moduleLogger } from '../../log/logger.js';
import type { HandlerContext } from './types.js';

const log = moduleLogger('jobs');

/** Shortest gap between two progress events of one phase; ends of phases are always sent. */
export const PROGRESS_INTERVAL_MS = 100;

type Phase = JobProgress['phase'];

/** A running job: its abort signal and a throttled progress sink. */
export interface JobRun {
  readonly jobId: string;
  readonly signal: AbortSignal;
  progress(phase: Phase, done: number, total: number | null): void;
  /** Throws CANCELLED when the job was cancelled; call it between steps. */
  throwIfCancelled(): void;
}

interface RunningJob {
  windowId: number;
  controller: AbortController;
}

/** The long-running calls in flight, each cancellable by the window that started it. */
export class JobRegistry {
  private readonly running = new Map<string, RunningJob>();

  /**
   * Runs work as the job jobId, named jobName in messages and logs. The id must be new. Progress
   * goes to the calling window, and a final "done" event follows success.
   */
  async run<T>(
    context: HandlerContext,
    jobId: string,
    jobName: string,
    work: (job: JobRun) => Promise<T>,
  ): Promise<T> {
    if (this.running.has(jobId)) {
      throw new SynapseError(
        'USAGE',
        `Job ${jobId} is already running; start a job with a new id.`,
      );
    }
    const controller = new AbortController();
    this.running.set(jobId, { windowId: context.windowId, controller });
    log.info({ jobId, jobName }, 'job started');

    const job = createJobRun(context, jobId, jobName, controller.signal);
    try {
      const result = await work(job);
      job.throwIfCancelled();
      context.emitProgress({ jobId, phase: 'done', done: 1, total: 1 });
      log.info({ jobId, jobName }, 'job finished');
      return result;
    } catch (error) {
      const code = error instanceof SynapseError ? error.code : 'INTERNAL';
      log.info({ jobId, jobName, code }, 'job stopped');
      throw error;
    } finally {
      this.running.delete(jobId);
    }
  }

  /** Cancels a job of this window; returns false when the window runs no such job. */
  cancel(windowId: number, jobId: string): boolean {
    const job = this.running.get(jobId);
    if (job === undefined || job.windowId !== windowId) return false;
    job.controller.abort();
    log.info({ jobId }, 'job cancelled');
    return true;
  }

  /** Cancels every job of a window that is closing. */
  cancelWindow(windowId: number): void {
    for (const [jobId, job] of this.running) {
      if (job.windowId === windowId) {
        job.controller.abort();
        log.info({ jobId }, 'job cancelled because its window closed');
      }
    }
  }
}

function createJobRun(
  context: HandlerContext,
  jobId: string,
  jobName: string,
  signal: AbortSignal,
): JobRun {
  let lastPhase: Phase | null = null;
  let lastSentAt = 0;

  return {
    jobId,
    signal,
    progress(phase, done, total) {
      const now = Date.now();
      const phaseEnd = total !== null && done >= total;
      if (phase === lastPhase && !phaseEnd && now - lastSentAt < PROGRESS_INTERVAL_MS) return;
      lastPhase = phase;
      lastSentAt = now;
      context.emitProgress({ jobId, phase, done, total });
    },
    throwIfCancelled() {
      if (signal.aborted) {
        throw new SynapseError('CANCELLED', `The ${jobName} was cancelled; nothing was stored.`);
      }
    },
  };
}
