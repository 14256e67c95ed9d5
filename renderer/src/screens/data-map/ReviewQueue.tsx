import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';

import type { ScanRunView } from '../../../../shared/ipc/review.js';
import { api, errorMessage, unwrap } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { formatTimestamp } from '../../labels';
import { ProposalGrid } from './ProposalGrid';
import { ScanDiffPanel } from './ScanDiffPanel';

export interface ReviewQueueProps {
  /** Called after a decision, so the map's grid and tree can reload. */
  onDecided(): void;
}

/** Lists the scan runs; the chosen run shows its proposals and its diff with the previous scan. */
export function ReviewQueue({ onDecided }: ReviewQueueProps) {
  const [runs, setRuns] = useState<ScanRunView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState<number | null>(null);

  const loadRuns = useCallback(async () => {
    try {
      const loaded = await unwrap(api().review.listRuns({}));
      setRuns(loaded);
      setRunId((current) => current ?? loaded[0]?.id ?? null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);

  if (error !== null) return <Alert severity="error">{error}</Alert>;
  if (runs === null) return null;
  if (runs.length === 0) {
    return (
      <EmptyState
        title="No scans yet"
        hint="Scan a data source to get proposals for its fields; they wait here for a decision."
      />
    );
  }

  return (
    <Box sx={{ display: 'flex', gap: 2, flex: 1, minHeight: 0 }}>
      <Paper variant="outlined" sx={{ width: 280, flexShrink: 0, overflowY: 'auto' }}>
        <Typography variant="subtitle2" component="h2" sx={{ px: 2, pt: 1.5 }}>
          Scan runs
        </Typography>
        <List aria-label="Scan runs">
          {runs.map((run) => (
            <ListItem key={run.id} disablePadding>
              <ListItemButton selected={run.id === runId} onClick={() => setRunId(run.id)}>
                <ListItemText
                  primary={`${run.system}: ${run.fileName}`}
                  secondary={`${formatTimestamp(run.scannedAt)}, ${run.fields} fields, ${run.pending} pending`}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </Paper>
      {runId !== null && (
        <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
          <ScanDiffPanel runId={runId} />
          <ProposalGrid
            runId={runId}
            onDecided={() => {
              void loadRuns();
              onDecided();
            }}
          />
        </Stack>
      )}
    </Box>
  );
}
