import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useCallback, useEffect, useState } from 'react';

import type { RopaGrouping } from '../../../../shared/domain/ropa.js';
import type {
  MapExportKind,
  MapExportResult,
  RecordOfProcessingView as RecordView,
} from '../../../../shared/ipc/ropa.js';
import { api, errorMessage, unwrap } from '../../api/client';
import { categoryLabel, humanize, LEGAL_BASIS_LABELS } from '../../labels';
import { toastError, toastSuccess } from '../../state/toasts';
import { ControllerForm } from './ControllerForm';

const EXPORT_LABELS: Readonly<Record<MapExportKind, string>> = {
  ropa: 'Export record (XLSX)',
  mapXlsx: 'Export map (XLSX)',
  mapCsv: 'Export map (CSV)',
};

/**
 * Shows the Art. 30 record of processing activities derived from the map, per system or per
 * purpose, with the controller's details and the exports of the record and the map.
 */
export function RecordOfProcessingView() {
  const [groupBy, setGroupBy] = useState<RopaGrouping>('system');
  const [record, setRecord] = useState<RecordView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<MapExportResult | null>(null);

  const load = useCallback(async () => {
    try {
      setRecord(await unwrap(api().ropa.record({ groupBy })));
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [groupBy]);

  useEffect(() => {
    void load();
  }, [load]);

  const exportFile = async (kind: MapExportKind) => {
    try {
      const chosen = await unwrap(api().ropa.chooseDestination({ kind }));
      if (chosen === null) return;
      const result =
        kind === 'ropa'
          ? await unwrap(api().ropa.exportRecord({ path: chosen.path, groupBy }))
          : await unwrap(api().ropa.exportMap({ path: chosen.path }));
      setExported(result);
      toastSuccess(`Saved ${chosen.name}: ${result.rows} rows, personal data masked.`);
    } catch (failure) {
      toastError(failure);
    }
  };

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      {record !== null && (
        <ControllerForm controller={record.controller} onSaved={() => void load()} />
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={groupBy}
          onChange={(_event, value: RopaGrouping | null) => value !== null && setGroupBy(value)}
          aria-label="Group the record"
        >
          <ToggleButton value="system">Per system</ToggleButton>
          <ToggleButton value="purpose">Per purpose</ToggleButton>
        </ToggleButtonGroup>
        {(Object.keys(EXPORT_LABELS) as MapExportKind[]).map((kind) => (
          <Button key={kind} variant="outlined" size="small" onClick={() => void exportFile(kind)}>
            {EXPORT_LABELS[kind]}
          </Button>
        ))}
        {exported !== null && (
          <Button
            size="small"
            onClick={() => void api().reports.showInFolder({ path: exported.file })}
          >
            Show in folder
          </Button>
        )}
      </Stack>
      {error !== null && <Alert severity="error">{error}</Alert>}
      {record !== null && record.activities.length === 0 && (
        <Alert severity="info">
          No field of the map holds personal data yet, so the record has no processing activity.
        </Alert>
      )}
      {record !== null && record.activities.length > 0 && (
        <TableContainer sx={{ flex: 1, minHeight: 0 }}>
          <Table size="small" stickyHeader aria-label="Processing activities">
            <TableHead>
              <TableRow>
                <TableCell>{groupBy === 'system' ? 'System' : 'Purpose'}</TableCell>
                <TableCell>Purposes</TableCell>
                <TableCell>Legal bases</TableCell>
                <TableCell>Data subjects</TableCell>
                <TableCell>Personal data</TableCell>
                <TableCell>Recipients</TableCell>
                <TableCell>Transfers</TableCell>
                <TableCell>Retention</TableCell>
                <TableCell>Locations</TableCell>
                <TableCell align="right">Fields</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {record.activities.map((activity) => (
                <TableRow key={activity.name}>
                  <TableCell component="th" scope="row">
                    {activity.name}
                  </TableCell>
                  <TableCell>{activity.purposes.join(', ') || 'None stated'}</TableCell>
                  <TableCell>
                    {activity.legalBases.map((basis) => LEGAL_BASIS_LABELS[basis]).join(', ') ||
                      'None stated'}
                  </TableCell>
                  <TableCell>{activity.dataSubjects.map(humanize).join(', ')}</TableCell>
                  <TableCell>
                    {activity.personalDataCategories.map(categoryLabel).join(', ')}
                  </TableCell>
                  <TableCell>{activity.recipients.join(', ')}</TableCell>
                  <TableCell>
                    {activity.transfers.map((transfer) => transfer.country).join(', ') || 'None'}
                  </TableCell>
                  <TableCell>
                    {activity.retention
                      .map((retention) => `${retention.period ?? 'none'} (${retention.fields})`)
                      .join(', ')}
                  </TableCell>
                  <TableCell>{activity.locations.join(', ')}</TableCell>
                  <TableCell align="right">{activity.fields}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}
