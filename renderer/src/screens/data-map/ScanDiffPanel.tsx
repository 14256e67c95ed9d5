import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';

import type { ScanDiffView } from '../../../../shared/ipc/review.js';
import { api, errorMessage, unwrap } from '../../api/client';

export interface ScanDiffPanelProps {
  runId: number;
}

/** Fields shown per list before "and n more", so a first scan of a large database stays short. */
const MAX_LISTED = 50;

/** Shows what a scan found new, removed or changed since the previous scan of the same source. */
export function ScanDiffPanel({ runId }: ScanDiffPanelProps) {
  const [diff, setDiff] = useState<ScanDiffView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setDiff(null);
    setError(null);
    unwrap(api().review.diffRun({ runId }))
      .then((value) => current && setDiff(value))
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [runId]);

  if (error !== null) return <Alert severity="error">{error}</Alert>;
  if (diff === null) return null;

  const sections = [
    {
      title: `New fields (${diff.added.length})`,
      items: diff.added.map((field) => `${field.dataset}.${field.field}: ${field.level}`),
    },
    {
      title: `Removed fields (${diff.removed.length})`,
      items: diff.removed.map((field) => `${field.dataset}.${field.field}`),
    },
    {
      title: `Changed fields (${diff.changed.length})`,
      items: diff.changed.map(
        (change) => `${change.after.dataset}.${change.after.field}: ${change.changes.join(', ')}`,
      ),
    },
  ];

  return (
    <Paper variant="outlined" component="section" aria-label="Changes since the previous scan">
      <Stack spacing={1} sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h3">
          {diff.previousRunId === null
            ? `First scan of this source: all ${diff.added.length} fields are new`
            : `Changes since scan ${diff.previousRunId} (${diff.unchanged} fields unchanged)`}
        </Typography>
        {/* A first scan lists every field as new, which the proposals below already show. */}
        {diff.previousRunId !== null && (
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            {sections.map((section) => (
              <Stack key={section.title} sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="subtitle2" component="h4">
                  {section.title}
                </Typography>
                <List
                  dense
                  aria-label={section.title}
                  tabIndex={0}
                  sx={{ maxHeight: 180, overflowY: 'auto' }}
                >
                  {section.items.slice(0, MAX_LISTED).map((item) => (
                    <ListItem key={item} disableGutters>
                      <ListItemText primary={item} />
                    </ListItem>
                  ))}
                  {section.items.length > MAX_LISTED && (
                    <ListItem disableGutters>
                      <ListItemText secondary={`and ${section.items.length - MAX_LISTED} more`} />
                    </ListItem>
                  )}
                </List>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
