import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useEffect, useState } from 'react';

import {
  POLICY_RULES,
  POLICY_RULE_TITLES,
  type PolicyRule,
} from '../../../../shared/domain/classification-policy.js';
import type { PolicyFindingView } from '../../../../shared/ipc/data-map.js';
import { api, unwrap } from '../../api/client';
import { PAGE_SIZE_OPTIONS } from '../../components/ServerDataGrid';
import { toastError } from '../../state/toasts';

export interface PolicyFindingsProps {
  /** Opens the entry that raised a finding. */
  onOpenEntry(entryId: number): void;
}

const ANY_RULE = '';

const COLUMNS: GridColDef<PolicyFindingView>[] = [
  {
    field: 'rule',
    headerName: 'Rule',
    width: 260,
    valueFormatter: (value: PolicyRule) => POLICY_RULE_TITLES[value],
  },
  { field: 'message', headerName: 'Finding', flex: 1, minWidth: 240 },
  {
    field: 'field',
    headerName: 'Field',
    width: 260,
    valueGetter: (_value, row) => `${row.system} / ${row.dataset} / ${row.field}`,
  },
  { field: 'level', headerName: 'Level', width: 130 },
];

/** Lists the fields that break a policy rule, filterable by rule; a row opens its entry. */
export function PolicyFindings({ onOpenEntry }: PolicyFindingsProps) {
  const [rule, setRule] = useState<PolicyRule | ''>(ANY_RULE);
  const [counts, setCounts] = useState<Partial<Record<PolicyRule, number>>>({});
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [rows, setRows] = useState<PolicyFindingView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [page, byRule] = await Promise.all([
        unwrap(
          api().dataMap.listFindings({
            rule: rule === ANY_RULE ? undefined : rule,
            offset: paging.page * paging.pageSize,
            limit: paging.pageSize,
          }),
        ),
        unwrap(api().dataMap.countFindings()),
      ]);
      setRows(page.rows);
      setTotal(page.total);
      setCounts(byRule);
    } catch (error) {
      toastError(error);
    } finally {
      setLoading(false);
    }
  }, [rule, paging]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack spacing={1} sx={{ flex: 1, minHeight: 0 }}>
      <TextField
        fullWidth={false}
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        size="small"
        label="Rule"
        value={rule}
        onChange={(event) => {
          setRule(event.target.value as PolicyRule | '');
          setPaging((current) => ({ ...current, page: 0 }));
        }}
        sx={{ maxWidth: 480 }}
      >
        <MenuItem value={ANY_RULE}>Every rule</MenuItem>
        {POLICY_RULES.map((candidate) => (
          <MenuItem key={candidate} value={candidate}>
            {POLICY_RULE_TITLES[candidate]} ({counts[candidate] ?? 0})
          </MenuItem>
        ))}
      </TextField>
      <DataGrid
        aria-label="Policy findings"
        rows={rows}
        rowCount={total}
        columns={COLUMNS}
        getRowId={(row) => `${row.rule}:${row.entryId}`}
        loading={loading}
        density="compact"
        disableRowSelectionOnClick
        disableColumnFilter
        disableColumnSorting
        paginationMode="server"
        paginationModel={paging}
        onPaginationModelChange={setPaging}
        pageSizeOptions={PAGE_SIZE_OPTIONS}
        onRowClick={(params) => onOpenEntry(params.row.entryId)}
        onCellKeyDown={(params, event) => {
          if (event.key !== 'Enter') return;
          event.defaultMuiPrevented = true;
          onOpenEntry(params.row.entryId);
        }}
        sx={{ minHeight: 320, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
    </Stack>
  );
}
