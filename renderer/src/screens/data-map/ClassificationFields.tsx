import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

import {
  LEGAL_BASES,
  PERSONAL_DATA_CATEGORIES,
  isSpecialCategory,
  type PersonalDataCategory,
} from '../../../../shared/domain/classification.js';
import { COUNTRY_CODES } from '../../../../shared/domain/countries.js';
import {
  ART9_CONDITIONS,
  ART9_CONDITION_POINTS,
  DATA_SUBJECT_CATEGORIES,
  RETENTION_TRIGGERS,
  TRANSFER_SAFEGUARDS,
  TRANSFER_SAFEGUARD_ARTICLES,
  isEeaCountry,
  type Art9Condition,
  type DataSubjectCategory,
  type TransferSafeguard,
} from '../../../../shared/domain/processing.js';
import type { ZodForm } from '../../forms/use-zod-form';
import { categoryLabel, humanize, LEGAL_BASIS_LABELS } from '../../labels';
import { useLevels } from '../../state/scale';
import type { EntryFormValues } from './classification-form';

const THIRD_COUNTRIES = COUNTRY_CODES.filter((code) => !isEeaCountry(code));

type TextKey = {
  [Key in keyof EntryFormValues]: EntryFormValues[Key] extends string ? Key : never;
}[keyof EntryFormValues];
type FlagKey = {
  [Key in keyof EntryFormValues]: EntryFormValues[Key] extends boolean ? Key : never;
}[keyof EntryFormValues];

export interface ClassificationFieldsProps {
  form: ZodForm<EntryFormValues, unknown>;
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Stack spacing={1.5}>{children}</Stack>
    </Box>
  );
}

