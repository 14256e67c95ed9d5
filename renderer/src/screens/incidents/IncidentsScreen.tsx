import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';

import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '../../../../shared/domain/incidents.js';
import { api } from '../../api/client';
import type { IncidentRow } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { FileImportDialog } from '../../components/FileImportDialog';
import { FilterChips, type ActiveFilter } from '../../components/FilterChips';
import { PageHeader } from '../../components/PageHeader';
import { ServerDataGrid } from '../../components/ServerDataGrid';
import { SeverityChip } from '../../components/SeverityChip';
import { formatTimestamp, humanize, INCIDENT_STATUS_LABELS } from '../../labels';
import { useIncidentList } from '../../state/lists';
import { IncidentDrawer } from './IncidentDrawer';

const COLUMNS: GridColDef<IncidentRow>[] = [
  { field: 'title', headerName: 'Title', flex: 2, minWidth: 220 },
  {
    field: 'severity',
    headerName: 'Severity',
    type: 'singleSelect',
    valueOptions: INCIDENT_SEVERITIES.map((severity) => ({
      value: severity,
      label: humanize(severity),
    })),
    width: 120,
    renderCell: (params) => <SeverityChip severity={params.row.severity} />,
  },
  {
    field: 'status',
    headerName: 'Phase',
    type: 'singleSelect',
    valueOptions: INCIDENT_STATUSES.map((status) => ({
      value: status,
      label: INCIDENT_STATUS_LABELS[status],
    })),
    width: 130,
  },
  { field: 'category', headerName: 'Category', width: 140, sortable: false },
  { field: 'occurredOn', headerName: 'Occurred', width: 110 },
  {
    field: 'personalData',
    headerName: 'Personal data',
    width: 120,
    sortable: false,
    valueFormatter: (value: string) => humanize(value),
  },
  { field: 'recordsAffected', headerName: 'Records', type: 'number', width: 100, sortable: false },
  {
    field: 'createdAt',
    headerName: 'Recorded',
    width: 170,
    valueFormatter: (value: string) => formatTimestamp(value),
  },
];

const FILTER_KEYS = { severity: 'severity', status: 'status' } as const;

/** Security incidents, with manual recording and VERIS import. */
export function IncidentsScreen() {
  const query = useIncidentList((state) => state.query);
  const [drawer, setDrawer] = useState<{ open: boolean; incident: IncidentRow | null }>({
    open: false,
    incident: null,
  });
  const [importing, setImporting] = useState(false);

  const reload = () => void useIncidentList.getState().reload();
  const filters: ActiveFilter[] = [
    query.severity !== undefined && {
      key: 'severity',
      label: `Severity: ${humanize(query.severity)}`,
    },
    query.status !== undefined && {
      key: 'status',
      label: `Phase: ${INCIDENT_STATUS_LABELS[query.status]}`,
    },
    query.open !== undefined && {
      key: 'open',
      label: query.open ? 'Open incidents' : 'Closed incidents',
    },
  ].filter((filter): filter is ActiveFilter => filter !== false);

  return (
    <>
      <PageHeader
        title="Incidents"
        subtitle="Security incidents from detection to closure, and whether personal data was affected."
        actions={
          <>
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setDrawer({ open: true, incident: null })}
            >
              New incident
            </Button>
            <Button variant="outlined" onClick={() => setImporting(true)}>
              Import VERIS
            </Button>
          </>
        }
      />
      <FilterChips
        filters={filters}
        onRemove={(key) => void useIncidentList.getState().setQuery({ [key]: undefined })}
        onClear={() => void useIncidentList.getState().setFilters({})}
      />
      <ServerDataGrid
        label="Incidents"
        store={useIncidentList}
        columns={COLUMNS}
        filterKeys={FILTER_KEYS}
        onOpenRow={(incident) => setDrawer({ open: true, incident })}
        emptyState={
          <EmptyState
            title="No incidents recorded"
            hint="Record an incident with New incident as soon as it is detected, or import past incidents from VERIS JSON files."
          />
        }
      />
      <IncidentDrawer
        open={drawer.open}
        incident={drawer.incident}
        onClose={() => setDrawer({ ...drawer, open: false })}
        onSaved={() => {
          setDrawer({ ...drawer, open: false });
          reload();
        }}
      />
      <FileImportDialog
        open={importing}
        title="Import VERIS incidents"
        kind="verisJson"
        intro="A VERIS 1.3 or 1.4 JSON file with one incident or an array of incidents. Incidents already imported are matched by their VERIS id and updated."
        preview={(path) => api().incidents.importPreview({ path })}
        renderPreview={(preview) => (
          <Table size="small" aria-label="First incidents in the file">
            <TableHead>
              <TableRow>
                <TableCell>Title</TableCell>
                <TableCell>Severity</TableCell>
                <TableCell>Occurred</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.sample.map((incident, index) => (
                <TableRow key={incident.externalRef ?? index}>
                  <TableCell>{incident.title}</TableCell>
                  <TableCell>{humanize(incident.severity)}</TableCell>
                  <TableCell>{incident.occurredOn}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        run={(path, jobId) => api().incidents.import({ jobId, path })}
        onClose={() => setImporting(false)}
        onImported={reload}
      />
    </>
  );
}
