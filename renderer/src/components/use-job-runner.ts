import { useCallback, useState } from 'react';

import { api, ApiError, newJobId, unwrap } from '../api/client';
import type { IpcResult } from '../../../shared/ipc/result.js';
import { useJobs } from '../state/jobs';

export interface JobRunner<Result> {
  /** Id of the running job, for JobProgress; null when no job runs. */
  jobId: string | null;
  result: Result | null;
  error: string | null;
  /** True when the last run ended because the user cancelled it. */
  cancelled: boolean;
  run(start: (jobId: string) => Promise<IpcResult<Result>>): Promise<Result | null>;
  cancel(): void;
  reset(): void;
}

/** Runs one long call with a fresh job id, tracks its outcome and cancels it on request. */
export function useJobRunner<Result>(): JobRunner<Result> {
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const run = useCallback(async (start: (jobId: string) => Promise<IpcResult<Result>>) => {
    const id = newJobId();
    setJobId(id);
    setResult(null);
    setError(null);
    setCancelled(false);
    try {
      const value = await unwrap(start(id));
      setResult(value);
      return value;
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'CANCELLED') setCancelled(true);
      setError(caught instanceof Error ? caught.message : String(caught));
      return null;
    } finally {
      setJobId(null);
      useJobs.getState().forget(id);
    }
  }, []);

  const cancel = useCallback(() => {
    if (jobId !== null) void api().jobs.cancel({ jobId });
  }, [jobId]);

  const reset = useCallback(() => {
    setResult(null);
    setError(null);
    setCancelled(false);
  }, []);

  return { jobId, result, error, cancelled, run, cancel, reset };
}
