import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';

import type { ScaleChangeView } from '../../../../shared/ipc/scale.js';
import { api, ApiError, unwrap } from '../../api/client';
import { useScale } from '../../state/scale';
import { toastError, toastSuccess } from '../../state/toasts';

interface LevelDraft {
  name: string;
  label: string;
  color: string;
  requiresEncryption: boolean;
}

/** Remap target that leaves a removed level unmapped, so the preview names its entries. */
const NO_TARGET = '';

/**
 * Edits the vault's classification scale: ordered levels with names, labels and colours, and
 * where the entries of a removed level move. Preview counts the moves, and Apply stores the scale.
 */
export function ScaleEditor() {
  const scale = useScale((state) => state.scale);
  const [levels, setLevels] = useState<LevelDraft[]>([]);
  const [remap, setRemap] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ScaleChangeView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    setLevels(
      (scale?.levels ?? []).map(({ name, label, color, requiresEncryption }) => ({
        name,
        label,
        color,
        requiresEncryption,
      })),
    );
    setRemap({});
    setPreview(null);
  }, [scale]);

  const newNames = levels.map((level) => level.name.trim().toUpperCase());
  const removed = (scale?.levels ?? []).filter(
    (level) => !newNames.includes(level.name.toUpperCase()),
  );
  const change = (index: number, patch: Partial<LevelDraft>) => {
    setLevels((current) =>
      current.map((level, i) => (i === index ? { ...level, ...patch } : level)),
    );
    setPreview(null);
  };
  const move = (index: number, offset: number) => {
    setLevels((current) => {
      const next = [...current];
      const [level] = next.splice(index, 1);
      if (level !== undefined) next.splice(index + offset, 0, level);
      return next;
    });
    setPreview(null);
  };
  const input = () => ({
    scale: { levels },
    remap: Object.fromEntries(
      removed
        .map((level) => [level.name, remap[level.name] ?? NO_TARGET] as const)
        .filter(([, target]) => target !== NO_TARGET),
    ),
  });
  const run = async (apply: boolean) => {
    try {
      const result = apply
        ? await unwrap(api().scale.set(input()))
        : await unwrap(api().scale.preview(input()));
      setProblem(null);
      setPreview(result);
      if (apply) {
        toastSuccess('Classification scale saved.');
        await useScale.getState().load();
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_INPUT') {
        setProblem(error.message);
      } else {
        toastError(error);
      }
    }
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Levels run from least to most restricted. Entries at a level you remove move to the level
        chosen for it below.
      </Typography>
      <Stack spacing={1} role="list" aria-label="Scale levels">
        {levels.map((level, index) => (
          <Stack
            key={index}
            role="listitem"
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center' }}
          >
            <TextField
              fullWidth={false}
              size="small"
              label={`Level ${index + 1} name`}
              value={level.name}
              onChange={(event) => change(index, { name: event.target.value })}
              sx={{ width: 170 }}
            />
            <TextField
              fullWidth={false}
              size="small"
              label={`Level ${index + 1} label`}
              value={level.label}
              onChange={(event) => change(index, { label: event.target.value })}
              sx={{ width: 150 }}
            />
            <TextField
              fullWidth={false}
              size="small"
              label={`Level ${index + 1} colour`}
              value={level.color}
              onChange={(event) => change(index, { color: event.target.value })}
              sx={{ width: 120 }}
            />
            <input
              type="color"
              aria-label={`Level ${index + 1} colour picker`}
              value={/^#[0-9A-Fa-f]{6}$/.test(level.color) ? level.color : '#000000'}
              onChange={(event) => change(index, { color: event.target.value.toUpperCase() })}
            />
            <FormControlLabel
              label="Requires encryption"
              control={
                <Checkbox
                  checked={level.requiresEncryption}
                  onChange={(event) => change(index, { requiresEncryption: event.target.checked })}
                  slotProps={{ input: { 'aria-label': `Level ${index + 1} requires encryption` } }}
                />
              }
            />
            <IconButton
              aria-label={`Move level ${index + 1} up`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              <ArrowUpwardIcon />
            </IconButton>
            <IconButton
              aria-label={`Move level ${index + 1} down`}
              disabled={index === levels.length - 1}
              onClick={() => move(index, 1)}
            >
              <ArrowDownwardIcon />
            </IconButton>
            <IconButton
              aria-label={`Remove level ${index + 1}`}
              onClick={() => {
                setLevels((current) => current.filter((_level, i) => i !== index));
                setPreview(null);
              }}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() =>
          setLevels((current) => [
            ...current,
            { name: '', label: '', color: '#3D5A80', requiresEncryption: false },
          ])
        }
      >
        Add level
      </Button>
      {removed.length > 0 && (
        <Stack spacing={1} component="section" aria-label="Remap removed levels">
          <Typography variant="subtitle2" component="h3">
            Move entries of removed levels
          </Typography>
          {removed.map((level) => (
            <TextField
              fullWidth={false}
              key={level.name}
              select
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              size="small"
              label={`Entries at ${level.label || level.name} move to`}
              value={remap[level.name] ?? NO_TARGET}
              onChange={(event) => {
                setRemap((current) => ({ ...current, [level.name]: event.target.value }));
                setPreview(null);
              }}
              sx={{ maxWidth: 360 }}
            >
              <MenuItem value={NO_TARGET}>Not moved</MenuItem>
              {levels
                .filter((candidate) => candidate.name.trim() !== '')
                .map((candidate) => (
                  <MenuItem key={candidate.name} value={candidate.name.trim()}>
                    {candidate.label || candidate.name}
                  </MenuItem>
                ))}
            </TextField>
          ))}
        </Stack>
      )}
      {problem !== null && <Alert severity="error">{problem}</Alert>}
      {preview !== null && (
        <Alert severity="info" role="status">
          {preview.remapped.length === 0
            ? `No entry moves; ${preview.kept} entries keep their level.`
            : `${preview.remapped
                .map((move) => `${move.entries} entries move from ${move.from} to ${move.to}`)
                .join('; ')}; ${preview.kept} entries keep their level.`}
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={() => void run(false)}>
          Preview change
        </Button>
        <Button variant="contained" onClick={() => void run(true)}>
          Apply scale
        </Button>
      </Stack>
    </Stack>
  );
}
