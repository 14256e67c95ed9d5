import Chip from '@mui/material/Chip';
import { useColorScheme, useTheme } from '@mui/material/styles';

import { levelLabelOf, useLevels } from '../state/scale';
import { severityColors, type SeverityName } from '../theme/primitives';
import { readableOn, SHADED_SURFACE_CONTRAST } from '../theme/readable';

export interface SeverityChipProps {
  severity: SeverityName;
}

/** Shows a severity as an outlined chip in the severity's colour, readable in both schemes. */
export function SeverityChip({ severity }: SeverityChipProps) {
  const scheme = useResolvedScheme();
  const color = severityColors[scheme][severity];
  return <Chip label={severity} variant="outlined" sx={{ color, borderColor: color }} />;
}

export interface LevelChipProps {
  /** A level name of the vault's scale. */
  level: string;
}

/** Shows a classification level in the scale's colour, adjusted to stay readable in either scheme. */
export function LevelChip({ level }: LevelChipProps) {
  const levels = useLevels();
  const theme = useTheme();
  const scaleLevel = levels.find((candidate) => candidate.name === level);
  const color = readableOn(
    scaleLevel?.color ?? theme.palette.text.secondary,
    theme.palette.background.paper,
    SHADED_SURFACE_CONTRAST,
  );
  return (
    <Chip
      label={levelLabelOf(levels, level)}
      variant="outlined"
      // The solid background keeps the contrast computed against the paper colour, also on a
      // selected or hovered grid row, whose tint would otherwise show through.
      sx={{ color, borderColor: color, bgcolor: 'background.paper' }}
    />
  );
}

/** Returns the colour scheme in use: the system's when the mode is "system". */
export function useResolvedScheme(): 'light' | 'dark' {
  const { mode, systemMode } = useColorScheme();
  const resolved = mode === 'system' ? systemMode : mode;
  return resolved === 'dark' ? 'dark' : 'light';
}
