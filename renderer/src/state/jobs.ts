import { create } from 'zustand';

import type { JobProgress } from '../../../shared/ipc/jobs.js';
import { api } from '../api/client';

interface JobState {
  progress: Record<string, JobProgress>;
  record(progress: JobProgress): void;
  forget(jobId: string): void;
}

/** The latest progress event of each running job, by job id. */
export const useJobs = create<JobState>()((set) => ({
  progress: {},
  record: (progress) =>
    set((state) => ({ progress: { ...state.progress, [progress.jobId]: progress } })),
  forget: (jobId) =>
    set((state) => {
      const { [jobId]: _removed, ...rest } = state.progress;
      return { progress: rest };
    }),
}));

let unsubscribe: (() => void) | null = null;

/** Subscribes once to main's progress events; later calls do nothing. */
export function listenToJobProgress(): void {
  if (unsubscribe !== null) return;
  unsubscribe = api().jobs.onProgress((progress) => useJobs.getState().record(progress));
}
