import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';

import { classificationEntryInputSchema } from '../../../../shared/domain/classification.js';
import { api, ApiError, unwrap } from '../../api/client';
import type { ClassificationRow } from '../../api/types';
import { DetailDrawer } from '../../components/DetailDrawer';
import { FieldList } from '../../components/FieldList';
import { useZodForm } from '../../forms/use-zod-form';
import { formatTimestamp } from '../../labels';
import { useLevels } from '../../state/scale';
import { toastError, toastSuccess } from '../../state/toasts';
import { ClassificationFields } from './ClassificationFields';
import { emptyEntry, entryInput, entryValues, type EntryFormValues } from './classification-form';

export interface ClassificationDrawerProps {
  open: boolean;
  /** The entry to edit, or null to create one. */
  entry: ClassificationRow | null;
  onClose(): void;
  onSaved(): void;
}

/** Creates, edits or deletes one classification entry, validated by the shared schema. */
export function ClassificationDrawer({ open, entry, onClose, onSaved }: ClassificationDrawerProps) {
  const levels = useLevels();
  const defaultLevel = levels[Math.min(1, levels.length - 1)]?.name ?? 'INTERNAL';
  const initial = (): EntryFormValues =>
    entry === null ? emptyEntry(defaultLevel) : entryValues(entry);
  const form = useZodForm(classificationEntryInputSchema, initial(), entryInput);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { reset } = form;

  useEffect(() => {
    reset(entry === null ? emptyEntry(defaultLevel) : entryValues(entry));
    setConfirmingDelete(false);
  }, [entry, open, reset, defaultLevel]);

  const save = async () => {
    const input = form.validate();
    if (input === null) return;
    setSaving(true);
    try {
      if (entry === null) {
        await unwrap(api().classification.create(input));
        toastSuccess(`Entry ${input.system} / ${input.dataset} / ${input.field} created.`);
      } else {
        // Where an entry came from and the detector's confidence are the record's history.
        const { source: _source, confidence: _confidence, ...changes } = input;
        await unwrap(api().classification.update({ id: entry.id, changes }));
        toastSuccess(`Entry ${input.field} saved.`);
      }
      onSaved();
    } catch (error) {
      const matched = error instanceof ApiError && form.applyIssues(error.issues, 'changes.');
      if (!matched) toastError(error);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (entry === null) return;
    setSaving(true);
    try {
      await unwrap(api().classification.delete({ id: entry.id }));
      toastSuccess(`Entry ${entry.field} deleted.`);
      onSaved();
    } catch (error) {
      toastError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <DetailDrawer
      open={open}
      title={entry === null ? 'New classification entry' : `Entry: ${entry.field}`}
      onClose={onClose}
      actions={
        <>
          {entry !== null && !confirmingDelete && (
            <Button
              color="error"
              onClick={() => setConfirmingDelete(true)}
              disabled={saving}
              sx={{ mr: 'auto' }}
            >
              Delete
            </Button>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="contained" onClick={() => void save()} disabled={saving}>
            {entry === null ? 'Create' : 'Save'}
          </Button>
        </>
      }
    >
      <Stack spacing={2}>
        {confirmingDelete && (
          <Alert
            severity="warning"
            action={
              <>
                <Button color="inherit" onClick={() => setConfirmingDelete(false)}>
                  Keep
                </Button>
                <Button color="inherit" onClick={() => void remove()}>
                  Delete
                </Button>
              </>
            }
          >
            Delete this entry? The audit trail keeps a record of it.
          </Alert>
        )}
        <ClassificationFields form={form} />
        {entry !== null && (
          <>
            <Typography variant="subtitle2" component="h3">
              Record
            </Typography>
            <FieldList
              items={[
                { label: 'Source', value: entry.source },
                {
                  label: 'Confidence',
                  value:
                    entry.confidence === null
                      ? 'Not scored'
                      : `${Math.round(entry.confidence * 100)}%`,
                },
                { label: 'Created', value: formatTimestamp(entry.createdAt) },
                { label: 'Updated', value: formatTimestamp(entry.updatedAt) },
              ]}
            />
          </>
        )}
      </Stack>
    </DetailDrawer>
  );
}
