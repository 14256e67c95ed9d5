import Chip from '@mui/material/Chip';
import { useColorScheme } from '@mui/material/styles';

import { levelColors, severityColors, type SeverityName } from '../theme/primitives';

export interface SeverityChipProps {
  severity: SeverityName;
}

/** A severity as an outlined chip in the severity's colour, readable in both schemes. */
export function SeverityChip({ severity }: SeverityChipProps) {
  const scheme = useResolvedScheme();
  const color = severityColors[scheme][severity];
  return <Chip label={severity} variant="outlined" sx={{ color, borderColor: color }} />;
}

export interface LevelChipProps {
  level: keyof (typeof levelColors)['light'];
}

export function LevelChip({ level }: LevelChipProps) {
  const scheme = useResolvedScheme();
  const color = levelColors[scheme][level];
  return (
    <Chip label={level.replace('_', ' ')} variant="outlined" sx={{ color, borderColor: color }} />
  );
}

/** The colour scheme in use: the system's when the mode is "system". */
export function useResolvedScheme(): 'light' | 'dark' {
  const { mode, systemMode } = useColorScheme();
  const resolved = mode === 'system' ? systemMode : mode;
  return resolved === 'dark' ? 'dark' : 'light';
}
