import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import type { ScanApplyResult, ScanPreview } from '../../../../shared/ipc/classification.js';
import { api, errorMessage, unwrap } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useJobRunner } from '../../components/use-job-runner';
import { categoryLabel } from '../../labels';
import { levelLabelOf, useLevels } from '../../state/scale';

export interface ScanWizardProps {
  open: boolean;
  onClose(): void;
  onApplied(): void;
}

const keyOf = (table: string, column: string) => JSON.stringify([table, column]);

/**
 * Scans an SQLite database, a CSV file or an Excel workbook read-only and shows a proposal per
 * column. Applying records the scan in the vault's review queue, accepts the checked proposals
 * as entries and rejects the others, unless the user sends the scan to the review queue, which
 * leaves every proposal pending. Sampled values appear only masked.
 */
export function ScanWizard({ open, onClose, onApplied }: ScanWizardProps) {
  const [file, setFile] = useState<{ path: string; name: string } | null>(null);
  const [preview, setPreview] = useState<ScanPreview | null>(null);
  const [system, setSystem] = useState('');
  const [kind, setKind] = useState<ScanPreview['kind'] | undefined>(undefined);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const job = useJobRunner<ScanApplyResult>();
  const levels = useLevels();

  const choose = async () => {
    setProblem(null);
    job.reset();
    try {
      const chosen = await unwrap(api().files.chooseImportFile({ kind: 'scanSource' }));
      if (chosen === null) return;
      setFile(chosen);
      setBusy(true);
      const scanned = await unwrap(api().classification.scanPreview({ path: chosen.path }));
      setKind(scanned.kind);
      setPreview(scanned);
      setSystem(scanned.system);
      setExcluded(new Set());
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (key: string) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const apply = async (decide: boolean) => {
    if (file === null || preview === null) return;
    const exclude = preview.columns
      .filter((column) => excluded.has(keyOf(column.table, column.column)))
      .map(({ table, column }) => ({ table, column }));
    const summary = await job.run((jobId) =>
      api().classification.scanApply({
        jobId,
        path: file.path,
        system,
        exclude,
        decide,
        ...(kind === undefined ? {} : { kind }),
      }),
    );
    if (summary !== null) onApplied();
  };

  const close = () => {
    if (job.jobId !== null) return;
    setFile(null);
    setPreview(null);
    setProblem(null);
    job.reset();
    onClose();
  };

  const chosenCount = preview === null ? 0 : preview.columns.length - excluded.size;

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="lg" aria-labelledby="scan-title">
      <DialogTitle id="scan-title">Scan a data source</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            The scan reads an SQLite database, a CSV file or an Excel workbook without changing it,
            samples each column and proposes a level and a personal data category. Checked proposals
            become entries of the map; unchecked ones are rejected. Send to review queue decides
            nothing now, so the proposals wait on the Review queue tab. A later scan of the same
            file shows only what changed.
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <Button
              variant="outlined"
              onClick={() => void choose()}
              disabled={busy || job.jobId !== null}
            >
              {file === null ? 'Choose file…' : 'Choose another file…'}
            </Button>
            {file !== null && <Typography variant="body2">{file.name}</Typography>}
          </Box>
          {busy && <Typography role="status">Scanning…</Typography>}
          {problem !== null && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          {preview !== null && job.result === null && (
            <>
              <TextField
                label="System name for the entries"
                value={system}
                onChange={(event) => setSystem(event.target.value)}
                error={system.trim() === ''}
                helperText={system.trim() === '' ? 'system is required' : ' '}
              />
              <Typography role="status">
                {preview.tables} {preview.kind === 'sqlite' ? 'tables' : 'sheets or files'},{' '}
                {preview.columns.length} columns; {chosenCount} selected.
                {preview.skippedTables.length > 0 &&
                  ` Skipped: ${preview.skippedTables.map((table) => `${table.table} (${table.reason})`).join(', ')}.`}
              </Typography>
              <TableContainer sx={{ maxHeight: 360 }}>
                <Table size="small" stickyHeader aria-label="Column proposals">
                  <TableHead>
                    <TableRow>
                      <TableCell padding="checkbox">Accept</TableCell>
                      <TableCell>Table</TableCell>
                      <TableCell>Column</TableCell>
                      <TableCell>Level</TableCell>
                      <TableCell>Category</TableCell>
                      <TableCell>Confidence</TableCell>
                      <TableCell>Masked examples</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.columns.map((column) => {
                      const key = keyOf(column.table, column.column);
                      return (
                        <TableRow key={key}>
                          <TableCell padding="checkbox">
                            <Checkbox
                              checked={!excluded.has(key)}
                              onChange={() => toggle(key)}
                              slotProps={{
                                input: { 'aria-label': `Accept ${column.table}.${column.column}` },
                              }}
                            />
                          </TableCell>
                          <TableCell>{column.table}</TableCell>
                          <TableCell>{column.column}</TableCell>
                          <TableCell>{levelLabelOf(levels, column.level)}</TableCell>
                          <TableCell>
                            {column.personalData ? categoryLabel(column.category) : 'Not personal'}
                          </TableCell>
                          <TableCell>{Math.round(column.confidence * 100)}%</TableCell>
                          <TableCell>{column.maskedExamples.slice(0, 2).join(', ')}</TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </TableContainer>
            </>
          )}
          {job.jobId !== null && (
            <JobProgress jobId={job.jobId} label="Storing proposals" onCancel={job.cancel} />
          )}
          {job.error !== null && (
            <Alert severity={job.cancelled ? 'info' : 'error'} role="alert">
              {job.error}
            </Alert>
          )}
          {job.result !== null && job.result.queued > 0 && (
            <Alert severity="success" role="status">
              Scan stored: {job.result.queued} proposals wait in the review queue.
            </Alert>
          )}
          {job.result !== null && job.result.queued === 0 && (
            <Alert severity="success" role="status">
              Scan stored: {job.result.accepted} proposals accepted as entries,{' '}
              {job.result.rejected} rejected
              {job.result.alreadyDecided > 0
                ? `, ${job.result.alreadyDecided} unchanged since a decision on an earlier scan`
                : ''}
              .
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={job.jobId !== null}>
          {job.result === null ? 'Cancel' : 'Close'}
        </Button>
        {job.result === null && (
          <Button
            variant="outlined"
            onClick={() => void apply(false)}
            disabled={preview === null || system.trim() === '' || job.jobId !== null}
          >
            Send to review queue
          </Button>
        )}
        {job.result === null && (
          <Button
            variant="contained"
            onClick={() => void apply(true)}
            disabled={
              preview === null || chosenCount === 0 || system.trim() === '' || job.jobId !== null
            }
          >
            Accept {chosenCount} proposals
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