/** Shows the fields of a classification entry, grouped as the record of processing reads them. */
export function ClassificationFields({ form }: ClassificationFieldsProps) {
  const levels = useLevels();
  const { values, errors } = form;
  const errorOf = (key: string) =>
    errors[key] ?? Object.entries(errors).find(([path]) => path.startsWith(`${key}.`))?.[1];

  const text = (
    key: TextKey,
    label: string,
    helper = ' ',
    options: { required?: boolean; multiline?: boolean; type?: string } = {},
  ) => (
    <TextField
      label={label}
      value={values[key]}
      onChange={(event) => form.setValue(key, event.target.value)}
      onBlur={() => form.validateField(key)}
      error={errorOf(key) !== undefined}
      helperText={errorOf(key) ?? helper}
      required={options.required}
      multiline={options.multiline}
      minRows={options.multiline === true ? 2 : undefined}
      type={options.type}
      slotProps={options.type === 'date' ? { inputLabel: { shrink: true } } : undefined}
    />
  );

  const select = <Key extends TextKey>(
    key: Key,
    label: string,
    choices: { value: string; label: string }[],
    helper = ' ',
    emptyLabel?: string,
  ) => (
    <TextField
      select
      label={label}
      value={values[key]}
      onChange={(event) => form.setValue(key, event.target.value as EntryFormValues[Key])}
      error={errorOf(key) !== undefined}
      helperText={errorOf(key) ?? helper}
      slotProps={
        emptyLabel === undefined
          ? undefined
          : { select: { displayEmpty: true }, inputLabel: { shrink: true } }
      }
    >
      {emptyLabel !== undefined && <MenuItem value="">{emptyLabel}</MenuItem>}
      {choices.map((choice) => (
        <MenuItem key={choice.value} value={choice.value}>
          {choice.label}
        </MenuItem>
      ))}
    </TextField>
  );

  const flag = (key: FlagKey, label: string) => (
    <FormControlLabel
      control={
        <Switch
          checked={values[key]}
          onChange={(event) => form.setValue(key, event.target.checked)}
        />
      }
      label={label}
    />
  );

  const special = values.category !== '' && isSpecialCategory(values.category);

  return (
    <Stack spacing={3}>
      <Group title="Where the data lives">
        {text('system', 'System', 'The application or store, such as "CRM".', { required: true })}
        {text('dataset', 'Dataset', 'The table, file or entity.', { required: true })}
        {text('field', 'Field', 'The column or attribute.', { required: true })}
        {text('description', 'Description', ' ', { multiline: true })}
      </Group>

      <Group title="Classification">
        {select(
          'level',
          'Classification level',
          levels.map((level) => ({ value: level.name, label: level.label || level.name })),
          "From the vault's classification scale.",
        )}
        {flag('personalData', 'Holds personal data')}
        {select(
          'category',
          'Personal data category',
          PERSONAL_DATA_CATEGORIES.map((category: PersonalDataCategory) => ({
            value: category,
            label: categoryLabel(category),
          })),
          'Special categories (GDPR Art. 9) and criminal offence data (Art. 10) are at the end.',
          'None',
        )}
        {special &&
          select(
            'specialCategoryCondition',
            'Art. 9(2) condition',
            ART9_CONDITIONS.map((condition: Art9Condition) => ({
              value: condition,
              label: `${humanize(condition)}, ${ART9_CONDITION_POINTS[condition]}`,
            })),
            'Special categories may be processed only under one of these conditions.',
            'Not recorded',
          )}
        <Autocomplete
          multiple
          options={[...DATA_SUBJECT_CATEGORIES]}
          value={values.dataSubjects}
          getOptionLabel={(option) => humanize(option)}
          onChange={(_event, value) =>
            form.setValue('dataSubjects', value as DataSubjectCategory[])
          }
          renderInput={(params) => (
            <TextField
              {...params}
              label="Data subjects"
              error={errorOf('dataSubjects') !== undefined}
              helperText={errorOf('dataSubjects') ?? 'Whose data this is (Art. 30(1)(c)).'}
            />
          )}
        />
      </Group>

      <Group title="Processing">
        {text('purpose', 'Purpose', 'Why the data is processed (Art. 30(1)(b)).', {
          multiline: true,
        })}
        {select(
          'legalBasis',
          'Legal basis',
          LEGAL_BASES.map((basis) => ({ value: basis, label: LEGAL_BASIS_LABELS[basis] })),
          'The lawful basis of GDPR Art. 6(1).',
          'Not recorded',
        )}
        {text(
          'retention',
          'Retention period',
          'An ISO 8601 duration, such as P6Y for six years or P30D for 30 days.',
        )}
        <Autocomplete
          freeSolo
          options={[...RETENTION_TRIGGERS]}
          value={values.retentionTrigger}
          getOptionLabel={(option) => humanize(option)}
          onInputChange={(_event, value) => form.setValue('retentionTrigger', value)}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Retention starts at"
              error={errorOf('retentionTrigger') !== undefined}
              helperText={
                errorOf('retentionTrigger') ??
                'The event that starts the period; pick one or type your own.'
              }
            />
          )}
        />
        <Autocomplete
          multiple
          freeSolo
          options={[] as string[]}
          value={values.recipients}
          onChange={(_event, value) => form.setValue('recipients', value)}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Recipients"
              error={errorOf('recipients') !== undefined}
              helperText={
                errorOf('recipients') ?? 'Press Enter after each recipient (Art. 30(1)(d)).'
              }
            />
          )}
        />
        <Autocomplete
          multiple
          options={THIRD_COUNTRIES}
          value={values.transfers}
          onChange={(_event, value) => form.setValue('transfers', value)}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Transfers outside the EEA"
              error={errorOf('transfers') !== undefined}
              helperText={
                errorOf('transfers') ??
                'ISO country codes of third countries that receive the data.'
              }
            />
          )}
        />
        {values.transfers.length > 0 &&
          select(
            'transferSafeguard',
            'Transfer safeguard',
            TRANSFER_SAFEGUARDS.map((safeguard: TransferSafeguard) => ({
              value: safeguard,
              label: TRANSFER_SAFEGUARD_ARTICLES[safeguard],
            })),
            'GDPR Chapter V.',
            'Not recorded',
          )}
      </Group>

      <Group title="Protection">
        {flag('encryptionRequired', 'Encryption at rest required')}
        {flag('encryptionInPlace', 'Encryption at rest in place')}
        {flag('maskingRequired', 'Masking required')}
        {flag('maskingInPlace', 'Masking in place')}
      </Group>

      <Group title="Accountability">
        {text('owner', 'Owner', "The person or team accountable; empty uses the system's owner.")}
        {text('steward', 'Steward', 'Who looks after the field day to day.')}
        {text('nextReviewOn', 'Next review', 'The date by which the entry is reviewed again.', {
          type: 'date',
        })}
        {flag('proposed', 'Proposed: needs review')}
      </Group>
    </Stack>
  );
}
