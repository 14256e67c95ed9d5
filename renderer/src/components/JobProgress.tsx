import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';

import { useJobs } from '../state/jobs';

export interface JobProgressProps {
  jobId: string;
  /** Label of the job, such as "Importing classification entries". */
  label: string;
  onCancel?(): void;
}

const PHASE_LABELS = {
  reading: 'Reading the file',
  parsing: 'Checking the records',
  storing: 'Storing in the vault',
  writing: 'Writing rows',
  done: 'Finished',
} as const;

function formatUnits(phase: keyof typeof PHASE_LABELS, value: number): string {
  if (phase === 'reading') return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  return value.toLocaleString();
}

/** Shows the progress bar of one running job, fed by main's progress events. */
export function JobProgress({ jobId, label, onCancel }: JobProgressProps) {
  const progress = useJobs((state) => state.progress[jobId]);

  const total = progress?.total ?? null;
  const percent =
    progress === undefined || total === null || total === 0
      ? null
      : Math.min(100, Math.round((progress.done / total) * 100));
  const detail =
    progress === undefined
      ? 'Starting'
      : total === null
        ? PHASE_LABELS[progress.phase]
        : `${PHASE_LABELS[progress.phase]}: ${formatUnits(progress.phase, progress.done)} of ${formatUnits(progress.phase, total)}`;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="body2" id={`${jobId}-label`}>
        {label}
      </Typography>
      <LinearProgress
        aria-labelledby={`${jobId}-label`}
        variant={percent === null ? 'indeterminate' : 'determinate'}
        value={percent ?? undefined}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }} role="status">
          {detail}
          {percent !== null ? ` (${percent}%)` : ''}
        </Typography>
        {onCancel !== undefined && (
          <Button size="small" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </Box>
    </Box>
  );
}
