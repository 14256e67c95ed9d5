import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';

import {
  PERSONAL_DATA_CATEGORIES,
  type PersonalDataCategory,
} from '../../../../shared/domain/classification.js';
import type { ScanProposalView } from '../../../../shared/ipc/review.js';
import { api, ApiError, unwrap } from '../../api/client';
import { DetailDrawer } from '../../components/DetailDrawer';
import { categoryLabel } from '../../labels';
import { useLevels } from '../../state/scale';
import { toastError, toastSuccess } from '../../state/toasts';

export interface AcceptProposalDrawerProps {
  /** The pending proposal to change and accept; null closes the drawer. */
  proposal: ScanProposalView | null;
  onClose(): void;
  onAccepted(): void;
}

interface ProposalFormValues {
  level: string;
  personalData: boolean;
  category: PersonalDataCategory | '';
  owner: string;
  retention: string;
  purpose: string;
}

const NO_CATEGORY = '';

/** Lets the reviewer correct a detector's proposal before it becomes an entry of the map. */
export function AcceptProposalDrawer({ proposal, onClose, onAccepted }: AcceptProposalDrawerProps) {
  const levels = useLevels();
  const [values, setValues] = useState<ProposalFormValues>(valuesOf(proposal));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setValues(valuesOf(proposal));
    setErrors({});
  }, [proposal]);

  const set = <Key extends keyof ProposalFormValues>(key: Key, value: ProposalFormValues[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const accept = async () => {
    if (proposal === null) return;
    setSaving(true);
    try {
      await unwrap(
        api().review.accept({
          id: proposal.id,
          changes: {
            level: values.level,
            personalData: values.personalData,
            category: values.category === NO_CATEGORY ? null : values.category,
            owner: values.owner,
            retention: values.retention.trim() === '' ? null : values.retention,
            purpose: values.purpose,
          },
        }),
      );
      toastSuccess(`Proposal for ${proposal.dataset}.${proposal.field} accepted with changes.`);
      onAccepted();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        setErrors(
          Object.fromEntries(
            error.issues.map((issue) => [issue.path.replace(/^changes\./, ''), issue.message]),
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
    <DetailDrawer
      open={proposal !== null}
      title={proposal === null ? 'Proposal' : `Proposal: ${proposal.dataset}.${proposal.field}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="contained" onClick={() => void accept()} disabled={saving}>
            Accept with changes
          </Button>
        </>
      }
    >
      {proposal !== null && (
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {proposal.system} / {proposal.dataset} / {proposal.field} ({proposal.declaredType}),
            confidence {Math.round(proposal.confidence * 100)} %: {proposal.reasons.join('; ')}
          </Typography>
          <TextField
            select
            label="Level"
            value={values.level}
            onChange={(event) => set('level', event.target.value)}
            error={errors.level !== undefined}
            helperText={errors.level}
            fullWidth
          >
            {levels.map((level) => (
              <MenuItem key={level.name} value={level.name}>
                {level.label || level.name}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={
              <Checkbox
                checked={values.personalData}
                onChange={(event) => set('personalData', event.target.checked)}
              />
            }
            label="Holds personal data"
          />
          <TextField
            select
            label="Personal data category"
            value={values.category}
            onChange={(event) =>
              set('category', event.target.value as ProposalFormValues['category'])
            }
            fullWidth
          >
            <MenuItem value={NO_CATEGORY}>None</MenuItem>
            {PERSONAL_DATA_CATEGORIES.map((category) => (
              <MenuItem key={category} value={category}>
                {categoryLabel(category)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Owner"
            value={values.owner}
            onChange={(event) => set('owner', event.target.value)}
            error={errors.owner !== undefined}
            helperText={errors.owner}
            fullWidth
          />
          <TextField
            label="Retention period"
            value={values.retention}
            onChange={(event) => set('retention', event.target.value)}
            error={errors.retention !== undefined}
            helperText={errors.retention ?? 'ISO 8601 duration, such as P6Y or P30D'}
            fullWidth
          />
          <TextField
            label="Purpose"
            value={values.purpose}
            onChange={(event) => set('purpose', event.target.value)}
            error={errors.purpose !== undefined}
            helperText={errors.purpose}
            fullWidth
          />
        </Stack>
      )}
    </DetailDrawer>
  );
}

function valuesOf(proposal: ScanProposalView | null): ProposalFormValues {
  return {
    level: proposal?.level ?? proposal?.proposedLevel ?? '',
    personalData: proposal?.personalData ?? false,
    category: proposal?.category ?? NO_CATEGORY,
    owner: '',
    retention: '',
    purpose: '',
  };
}
