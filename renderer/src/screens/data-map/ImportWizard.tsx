import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import type {
  ClassificationMapping,
  ImportMode,
  MappableField,
} from '../../../../shared/domain/classification-import.js';
import type { ImportPreview, ImportResult } from '../../../../shared/ipc/classification.js';
import { api, errorMessage, unwrap } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useJobRunner } from '../../components/use-job-runner';
import { ImportPreviewTables } from './ImportPreviewTables';
import { MappingTable, type ColumnChoices } from './MappingTable';
import { SavedMappings } from './SavedMappings';

const STEPS = ['Choose file', 'Map and check', 'Import'];

/** Builds the importer's mapping from the wizard's choices. */
function mappingOf(choices: ColumnChoices, defaultSystem: string): ClassificationMapping {
  const columns = Object.fromEntries(
    Object.entries(choices).filter((entry): entry is [string, MappableField] => entry[1] !== ''),
  );
  const system = defaultSystem.trim();
  return { columns, defaults: system === '' ? {} : { system } };
}

export interface ImportWizardProps {
  open: boolean;
  onClose(): void;
  onImported(): void;
}

/**
 * Imports a classification inventory from CSV or Excel: choose the file, map its columns with a
 * live preview of the entries and the invalid rows, then import with progress. Headers that
 * name a field, or a usual synonym such as "column_name", map by themselves.
 * NOTE: "Not imported" cannot switch off a header that maps by itself through a synonym, because
 * the mapping format has no way to ignore a column. The preview then still shows it mapped.
 */
