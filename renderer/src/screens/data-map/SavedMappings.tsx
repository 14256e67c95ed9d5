import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { z } from 'zod';

import type { ClassificationMapping } from '../../../../shared/domain/classification-import.js';
import type { savedMappingSchema } from '../../../../shared/ipc/classification.js';
import { api, unwrap } from '../../api/client';
import { toastError, toastSuccess } from '../../state/toasts';

type SavedMapping = z.infer<typeof savedMappingSchema>;

export interface SavedMappingsProps {
  /** The mapping the wizard would use now, for saving. */
  current: ClassificationMapping;
  onApply(mapping: ClassificationMapping): void;
}

/** Picks a column mapping saved in the vault, or saves the current one under a name. */
export function SavedMappings({ current, onApply }: SavedMappingsProps) {
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [name, setName] = useState('');

  useEffect(() => {
    unwrap(api().classification.listMappings()).then(setSaved).catch(toastError);
  }, []);

  const save = async () => {
    try {
      const stored = await unwrap(api().classification.saveMapping({ name, mapping: current }));
      setSaved((list) => [...list.filter((item) => item.name !== stored.name), stored]);
      toastSuccess(`Mapping "${stored.name}" saved in the vault.`);
      setName('');
    } catch (error) {
      toastError(error);
    }
  };

  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField
        select
        label="Apply a saved mapping"
        value=""
        disabled={saved.length === 0}
        onChange={(event) => {
          const chosen = saved.find((item) => item.name === event.target.value);
          if (chosen !== undefined) onApply(chosen.mapping);
        }}
        helperText={saved.length === 0 ? 'No mapping saved yet.' : ' '}
        sx={{ flex: '1 1 220px' }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="" disabled>
          Choose a mapping
        </MenuItem>
        {saved.map((item) => (
          <MenuItem key={item.id} value={item.name}>
            {item.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Save this mapping as"
        value={name}
        onChange={(event) => setName(event.target.value)}
        helperText="Reuse it for the next export from the same system."
        sx={{ flex: '1 1 220px' }}
      />
      <Button onClick={() => void save()} disabled={name.trim() === ''} sx={{ mt: 0.5 }}>
        Save mapping
      </Button>
    </Box>
  );
}
