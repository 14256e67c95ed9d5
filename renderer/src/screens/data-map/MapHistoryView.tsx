import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';

import type { MapAsOfView, MapDiffView } from '../../../../shared/ipc/map-history.js';
import { api, unwrap } from '../../api/client';
import { PAGE_SIZE_OPTIONS } from '../../components/ServerDataGrid';
import { formatTimestamp, localDate } from '../../labels';
import { toastError } from '../../state/toasts';
import { MapDiffList } from './MapDiffList';

type HistoricalRow = MapAsOfView['fields'][number];

const COLUMNS: GridColDef<HistoricalRow>[] = [
  { field: 'system', headerName: 'System', flex: 1, minWidth: 120 },
  { field: 'dataset', headerName: 'Dataset', flex: 1, minWidth: 120 },
  { field: 'field', headerName: 'Field', flex: 1, minWidth: 120 },
  { field: 'level', headerName: 'Level', width: 140 },
  { field: 'owner', headerName: 'Owner', width: 140 },
  { field: 'retention', headerName: 'Retention', width: 110 },
];

/** Shows the map as it stood on a date, and what changed between two dates. */
export function MapHistoryView() {
  const today = localDate();
  const [asOfDate, setAsOfDate] = useState(today);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [asOf, setAsOf] = useState<MapAsOfView | null>(null);
  const [diff, setDiff] = useState<MapDiffView | null>(null);

  const showAsOf = async () => {
    try {
      setAsOf(await unwrap(api().history.asOf({ when: asOfDate })));
    } catch (error) {
      toastError(error);
    }
  };
  const compare = async () => {
    try {
      setDiff(await unwrap(api().history.diff({ from, to })));
    } catch (error) {
      toastError(error);
    }
  };

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" component="section" aria-label="Map as of a date" sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
          <TextField
            type="date"
            size="small"
            label="Map as of"
            value={asOfDate}
            onChange={(event) => setAsOfDate(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button variant="outlined" onClick={() => void showAsOf()}>
            Show map
          </Button>
        </Stack>
        {asOf !== null && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {asOf.fields.length} fields at {formatTimestamp(asOf.asOf)}
            </Typography>
            <DataGrid
              aria-label="Map as of the date"
              rows={asOf.fields}
              columns={COLUMNS}
              density="compact"
              disableRowSelectionOnClick
              initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
              pageSizeOptions={PAGE_SIZE_OPTIONS}
              sx={{ height: 360 }}
            />
          </>
        )}
      </Paper>
      <Paper variant="outlined" component="section" aria-label="Compare two dates" sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
          <TextField
            type="date"
            size="small"
            label="From"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="date"
            size="small"
            label="To"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button variant="outlined" onClick={() => void compare()}>
            Compare
          </Button>
        </Stack>
        {diff !== null && diff.added.length + diff.removed.length + diff.changed.length === 0 && (
          <Alert severity="info">The map did not change between these dates.</Alert>
        )}
        {diff !== null && <MapDiffList diff={diff} />}
      </Paper>
    </Stack>
  );
}
