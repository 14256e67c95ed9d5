import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';

import type { ControllerDetails } from '../../../../shared/domain/ropa.js';
import { api, ApiError, unwrap } from '../../api/client';
import { toastError, toastSuccess } from '../../state/toasts';

export interface ControllerFormProps {
  controller: ControllerDetails;
  onSaved(controller: ControllerDetails): void;
}

const FIELDS: readonly (readonly [keyof ControllerDetails, string])[] = [
  ['name', 'Controller name'],
  ['contact', 'Controller contact'],
  ['dpo', 'Data protection officer'],
  ['representative', 'Representative in the Union (Art. 27)'],
];

/** Edits the controller's details that head the Art. 30(1)(a) record. */
export function ControllerForm({ controller, onSaved }: ControllerFormProps) {
  const [values, setValues] = useState(controller);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => setValues(controller), [controller]);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await unwrap(api().ropa.setController(values));
      setErrors({});
      toastSuccess('Controller details saved.');
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])));
      } else {
        toastError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack component="section" aria-label="Controller" spacing={1.5}>
      <Typography variant="subtitle1" component="h2">
        Controller (Art. 30(1)(a))
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
        {FIELDS.map(([key, label]) => (
          <TextField
            key={key}
            size="small"
            label={label}
            value={values[key]}
            onChange={(event) =>
              setValues((current) => ({ ...current, [key]: event.target.value }))
            }
            error={errors[key] !== undefined}
            helperText={errors[key]}
            fullWidth
          />
        ))}
        <Button
          variant="outlined"
          onClick={() => void save()}
          disabled={saving}
          sx={{ flexShrink: 0 }}
        >
          Save controller
        </Button>
      </Stack>
    </Stack>
  );
}
