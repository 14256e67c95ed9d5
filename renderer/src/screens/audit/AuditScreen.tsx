import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import type { z } from 'zod';

import type { auditVerificationSchema } from '../../../../shared/ipc/audit.js';
import { api, errorMessage, unwrap } from '../../api/client';
import type { AuditRow } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { FilterChips, type ActiveFilter } from '../../components/FilterChips';
import { PageHeader } from '../../components/PageHeader';
import { ServerDataGrid } from '../../components/ServerDataGrid';
import { formatTimestamp } from '../../labels';
import { useAuditList } from '../../state/lists';
import { AuditEntryDrawer } from './AuditEntryDrawer';

type Verification = z.infer<typeof auditVerificationSchema>;

const COLUMNS: GridColDef<AuditRow>[] = [
  { field: 'seq', headerName: 'No.', width: 90 },
  {
    field: 'at',
    headerName: 'Time',
    width: 190,
    sortable: false,
    valueFormatter: (value: string) => formatTimestamp(value),
  },
  { field: 'actor', headerName: 'Actor', width: 160, sortable: false },
  { field: 'action', headerName: 'Action', flex: 1, minWidth: 180, sortable: false },
  { field: 'entityType', headerName: 'Record type', width: 170, sortable: false },
  { field: 'entityId', headerName: 'Record id', width: 110, sortable: false },
];

const FILTER_KEYS = { action: 'action', entityType: 'entityType' } as const;

/** Shows the tamper-evident audit trail, newest first, with a check of the whole hash chain. */
export function AuditScreen() {
  const query = useAuditList((state) => state.query);
  const [selected, setSelected] = useState<AuditRow | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await unwrap(api().audit.verify()));
    } catch (error) {
      setVerifyError(errorMessage(error));
    } finally {
      setVerifying(false);
    }
  };

  const filters: ActiveFilter[] = [
    query.action !== undefined && { key: 'action', label: `Action: ${query.action}` },
    query.entityType !== undefined && {
      key: 'entityType',
      label: `Record type: ${query.entityType}`,
    },
  ].filter((filter): filter is ActiveFilter => filter !== false);

  return (
    <>
      <PageHeader
        title="Audit Trail"
        subtitle="Every change to the vault, hash-chained so that an edited, deleted or reordered entry shows."
        actions={
          <Button variant="contained" onClick={() => void verify()} disabled={verifying}>
            {verifying ? 'Verifying…' : 'Verify the chain'}
          </Button>
        }
      />
      {verification !== null && (
        <Alert
          severity={verification.ok ? 'success' : 'error'}
          role="status"
          sx={{ mb: 2 }}
          data-testid="audit-verification"
        >
          {verification.ok
            ? `Audit trail intact: ${verification.entries.toLocaleString()} entries, every hash and link verified.`
            : `Audit trail FAILED verification: ${verification.problems.length} problems in ${verification.entries.toLocaleString()} entries. ${verification.problems
                .slice(0, 3)
                .map((problem) => problem.message)
                .join(' ')}`}
        </Alert>
      )}
      {verifyError !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {verifyError}
        </Alert>
      )}
      <FilterChips
        filters={filters}
        onRemove={(key) => void useAuditList.getState().setQuery({ [key]: undefined })}
        onClear={() => void useAuditList.getState().setFilters({})}
      />
      <ServerDataGrid
        label="Audit entries"
        store={useAuditList}
        columns={COLUMNS}
        filterKeys={FILTER_KEYS}
        getRowId={(row) => row.seq}
        onOpenRow={(row) => setSelected(row)}
        emptyState={
          <EmptyState
            title="No audit entries"
            hint="Entries appear here as soon as the vault changes."
          />
        }
      />
      <AuditEntryDrawer entry={selected} onClose={() => setSelected(null)} />
    </>
  );
}
