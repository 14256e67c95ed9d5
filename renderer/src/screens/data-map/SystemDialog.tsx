import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

import { dataSystemInputSchema } from '../../../../shared/domain/data-systems.js';
import type { DataSystemView } from '../../../../shared/ipc/data-map.js';
import { api, ApiError, unwrap } from '../../api/client';
import { useZodForm } from '../../forms/use-zod-form';
import { toastError, toastSuccess } from '../../state/toasts';

export interface SystemDialogProps {
  open: boolean;
  /** The system to edit, or null to create one. */
  system: DataSystemView | null;
  onClose(): void;
  onSaved(system: DataSystemView): void;
}

interface SystemFormValues {
  name: string;
  description: string;
  owner: string;
  location: string;
  dpaInPlace: boolean;
}

const EMPTY_SYSTEM: SystemFormValues = {
  name: '',
  description: '',
  owner: '',
  location: '',
  dpaInPlace: false,
};

const toInput = (values: SystemFormValues) => values;

/** Creates or edits a system: its owner, hosting location and data processing agreement. */
export function SystemDialog({ open, system, onClose, onSaved }: SystemDialogProps) {
  const form = useZodForm(dataSystemInputSchema, EMPTY_SYSTEM, toInput);
  const [saving, setSaving] = useState(false);
  const { reset } = form;

  useEffect(() => {
    reset(system === null ? EMPTY_SYSTEM : { ...EMPTY_SYSTEM, ...pickForm(system) });
  }, [system, open, reset]);

  const save = async () => {
    const input = form.validate();
    if (input === null) return;
    setSaving(true);
    try {
      const saved =
        system === null
          ? await unwrap(api().dataMap.createSystem(input))
          : await unwrap(api().dataMap.updateSystem({ id: system.id, changes: input }));
      toastSuccess(`System ${saved.name} ${system === null ? 'created' : 'saved'}.`);
      onSaved(saved);
    } catch (error) {
      const matched = error instanceof ApiError && form.applyIssues(error.issues, 'changes.');
      if (!matched) toastError(error);
    } finally {
      setSaving(false);
    }
  };

  const text = (key: 'name' | 'description' | 'owner' | 'location', label: string) => (
    <TextField
      label={label}
      value={form.values[key]}
      onChange={(event) => form.setValue(key, event.target.value)}
      onBlur={() => form.validateField(key)}
      error={form.errors[key] !== undefined}
      helperText={form.errors[key]}
      required={key === 'name'}
      multiline={key === 'description'}
      fullWidth
    />
  );

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{system === null ? 'New system' : `System: ${system.name}`}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {text('name', 'Name')}
          {text('owner', 'Accountable owner')}
          {text('location', 'Hosting location')}
          <FormControlLabel
            control={
              <Checkbox
                checked={form.values.dpaInPlace}
                onChange={(event) => form.setValue('dpaInPlace', event.target.checked)}
              />
            }
            label="Data processing agreement (Art. 28) in place"
          />
          {text('description', 'Description')}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {system === null ? 'Create' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function pickForm(system: DataSystemView): SystemFormValues {
  const { name, description, owner, location, dpaInPlace } = system;
  return { name, description, owner, location, dpaInPlace };
}
