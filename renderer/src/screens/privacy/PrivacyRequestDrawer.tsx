import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

import {
  REQUEST_STATUSES,
  REQUEST_TYPES,
  privacyRequestInputSchema,
  type RequestStatus,
  type RequestType,
} from '../../../../shared/domain/privacy.js';
import { api, ApiError, unwrap } from '../../api/client';
import type { PrivacyRequestRow } from '../../api/types';
import { DetailDrawer } from '../../components/DetailDrawer';
import { FieldList } from '../../components/FieldList';
import { useZodForm } from '../../forms/use-zod-form';
import { formatTimestamp, localDate, REQUEST_STATUS_LABELS, requestTypeLabel } from '../../labels';
import { toastError, toastSuccess } from '../../state/toasts';

interface RequestFormValues {
  type: RequestType;
  receivedOn: string;
  subjectRef: string;
  status: RequestStatus;
  notes: string;
}

function valuesOf(request: PrivacyRequestRow | null): RequestFormValues {
  if (request === null) {
    return {
      type: 'access',
      receivedOn: localDate(),
      subjectRef: '',
      status: 'received',
      notes: '',
    };
  }
  const { type, receivedOn, subjectRef, status, notes } = request;
  return { type, receivedOn, subjectRef, status, notes };
}

const toInput = (values: RequestFormValues) => values;

export interface PrivacyRequestDrawerProps {
  open: boolean;
  request: PrivacyRequestRow | null;
  onClose(): void;
  onSaved(): void;
}

/** Logs or edits a data-subject request; the vault computes the response deadline. */
export function PrivacyRequestDrawer({
  open,
  request,
  onClose,
  onSaved,
}: PrivacyRequestDrawerProps) {
  const form = useZodForm(privacyRequestInputSchema, valuesOf(request), toInput);
  const [saving, setSaving] = useState(false);
  const { reset } = form;

  useEffect(() => {
    reset(valuesOf(request));
  }, [request, open, reset]);

  const save = async () => {
    const input = form.validate();
    if (input === null) return;
    setSaving(true);
    try {
      if (request === null) {
        const created = await unwrap(api().privacy.create(input));
        toastSuccess(`Request logged; the response is due on ${created.dueOn}.`);
      } else {
        await unwrap(api().privacy.update({ id: request.id, changes: input }));
        toastSuccess('Request saved.');
      }
      onSaved();
    } catch (error) {
      const matched = error instanceof ApiError && form.applyIssues(error.issues, 'changes.');
      if (!matched) toastError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <DetailDrawer
      open={open}
      title={request === null ? 'New privacy request' : `Request ${request.id}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="contained" onClick={() => void save()} disabled={saving}>
            {request === null ? 'Log request' : 'Save'}
          </Button>
        </>
      }
    >
      <Stack spacing={1.5}>
        <TextField
          select
          label="Right exercised"
          value={form.values.type}
          onChange={(event) => form.setValue('type', event.target.value as RequestType)}
          error={form.errors.type !== undefined}
          helperText={form.errors.type ?? ' '}
        >
          {REQUEST_TYPES.map((type) => (
            <MenuItem key={type} value={type}>
              {requestTypeLabel(type)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Received on"
          type="date"
          value={form.values.receivedOn}
          onChange={(event) => form.setValue('receivedOn', event.target.value)}
          onBlur={() => form.validateField('receivedOn')}
          error={form.errors.receivedOn !== undefined}
          helperText={
            form.errors.receivedOn ?? 'The response is due one month later (GDPR Art. 12(3)).'
          }
          slotProps={{ inputLabel: { shrink: true } }}
          required
        />
        <TextField
          label="Data subject reference"
          value={form.values.subjectRef}
          onChange={(event) => form.setValue('subjectRef', event.target.value)}
          onBlur={() => form.validateField('subjectRef')}
          error={form.errors.subjectRef !== undefined}
          helperText={
            form.errors.subjectRef ??
            'A customer number or ticket id; avoid names and e-mail addresses here.'
          }
          required
        />
        <TextField
          select
          label="Status"
          value={form.values.status}
          onChange={(event) => form.setValue('status', event.target.value as RequestStatus)}
          error={form.errors.status !== undefined}
          helperText={form.errors.status ?? ' '}
        >
          {REQUEST_STATUSES.map((status) => (
            <MenuItem key={status} value={status}>
              {REQUEST_STATUS_LABELS[status]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Notes"
          value={form.values.notes}
          onChange={(event) => form.setValue('notes', event.target.value)}
          onBlur={() => form.validateField('notes')}
          error={form.errors.notes !== undefined}
          helperText={form.errors.notes ?? 'Identity check, systems searched, extension reasons.'}
          multiline
          minRows={3}
        />
        {request !== null && (
          <>
            <Alert severity="info">Response due on {request.dueOn}.</Alert>
            <FieldList
              items={[
                { label: 'Created', value: formatTimestamp(request.createdAt) },
                { label: 'Updated', value: formatTimestamp(request.updatedAt) },
              ]}
            />
          </>
        )}
      </Stack>
    </DetailDrawer>
  );
}