export function ImportWizard({ open, onClose, onImported }: ImportWizardProps) {
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<{ path: string; name: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [defaultSystem, setDefaultSystem] = useState('');
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const job = useJobRunner<ImportResult>();

  const load = async (path: string, mapping?: ClassificationMapping, sheetName = sheet) => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await unwrap(
        api().classification.importPreview({
          path,
          ...(mapping === undefined ? {} : { mapping }),
          ...(sheetName === undefined ? {} : { sheet: sheetName }),
        }),
      );
      setPreview(next);
      setChoices(
        Object.fromEntries(next.headers.map((header) => [header, next.mapping[header] ?? ''])),
      );
      setStep(1);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    try {
      const chosen = await unwrap(api().files.chooseImportFile({ kind: 'classificationFile' }));
      if (chosen === null) return;
      setFile(chosen);
      setSheet(undefined);
      await load(chosen.path, undefined, undefined);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const remap = (next: ColumnChoices) => {
    setChoices(next);
    if (file !== null) void load(file.path, mappingOf(next, defaultSystem));
  };

  const start = async () => {
    if (file === null) return;
    setStep(2);
    const result = await job.run((jobId) =>
      api().classification.importConfirm({
        jobId,
        path: file.path,
        mode,
        mapping: mappingOf(choices, defaultSystem),
        ...(sheet === undefined ? {} : { sheet }),
      }),
    );
    if (result !== null) onImported();
  };

  const close = () => {
    if (job.jobId !== null) return;
    setStep(0);
    setFile(null);
    setPreview(null);
    setChoices({});
    setSheet(undefined);
    setDefaultSystem('');
    setMode('all-or-nothing');
    setProblem(null);
    job.reset();
    onClose();
  };

  const canImport =
    preview !== null &&
    preview.problem === null &&
    preview.validCount > 0 &&
    (mode === 'valid-rows' || preview.errorCount === 0);

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="md" aria-labelledby="import-title">
      <DialogTitle id="import-title">Import a classification inventory</DialogTitle>
      <DialogContent>
        <Stepper activeStep={step} sx={{ mb: 3 }}>
          {STEPS.map((label) => (
            <Step key={label}>
              <StepLabel>{label}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Stack spacing={2}>
          {step === 0 && (
            <>
              <Typography variant="body2" color="text.secondary">
                A CSV file (comma, semicolon or tab separated; UTF-8, UTF-16 or Windows-1252) or an
                Excel workbook with one row per field. Rows without a level get one proposed by the
                detectors, marked for review.
              </Typography>
              <Box>
                <Button variant="outlined" onClick={() => void choose()} disabled={busy}>
                  Choose file…
                </Button>
              </Box>
            </>
          )}

          {step === 1 && preview !== null && (
            <>
              <Typography variant="body2">
                <strong>{file?.name}</strong>:{' '}
                {preview.format === 'csv'
                  ? `CSV, ${preview.encoding ?? 'unknown encoding'}, separated by ${preview.delimiter === '\t' ? 'tabs' : `"${preview.delimiter ?? ','}"`}`
                  : `Excel workbook, sheet "${preview.sheet ?? ''}"`}
                ; headers on line {preview.headerLine}.
              </Typography>
              {preview.sheets.length > 1 && (
                <TextField
                  select
                  label="Sheet"
                  value={preview.sheet ?? ''}
                  onChange={(event) => {
                    setSheet(event.target.value);
                    if (file !== null)
                      void load(file.path, mappingOf(choices, defaultSystem), event.target.value);
                  }}
                >
                  {preview.sheets.map((name) => (
                    <MenuItem key={name} value={name}>
                      {name}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              <MappingTable
                headers={preview.headers}
                choices={choices}
                disabled={busy}
                onChange={(header, field) => remap({ ...choices, [header]: field })}
              />
              <TextField
                label="System for rows without one"
                value={defaultSystem}
                onChange={(event) => setDefaultSystem(event.target.value)}
                onBlur={() =>
                  file !== null && void load(file.path, mappingOf(choices, defaultSystem))
                }
                helperText="Empty: the file name without its extension."
              />
              <SavedMappings
                current={mappingOf(choices, defaultSystem)}
                onApply={(mapping) => file !== null && void load(file.path, mapping)}
              />
              <ImportPreviewTables preview={preview} />
              <Box>
                <FormLabel id="import-mode-label">When rows are invalid</FormLabel>
                <RadioGroup
                  aria-labelledby="import-mode-label"
                  value={mode}
                  onChange={(event) => setMode(event.target.value as ImportMode)}
                >
                  <FormControlLabel
                    value="all-or-nothing"
                    control={<Radio />}
                    label="Import nothing until every row is valid"
                  />
                  <FormControlLabel
                    value="valid-rows"
                    control={<Radio />}
                    label="Import the valid rows and leave out the invalid ones"
                  />
                </RadioGroup>
              </Box>
            </>
          )}

          {step === 2 && (
            <>
              {job.jobId !== null && (
                <JobProgress
                  jobId={job.jobId}
                  label="Importing classification entries"
                  onCancel={job.cancel}
                />
              )}
              {job.error !== null && (
                <Alert severity={job.cancelled ? 'info' : 'error'} role="alert">
                  {job.error}
                </Alert>
              )}
              {job.result !== null && (
                <Alert severity="success" role="status">
                  Import finished: {job.result.inserted.toLocaleString()} new,{' '}
                  {job.result.updated.toLocaleString()} updated,{' '}
                  {job.result.unchanged.toLocaleString()} already up to date
                  {job.result.rejected > 0
                    ? `, ${job.result.rejected.toLocaleString()} invalid rows left out`
                    : ''}
                  . Each change is in the audit trail.
                </Alert>
              )}
            </>
          )}
          {problem !== null && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {step === 1 && <Button onClick={() => setStep(0)}>Back</Button>}
        <Button onClick={close} disabled={job.jobId !== null}>
          {job.result === null ? 'Cancel' : 'Close'}
        </Button>
        {step === 1 && (
          <Button variant="contained" onClick={() => void start()} disabled={busy || !canImport}>
            Import{' '}
            {(mode === 'valid-rows' ? preview?.validCount : preview?.rowCount)?.toLocaleString()}{' '}
            entries
          </Button>
        )}
        {step === 2 && job.error !== null && (
          <Button variant="contained" onClick={() => setStep(1)}>
            Back to the mapping
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
