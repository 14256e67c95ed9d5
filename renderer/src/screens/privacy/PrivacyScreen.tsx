import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';

import { REQUEST_STATUSES, REQUEST_TYPES } from '../../../../shared/domain/privacy.js';
import type { PrivacyRequestRow } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { FilterChips, type ActiveFilter } from '../../components/FilterChips';
import { PageHeader } from '../../components/PageHeader';
import { ServerDataGrid } from '../../components/ServerDataGrid';
import { localDate, REQUEST_STATUS_LABELS, requestTypeLabel } from '../../labels';
import { usePrivacyList } from '../../state/lists';
import { PrivacyRequestDrawer } from './PrivacyRequestDrawer';

const OPEN_STATUSES = new Set(['received', 'in_progress']);

const COLUMNS: GridColDef<PrivacyRequestRow>[] = [
  { field: 'id', headerName: 'Id', width: 80, sortable: false },
  {
    field: 'type',
    headerName: 'Right',
    type: 'singleSelect',
    valueOptions: REQUEST_TYPES.map((type) => ({ value: type, label: requestTypeLabel(type) })),
    flex: 1,
    minWidth: 220,
  },
  { field: 'subjectRef', headerName: 'Data subject', flex: 1, minWidth: 140, sortable: false },
  { field: 'receivedOn', headerName: 'Received', width: 120 },
  {
    field: 'dueOn',
    headerName: 'Due',
    width: 170,
    renderCell: (params) => {
      const row = params.row;
      const today = localDate();
      const overdue = OPEN_STATUSES.has(row.status) && row.dueOn < today;
      return overdue ? (
        <>
          {row.dueOn} <Chip label="overdue" color="error" variant="outlined" sx={{ ml: 1 }} />
        </>
      ) : (
        row.dueOn
      );
    },
  },
  {
    field: 'status',
    headerName: 'Status',
    type: 'singleSelect',
    valueOptions: REQUEST_STATUSES.map((status) => ({
      value: status,
      label: REQUEST_STATUS_LABELS[status],
    })),
    width: 140,
  },
];

const FILTER_KEYS = { type: 'type', status: 'status' } as const;

/** Data-subject requests (GDPR Arts. 15-22) with their response deadlines. */
export function PrivacyScreen() {
  const query = usePrivacyList((state) => state.query);
  const [drawer, setDrawer] = useState<{ open: boolean; request: PrivacyRequestRow | null }>({
    open: false,
    request: null,
  });

  const filters: ActiveFilter[] = [
    query.type !== undefined && { key: 'type', label: `Right: ${requestTypeLabel(query.type)}` },
    query.status !== undefined && {
      key: 'status',
      label: `Status: ${REQUEST_STATUS_LABELS[query.status]}`,
    },
    query.due !== undefined && {
      key: 'due',
      label: query.due === 'overdue' ? 'Overdue' : 'Due within 7 days',
    },
  ].filter((filter): filter is ActiveFilter => filter !== false);

  return (
    <>
      <PageHeader
        title="Privacy Requests"
        subtitle="Requests from data subjects and their one-month response deadlines."
        actions={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setDrawer({ open: true, request: null })}
          >
            New request
          </Button>
        }
      />
      <FilterChips
        filters={filters}
        onRemove={(key) => void usePrivacyList.getState().setQuery({ [key]: undefined })}
        onClear={() => void usePrivacyList.getState().setFilters({})}
      />
      <ServerDataGrid
        label="Privacy requests"
        store={usePrivacyList}
        columns={COLUMNS}
        filterKeys={FILTER_KEYS}
        onOpenRow={(request) => setDrawer({ open: true, request })}
        emptyState={
          <EmptyState
            title="No privacy requests yet"
            hint="When a data subject asks to access, correct or erase their data, log it with New request; the console computes the deadline."
          />
        }
      />
      <PrivacyRequestDrawer
        open={drawer.open}
        request={drawer.request}
        onClose={() => setDrawer({ ...drawer, open: false })}
        onSaved={() => {
          setDrawer({ ...drawer, open: false });
          void usePrivacyList.getState().reload();
        }}
      />
    </>
  );
}
