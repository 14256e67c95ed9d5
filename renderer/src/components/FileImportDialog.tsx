import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';

import type { ImportFileKind } from '../../../shared/ipc/files.js';
import type { ImportSummary } from '../../../shared/ipc/records.js';
import type { IpcResult } from '../../../shared/ipc/result.js';
import { api, errorMessage, unwrap } from '../api/client';
import { ImportResult } from './ImportResult';
import { JobProgress } from './JobProgress';
import { useJobRunner } from './use-job-runner';

export interface FilePreview {
  recordCount: number;
}

export interface FileImportDialogProps<Preview extends FilePreview> {
  open: boolean;
  title: string;
  kind: ImportFileKind;
  /** Text shown before a file is chosen: the format and what the import does. */
  intro: ReactNode;
  /** Options shown above the file button, such as the scanner format. */
  options?: ReactNode;
  preview(path: string): Promise<IpcResult<Preview>>;
  renderPreview(preview: Preview): ReactNode;
  run(path: string, jobId: string): Promise<IpcResult<ImportSummary>>;
  onClose(): void;
  onImported(): void;
}

/**
 * Shows the import wizard for JSON files: choose the file in the native dialog, check the preview,
 * import with a progress bar that can be cancelled.
 */
export function FileImportDialog<Preview extends FilePreview>(
  props: FileImportDialogProps<Preview>,
) {
  const { open, title, kind, intro, options, preview, renderPreview, run, onClose, onImported } =
    props;
  const [file, setFile] = useState<{ path: string; name: string } | null>(null);
  const [checked, setChecked] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const job = useJobRunner<ImportSummary>();

  const close = () => {
    if (job.jobId !== null) return;
    setFile(null);
    setChecked(null);
    setProblem(null);
    job.reset();
    onClose();
  };

  const choose = async () => {
    setProblem(null);
    setChecked(null);
    job.reset();
    try {
      const chosen = await unwrap(api().files.chooseImportFile({ kind }));
      if (chosen === null) return;
      setFile(chosen);
      setLoading(true);
      setChecked(await unwrap(preview(chosen.path)));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };

  const start = async () => {
    if (file === null) return;
    const summary = await job.run((jobId) => run(file.path, jobId));
    if (summary !== null) onImported();
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="md" aria-labelledby="file-import-title">
      <DialogTitle id="file-import-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary" component="div">
            {intro}
          </Typography>
          {options}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <Button
              variant="outlined"
              onClick={() => void choose()}
              disabled={job.jobId !== null || loading}
            >
              {file === null ? 'Choose file…' : 'Choose another file…'}
            </Button>
            {file !== null && <Typography variant="body2">{file.name}</Typography>}
          </Box>
          {loading && <Typography role="status">Reading the file…</Typography>}
          {problem !== null && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          {checked !== null && job.result === null && (
            <>
              <Typography>
                {checked.recordCount.toLocaleString()} records to import. Records already in the
                vault are updated, not duplicated.
              </Typography>
              {renderPreview(checked)}
            </>
          )}
          {job.jobId !== null && (
            <JobProgress jobId={job.jobId} label="Importing" onCancel={job.cancel} />
          )}
          {job.error !== null && (
            <Alert severity={job.cancelled ? 'info' : 'error'} role="alert">
              {job.error}
            </Alert>
          )}
          {job.result !== null && <ImportResult summary={job.result} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={job.jobId !== null}>
          {job.result === null ? 'Cancel' : 'Close'}
        </Button>
        {job.result === null && (
          <Button
            variant="contained"
            onClick={() => void start()}
            disabled={checked === null || checked.recordCount === 0 || job.jobId !== null}
          >
            Import
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
