import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

import type { MapDiffView } from '../../../../shared/ipc/map-history.js';
import { fieldLabel } from '../../labels';

export interface MapDiffListProps {
  diff: MapDiffView;
}

/** Lists the fields added, removed and changed between two dates, with the changed attributes. */
export function MapDiffList({ diff }: MapDiffListProps) {
  const path = (field: { system: string; dataset: string; field: string }) =>
    `${field.system} / ${field.dataset} / ${field.field}`;
  const sections = [
    {
      title: `Added (${diff.added.length})`,
      items: diff.added.map((field) => ({
        key: field.id,
        primary: path(field),
        secondary: field.level,
      })),
    },
    {
      title: `Removed (${diff.removed.length})`,
      items: diff.removed.map((field) => ({
        key: field.id,
        primary: path(field),
        secondary: field.level,
      })),
    },
    {
      title: `Changed (${diff.changed.length})`,
      items: diff.changed.map((change) => ({
        key: change.id,
        primary: path(change),
        secondary: change.changes
          .map(
            (attribute) =>
              `${fieldLabel(attribute.attribute)}: ${show(attribute.before)} → ${show(attribute.after)}`,
          )
          .join('; '),
      })),
    },
  ];

  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      {sections.map((section) => (
        <Stack key={section.title} sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2" component="h3">
            {section.title}
          </Typography>
          <List dense aria-label={section.title}>
            {section.items.map((item) => (
              <ListItem key={item.key} disableGutters>
                <ListItemText primary={item.primary} secondary={item.secondary} />
              </ListItem>
            ))}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}

/** Formats an attribute value for the diff: lists joined, empty values as "none". */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
}
