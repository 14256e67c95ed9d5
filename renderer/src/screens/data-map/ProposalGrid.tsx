import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useEffect, useState } from 'react';

import {
  PROPOSAL_STATUSES,
  type ProposalStatus,
} from '../../../../shared/domain/classification-review.js';
import type { ScanProposalView } from '../../../../shared/ipc/review.js';
import { api, unwrap } from '../../api/client';
import { PAGE_SIZE_OPTIONS } from '../../components/ServerDataGrid';
import { categoryLabel, humanize } from '../../labels';
import { toastError, toastSuccess } from '../../state/toasts';
import { AcceptProposalDrawer } from './AcceptProposalDrawer';

export interface ProposalGridProps {
  runId: number;
  /** Called after a decision, so the run list can update its pending count. */
  onDecided(): void;
}

const ANY_STATUS = '';

/** Lists a scan's proposals with their evidence; pending ones can be accepted or rejected. */
export function ProposalGrid({ runId, onDecided }: ProposalGridProps) {
  const [status, setStatus] = useState<ProposalStatus | ''>('pending');
  const [search, setSearch] = useState('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [rows, setRows] = useState<ScanProposalView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [changing, setChanging] = useState<ScanProposalView | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const page = await unwrap(
        api().review.listProposals({
          runId,
          status: status === ANY_STATUS ? undefined : status,
          search: search.trim() === '' ? undefined : search.trim(),
          offset: paging.page * paging.pageSize,
          limit: paging.pageSize,
        }),
      );
      setRows(page.rows);
      setTotal(page.total);
    } catch (error) {
      toastError(error);
    } finally {
      setLoading(false);
    }
  }, [runId, status, search, paging]);

  useEffect(() => {
    void load();
  }, [load]);

  const decided = () => {
    setChanging(null);
    void load();
    onDecided();
  };
  const accept = async (proposal: ScanProposalView) => {
    try {
      await unwrap(api().review.accept({ id: proposal.id }));
      toastSuccess(`Proposal for ${proposal.dataset}.${proposal.field} accepted.`);
      decided();
    } catch (error) {
      toastError(error);
    }
  };
  const reject = async (proposal: ScanProposalView) => {
    try {
      await unwrap(api().review.reject({ id: proposal.id }));
      toastSuccess(`Proposal for ${proposal.dataset}.${proposal.field} rejected.`);
      decided();
    } catch (error) {
      toastError(error);
    }
  };

  const columns: GridColDef<ScanProposalView>[] = [
    { field: 'dataset', headerName: 'Dataset', width: 140 },
    { field: 'field', headerName: 'Field', width: 140 },
    {
      field: 'actions',
      headerName: 'Decision',
      width: 290,
      sortable: false,
      renderCell: (params) =>
        params.row.status === 'pending' && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
            <Button
              size="small"
              onClick={() => void accept(params.row)}
              aria-label={`Accept ${params.row.dataset}.${params.row.field}`}
            >
              Accept
            </Button>
            <Button
              size="small"
              onClick={() => setChanging(params.row)}
              aria-label={`Change and accept ${params.row.dataset}.${params.row.field}`}
            >
              Change…
            </Button>
            <Button
              size="small"
              color="error"
              onClick={() => void reject(params.row)}
              aria-label={`Reject ${params.row.dataset}.${params.row.field}`}
            >
              Reject
            </Button>
          </Stack>
        ),
    },
    {
      field: 'level',
      headerName: 'Level',
      width: 130,
      valueGetter: (_value, row) => row.level ?? row.proposedLevel,
    },
    {
      field: 'category',
      headerName: 'Category',
      width: 140,
      valueFormatter: (value: ScanProposalView['category']) => categoryLabel(value),
    },
    {
      field: 'confidence',
      headerName: 'Confidence',
      width: 100,
      valueFormatter: (value: number) => `${Math.round(value * 100)} %`,
    },
    {
      field: 'reasons',
      headerName: 'Reasons',
      flex: 1,
      minWidth: 180,
      valueGetter: (value: string[]) => value.join('; '),
    },
    {
      field: 'maskedExamples',
      headerName: 'Masked examples',
      width: 180,
      valueGetter: (value: string[]) => value.join(', '),
    },
    {
      field: 'status',
      headerName: 'Status',
      width: 110,
      renderCell: (params) => <Chip size="small" label={humanize(params.row.status)} />,
    },
  ];

  return (
    <Stack spacing={1} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={1}>
        <TextField
          fullWidth={false}
          size="small"
          type="search"
          label="Search dataset or field"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPaging((current) => ({ ...current, page: 0 }));
          }}
          sx={{ width: 240 }}
        />
        <TextField
          fullWidth={false}
          select
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          size="small"
          label="Proposal status"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as ProposalStatus | '');
            setPaging((current) => ({ ...current, page: 0 }));
          }}
          sx={{ width: 200 }}
        >
          <MenuItem value={ANY_STATUS}>Any status</MenuItem>
          {PROPOSAL_STATUSES.map((candidate) => (
            <MenuItem key={candidate} value={candidate}>
              {humanize(candidate)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <DataGrid
        aria-label="Scan proposals"
        rows={rows}
        rowCount={total}
        columns={columns}
        loading={loading}
        density="compact"
        disableRowSelectionOnClick
        disableColumnFilter
        disableColumnSorting
        paginationMode="server"
        paginationModel={paging}
        onPaginationModelChange={setPaging}
        pageSizeOptions={PAGE_SIZE_OPTIONS}
        sx={{ minHeight: 320 }}
      />
      <AcceptProposalDrawer
        proposal={changing}
        onClose={() => setChanging(null)}
        onAccepted={decided}
      />
    </Stack>
  );
}
