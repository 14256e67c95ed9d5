import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

import { bulkChangesSchema, type BulkChanges } from '../../../../shared/ipc/data-map.js';
import { api, ApiError, unwrap } from '../../api/client';
import { useLevels } from '../../state/scale';
import { toastError, toastSuccess } from '../../state/toasts';

export interface BulkEditDialogProps {
  open: boolean;
  /** Ids of the entries to change. */
  ids: readonly number[];
  onClose(): void;
  onSaved(): void;
}

/** Value of the level select that keeps each entry's level. */
const KEEP = '';

/**
 * Sets level, owner or retention on the selected entries in one call; a field left empty keeps
 * each entry's own value.
 */
export function BulkEditDialog({ open, ids, onClose, onSaved }: BulkEditDialogProps) {
  const levels = useLevels();
  const [level, setLevel] = useState(KEEP);
  const [owner, setOwner] = useState('');
  const [retention, setRetention] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setLevel(KEEP);
    setOwner('');
    setRetention('');
    setErrors({});
  }, [open]);

  const save = async () => {
    // NOTE: an empty field means "keep", so a bulk edit cannot clear an owner or a retention.
    const changes: BulkChanges = {
      ...(level === KEEP ? {} : { level }),
      ...(owner.trim() === '' ? {} : { owner }),
      ...(retention.trim() === '' ? {} : { retention }),
    };
    const parsed = bulkChangesSchema.safeParse(changes);
    if (!parsed.success) {
      setErrors(
        errorsOf(
          parsed.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          })),
        ),
      );
      return;
    }

    setSaving(true);
    try {
      const result = await unwrap(
        api().dataMap.bulkUpdate({ ids: [...ids], changes: parsed.data }),
      );
      toastSuccess(
        `${result.updated} entries changed, ${result.unchanged} already had these values.`,
      );
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        setErrors(
          errorsOf(
            error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^changes\./, '') })),
          ),
        );
      } else {
        toastError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>Edit {ids.length} entries</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Fields left empty keep each entry&apos;s own value. Every changed entry gets its own audit
          entry.
        </DialogContentText>
        <Stack spacing={2}>
          <TextField
            select
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            label="New level"
            value={level}
            onChange={(event) => setLevel(event.target.value)}
            fullWidth
          >
            <MenuItem value={KEEP}>Keep each level</MenuItem>
            {levels.map((candidate) => (
              <MenuItem key={candidate.name} value={candidate.name}>
                {candidate.label || candidate.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="New owner"
            value={owner}
            onChange={(event) => setOwner(event.target.value)}
            error={errors.owner !== undefined}
            helperText={errors.owner}
            fullWidth
          />
          <TextField
            label="New retention period"
            value={retention}
            onChange={(event) => setRetention(event.target.value)}
            error={errors.retention !== undefined}
            helperText={errors.retention ?? 'ISO 8601 duration, such as P6Y or P30D'}
            fullWidth
          />
          {errors[''] !== undefined && <Alert severity="warning">{errors['']}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          Apply to {ids.length} entries
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function errorsOf(issues: readonly { path: string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}
