import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

import type { AuditRow } from '../../api/types';
import { DetailDrawer } from '../../components/DetailDrawer';
import { FieldList } from '../../components/FieldList';
import { formatTimestamp } from '../../labels';

export interface AuditEntryDrawerProps {
  entry: AuditRow | null;
  onClose(): void;
}

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {label}
      </Typography>
      <Box
        component="pre"
        tabIndex={0}
        aria-label={label}
        sx={{
          fontSize: 12,
          p: 1.5,
          bgcolor: 'action.hover',
          borderRadius: 1,
          overflowX: 'auto',
          m: 0,
        }}
      >
        {JSON.stringify(value, null, 2)}
      </Box>
    </>
  );
}

/** Shows one audit entry: what changed, from what to what, and its place in the hash chain. */
export function AuditEntryDrawer({ entry, onClose }: AuditEntryDrawerProps) {
  return (
    <DetailDrawer
      open={entry !== null}
      title={entry === null ? 'Audit entry' : `Audit entry ${entry.seq}`}
      onClose={onClose}
    >
      {entry !== null && (
        <>
          <FieldList
            items={[
              { label: 'Time', value: formatTimestamp(entry.at) },
              { label: 'Actor', value: entry.actor },
              { label: 'Action', value: entry.action },
              {
                label: 'Record',
                value: `${entry.entityType}${entry.entityId === null ? '' : ` ${entry.entityId}`}`,
              },
              { label: 'Hash', value: <code>{entry.hash}</code> },
              { label: 'Previous hash', value: <code>{entry.prevHash}</code> },
            ]}
          />
          <Json label="Before" value={entry.before} />
          <Json label="After" value={entry.after} />
        </>
      )}
    </DetailDrawer>
  );
}
