import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';

import {
  CLASSIFICATION_LEVELS,
  LEGAL_BASES,
  PERSONAL_DATA_CATEGORIES,
  classificationEntryInputSchema,
  type ClassificationLevel,
  type LegalBasis,
  type PersonalDataCategory,
} from '../../../../shared/domain/classification.js';
import { api, ApiError, unwrap } from '../../api/client';
import type { ClassificationRow } from '../../api/types';
import { DetailDrawer } from '../../components/DetailDrawer';
import { FieldList } from '../../components/FieldList';
import { useZodForm } from '../../forms/use-zod-form';
import { categoryLabel, formatTimestamp, LEGAL_BASIS_LABELS, LEVEL_LABELS } from '../../labels';
import { toastError, toastSuccess } from '../../state/toasts';

interface EntryFormValues {
  system: string;
  dataset: string;
  field: string;
  level: ClassificationLevel;
  category: PersonalDataCategory | '';
  personalData: boolean;
  description: string;
  owner: string;
  retention: string;
  legalBasis: LegalBasis | '';
  proposed: boolean;
}

const EMPTY: EntryFormValues = {
  system: '',
  dataset: '',
  field: '',
  level: 'INTERNAL',
  category: '',
  personalData: false,
  description: '',
  owner: '',
  retention: '',
  legalBasis: '',
  proposed: false,
};

function valuesOf(entry: ClassificationRow | null): EntryFormValues {
  if (entry === null) return EMPTY;
  return {
    system: entry.system,
    dataset: entry.dataset,
    field: entry.field,
    level: entry.level,
    category: entry.category ?? '',
    personalData: entry.personalData,
    description: entry.description,
    owner: entry.owner,
    retention: entry.retention ?? '',
    legalBasis: entry.legalBasis ?? '',
    proposed: entry.proposed,
  };
}

function toInput(values: EntryFormValues) {
  return {
    ...values,
    category: values.category === '' ? null : values.category,
    retention: values.retention.trim() === '' ? null : values.retention.trim(),
    legalBasis: values.legalBasis === '' ? null : values.legalBasis,
  };
}

export interface ClassificationDrawerProps {
  open: boolean;
  /** The entry to edit, or null to create one. */
  entry: ClassificationRow | null;
  onClose(): void;
  onSaved(): void;
}

/** Creates, edits or deletes one classification entry, validated by the shared schema. */
export function ClassificationDrawer({ open, entry, onClose, onSaved }: ClassificationDrawerProps) {
  const form = useZodForm(classificationEntryInputSchema, valuesOf(entry), toInput);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { reset } = form;

  useEffect(() => {
    reset(valuesOf(entry));
    setConfirmingDelete(false);
  }, [entry, open, reset]);

  const save = async () => {
    const input = form.validate();
    if (input === null) return;
    setSaving(true);
    try {
      if (entry === null) {
        await unwrap(api().classification.create(input));
        toastSuccess(`Entry ${input.system} / ${input.dataset} / ${input.field} created.`);
      } else {
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

  const text = (key: 'system' | 'dataset' | 'field' | 'owner' | 'retention' | 'description', label: string, helper = ' ') => (
    <TextField
      label={label}
      value={form.values[key]}
      onChange={(event) => form.setValue(key, event.target.value)}
      onBlur={() => form.validateField(key)}
      error={form.errors[key] !== undefined}
      helperText={form.errors[key] ?? helper}
      multiline={key === 'description'}
      minRows={key === 'description' ? 3 : undefined}
      required={key === 'system' || key === 'dataset' || key === 'field'}
    />
  );

  return (
    <DetailDrawer
      open={open}
      title={entry === null ? 'New classification entry' : `Entry: ${entry.field}`}
      onClose={onClose}
      actions={
        <>
          {entry !== null && !confirmingDelete && (
            <Button color="error" onClick={() => setConfirmingDelete(true)} disabled={saving} sx={{ mr: 'auto' }}>
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
      <Stack spacing={1.5} component="form" noValidate onSubmit={(event) => { event.preventDefault(); void save(); }}>
        {confirmingDelete && (
          <Alert
            severity="warning"
            action={
              <>
                <Button color="inherit" onClick={() => setConfirmingDelete(false)}>Keep</Button>
                <Button color="inherit" onClick={() => void remove()}>Delete</Button>
              </>
            }
          >
            Delete this entry? The audit trail keeps a record of it.
          </Alert>
        )}
        {text('system', 'System', 'The application or store, such as "CRM".')}
        {text('dataset', 'Dataset', 'The table, file or entity.')}
        {text('field', 'Field', 'The column or attribute.')}
        <TextField
          select
          label="Classification level"
          value={form.values.level}
          onChange={(event) => form.setValue('level', event.target.value as ClassificationLevel)}
          helperText={form.errors.level ?? ' '}
          error={form.errors.level !== undefined}
        >
          {CLASSIFICATION_LEVELS.map((level) => (
            <MenuItem key={level} value={level}>{LEVEL_LABELS[level]}</MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Switch checked={form.values.personalData} onChange={(event) => form.setValue('personalData', event.target.checked)} />}
          label="Holds personal data"
        />
        <TextField
          select
          label="Personal data category"
          value={form.values.category}
          onChange={(event) => form.setValue('category', event.target.value as PersonalDataCategory | '')}
          helperText={form.errors.category ?? 'Special categories (GDPR Art. 9 and 10) are at the end.'}
          error={form.errors.category !== undefined}
        >
          <MenuItem value="">None</MenuItem>
          {PERSONAL_DATA_CATEGORIES.map((category) => (
            <MenuItem key={category} value={category}>{categoryLabel(category)}</MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Legal basis"
          value={form.values.legalBasis}
          onChange={(event) => form.setValue('legalBasis', event.target.value as LegalBasis | '')}
          helperText={form.errors.legalBasis ?? 'The lawful basis of GDPR Art. 6(1) for processing this field.'}
          error={form.errors.legalBasis !== undefined}
        >
          <MenuItem value="">Not recorded</MenuItem>
          {LEGAL_BASES.map((basis) => (
            <MenuItem key={basis} value={basis}>{LEGAL_BASIS_LABELS[basis]}</MenuItem>
          ))}
        </TextField>
        {text('retention', 'Retention period', 'An ISO 8601 duration, such as P6Y for six years or P30D for 30 days.')}
        {text('owner', 'Owner', 'The person or team accountable for this data.')}
        {text('description', 'Description')}
        <FormControlLabel
          control={<Switch checked={form.values.proposed} onChange={(event) => form.setValue('proposed', event.target.checked)} />}
          label="Proposed: needs review"
        />
        {entry !== null && (
          <>
            <Typography variant="subtitle2" component="h3" sx={{ pt: 1 }}>Record</Typography>
            <FieldList
              items={[
                { label: 'Source', value: entry.source },
                { label: 'Confidence', value: entry.confidence === null ? 'Not scored' : `${Math.round(entry.confidence * 100)}%` },
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
