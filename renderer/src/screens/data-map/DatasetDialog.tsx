import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

import {
  DATASET_KINDS,
  datasetInputSchema,
  type DatasetKind,
} from '../../../../shared/domain/data-systems.js';
import type { DatasetView } from '../../../../shared/ipc/data-map.js';
import { api, ApiError, unwrap } from '../../api/client';
import { useZodForm } from '../../forms/use-zod-form';
import { toastError, toastSuccess } from '../../state/toasts';

export interface DatasetDialogProps {
  open: boolean;
  /** System a new dataset is filed under. */
  systemId: number;
  systemName: string;
  /** The dataset to edit, or null to create one. */
  dataset: DatasetView | null;
  onClose(): void;
  onSaved(dataset: DatasetView): void;
}

interface DatasetFormValues {
  systemId: number;
  name: string;
  kind: DatasetKind;
  description: string;
}

const KIND_LABELS: Readonly<Record<DatasetKind, string>> = {
  table: 'Table',
  file: 'File',
  bucket: 'Bucket',
  other: 'Other',
};

const toInput = (values: DatasetFormValues) => values;

/** Creates or edits a dataset (table, file or bucket) inside a system. */
export function DatasetDialog(props: DatasetDialogProps) {
  const { open, systemId, systemName, dataset, onClose, onSaved } = props;
  const form = useZodForm(datasetInputSchema, valuesOf(dataset, systemId), toInput);
  const [saving, setSaving] = useState(false);
  const { reset } = form;

  useEffect(() => {
    reset(valuesOf(dataset, systemId));
  }, [dataset, systemId, open, reset]);

  const save = async () => {
    const input = form.validate();
    if (input === null) return;
    setSaving(true);
    try {
      const saved =
        dataset === null
          ? await unwrap(api().dataMap.createDataset(input))
          : await unwrap(api().dataMap.updateDataset({ id: dataset.id, changes: input }));
      toastSuccess(`Dataset ${saved.name} ${dataset === null ? 'created' : 'saved'}.`);
      onSaved(saved);
    } catch (error) {
      const matched = error instanceof ApiError && form.applyIssues(error.issues, 'changes.');
      if (!matched) toastError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {dataset === null ? `New dataset in ${systemName}` : `Dataset: ${dataset.name}`}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label="Name"
            value={form.values.name}
            onChange={(event) => form.setValue('name', event.target.value)}
            onBlur={() => form.validateField('name')}
            error={form.errors.name !== undefined}
            helperText={form.errors.name}
            required
            fullWidth
          />
          <TextField
            select
            label="Kind"
            value={form.values.kind}
            onChange={(event) => form.setValue('kind', event.target.value as DatasetKind)}
            fullWidth
          >
            {DATASET_KINDS.map((kind) => (
              <MenuItem key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Description"
            value={form.values.description}
            onChange={(event) => form.setValue('description', event.target.value)}
            error={form.errors.description !== undefined}
            helperText={form.errors.description}
            multiline
            fullWidth
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {dataset === null ? 'Create' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function valuesOf(dataset: DatasetView | null, systemId: number): DatasetFormValues {
  if (dataset === null) return { systemId, name: '', kind: 'table', description: '' };
  const { name, kind, description } = dataset;
  return { systemId: dataset.systemId, name, kind, description };
}
