import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';

export interface ActiveFilter {
  key: string;
  label: string;
}

export interface FilterChipsProps {
  filters: ActiveFilter[];
  onRemove(key: string): void;
  onClear(): void;
}

/** Shows the list's active filters as removable chips, including those set from the dashboard. */
export function FilterChips({ filters, onRemove, onClear }: FilterChipsProps) {
  if (filters.length === 0) return null;
  return (
    <Box
      role="group"
      aria-label="Active filters"
      sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}
    >
      <Typography variant="body2" color="text.secondary">
        Filtered by
      </Typography>
      {filters.map((filter) => (
        <Chip key={filter.key} label={filter.label} onDelete={() => onRemove(filter.key)} />
      ))}
      <Button size="small" onClick={onClear}>
        Clear filters
      </Button>
    </Box>
  );
}
