import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

import {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  PERSONAL_DATA_INVOLVEMENT,
  incidentInputSchema,
  type IncidentSeverity,
  type IncidentStatus,
  type PersonalDataInvolvement,
} from '../../../../shared/domain/incidents.js';
import { api, ApiError, unwrap } from '../../api/client';
import type { IncidentRow } from '../../api/types';
import { DetailDrawer } from '../../components/DetailDrawer';
import { FieldList } from '../../components/FieldList';
import { useZodForm } from '../../forms/use-zod-form';
import {
  formatTimestamp,
  fromDateTimeLocal,
  humanize,
  INCIDENT_STATUS_LABELS,
  PERSONAL_DATA_INVOLVEMENT_LABELS,
  toDateTimeLocal,
} from '../../labels';
import { toastError, toastSuccess } from '../../state/toasts';

interface IncidentFormValues {
  title: string;
  externalRef: string;
  summary: string;
  category: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  occurredOn: string;
  discoveredAt: string;
  containedAt: string;
  personalData: PersonalDataInvolvement;
  dataVarieties: string;
  recordsAffected: string;
}

function valuesOf(incident: IncidentRow | null): IncidentFormValues {
  return {
    title: incident?.title ?? '',
    externalRef: incident?.externalRef ?? '',
    summary: incident?.summary ?? '',
    category: incident?.category ?? 'unknown',
    severity: incident?.severity ?? 'medium',
    status: incident?.status ?? 'detected',
    occurredOn: incident?.occurredOn ?? '',
    discoveredAt: toDateTimeLocal(incident?.discoveredAt ?? null),
    containedAt: toDateTimeLocal(incident?.containedAt ?? null),
    personalData: incident?.personalData ?? 'unknown',
    dataVarieties: incident?.dataVarieties.join(', ') ?? '',
    recordsAffected:
      incident?.recordsAffected === null || incident === null
        ? ''
        : String(incident.recordsAffected),
  };
}

function toInput(values: IncidentFormValues) {
  const records = values.recordsAffected.trim();
  return {
    ...values,
    externalRef: values.externalRef.trim() === '' ? null : values.externalRef,
    occurredOn: values.occurredOn.trim() === '' ? null : values.occurredOn.trim(),
    discoveredAt: fromDateTimeLocal(values.discoveredAt),
    containedAt: fromDateTimeLocal(values.containedAt),
    dataVarieties: values.dataVarieties
      .split(',')
      .map((variety) => variety.trim())
      .filter((variety) => variety !== ''),
    recordsAffected: records === '' ? null : Number(records),
  };
}

export interface IncidentDrawerProps {
  open: boolean;
  incident: IncidentRow | null;
  onClose(): void;
  onSaved(): void;
}

type TextKey =
  | 'title'
  | 'externalRef'
  | 'summary'
  | 'category'
  | 'occurredOn'
  | 'dataVarieties'
  | 'recordsAffected';

/** Records or edits an incident through the NIST SP 800-61 phases. */
export function IncidentDrawer({ open, incident, onClose, onSaved }: IncidentDrawerProps) {
  const form = useZodForm(incidentInputSchema, valuesOf(incident), toInput);
  const [saving, setSaving] = useState(false);
  const { reset } = form;

  useEffect(() => {
    reset(valuesOf(incident));
  }, [incident, open, reset]);

  const save = async () => {
    const input = form.validate();
    if (input === null) return;
    setSaving(true);
    try {
      if (incident === null) {
        await unwrap(api().incidents.create(input));
        toastSuccess(`Incident "${input.title}" recorded.`);
      } else {
        const { source: _source, ...changes } = input;
        await unwrap(api().incidents.update({ id: incident.id, changes }));
        toastSuccess('Incident saved.');
      }
      onSaved();
    } catch (error) {
      const matched = error instanceof ApiError && form.applyIssues(error.issues, 'changes.');
      if (!matched) toastError(error);
    } finally {
      setSaving(false);
    }
  };

  const text = (
    key: TextKey,
    label: string,
    helper = ' ',
    extra: { required?: boolean; multiline?: boolean; type?: string } = {},
  ) => (
    <TextField
      label={label}
      value={form.values[key]}
      onChange={(event) => form.setValue(key, event.target.value)}
      onBlur={() => form.validateField(key)}
      error={form.errors[key] !== undefined}
      helperText={form.errors[key] ?? helper}
      required={extra.required}
      multiline={extra.multiline}
      minRows={extra.multiline === true ? 4 : undefined}
      type={extra.type}
    />
  );

  const dateTime = (key: 'discoveredAt' | 'containedAt', label: string) => (
    <TextField
      label={label}
      type="datetime-local"
      value={form.values[key]}
      onChange={(event) => form.setValue(key, event.target.value)}
      onBlur={() => form.validateField(key)}
      error={form.errors[key] !== undefined}
      helperText={form.errors[key] ?? "In this computer's time zone."}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <DetailDrawer
      open={open}
      title={incident === null ? 'New incident' : `Incident ${incident.id}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="contained" onClick={() => void save()} disabled={saving}>
            {incident === null ? 'Record incident' : 'Save'}
          </Button>
        </>
      }
    >
      <Stack spacing={1.5}>
        {text('title', 'Title', ' ', { required: true })}
        <TextField
          select
          label="Severity"
          value={form.values.severity}
          onChange={(event) => form.setValue('severity', event.target.value as IncidentSeverity)}
          helperText=" "
        >
          {INCIDENT_SEVERITIES.map((severity) => (
            <MenuItem key={severity} value={severity}>
              {humanize(severity)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Phase"
          value={form.values.status}
          onChange={(event) => form.setValue('status', event.target.value as IncidentStatus)}
          helperText="NIST SP 800-61: detection and analysis, containment, eradication, recovery."
        >
          {INCIDENT_STATUSES.map((status) => (
            <MenuItem key={status} value={status}>
              {INCIDENT_STATUS_LABELS[status]}
            </MenuItem>
          ))}
        </TextField>
        {text('category', 'Category', 'Such as malware, phishing, lost device.')}
        {text('occurredOn', 'Occurred on', 'YYYY, YYYY-MM or YYYY-MM-DD, as far as known.')}
        {dateTime('discoveredAt', 'Discovered at')}
        {dateTime('containedAt', 'Contained at')}
        <TextField
          select
          label="Personal data affected"
          value={form.values.personalData}
          onChange={(event) =>
            form.setValue('personalData', event.target.value as PersonalDataInvolvement)
          }
          helperText="A personal data breach may have to be notified within 72 hours (GDPR Art. 33)."
        >
          {PERSONAL_DATA_INVOLVEMENT.map((value) => (
            <MenuItem key={value} value={value}>
              {PERSONAL_DATA_INVOLVEMENT_LABELS[value]}
            </MenuItem>
          ))}
        </TextField>
        {text('dataVarieties', 'Data varieties', 'Comma separated, such as Personal, Credentials.')}
        {text('recordsAffected', 'Records affected', 'A whole number; leave empty when unknown.', {
          type: 'number',
        })}
        {text(
          'externalRef',
          'External reference',
          'A ticket or VERIS incident id; must be unique.',
        )}
        {text('summary', 'Summary', ' ', { multiline: true })}
        {incident !== null && (
          <FieldList
            items={[
              { label: 'Source', value: incident.source },
              { label: 'Created', value: formatTimestamp(incident.createdAt) },
              { label: 'Updated', value: formatTimestamp(incident.updatedAt) },
            ]}
          />
        )}
      </Stack>
    </DetailDrawer>
  );
}
