import MenuItem from '@mui/material/MenuItem';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';

import { FINDING_SEVERITIES, FINDING_SOURCES } from '../../../../shared/domain/findings.js';
import { FINDING_FORMATS, type FindingFormat } from '../../../../shared/ipc/findings.js';
import { api } from '../../api/client';
import type { FindingRow } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { FileImportDialog } from '../../components/FileImportDialog';
import { FilterChips, type ActiveFilter } from '../../components/FilterChips';
import { PageHeader } from '../../components/PageHeader';
import { ServerDataGrid } from '../../components/ServerDataGrid';
import { SeverityChip } from '../../components/SeverityChip';
import { formatTimestamp, humanize } from '../../labels';
import { useFindingList } from '../../state/lists';
import { FindingDrawer } from './FindingDrawer';
import { MapPolicyPanel } from './MapPolicyPanel';

const FORMAT_LABELS: Record<FindingFormat, string> = {
  sarif: 'SARIF 2.1.0 (CodeQL, Semgrep, Trivy …)',
  scorecard: 'OpenSSF Scorecard JSON',
  'npm-audit': 'npm audit --json',
  bandit: 'Bandit JSON (bandit -f json)',
};

const COLUMNS: GridColDef<FindingRow>[] = [
  {
    field: 'severity',
    headerName: 'Severity',
    type: 'singleSelect',
    valueOptions: FINDING_SEVERITIES.map((severity) => ({
      value: severity,
      label: humanize(severity),
    })),
    width: 120,
    renderCell: (params) => <SeverityChip severity={params.row.severity} />,
  },
  { field: 'title', headerName: 'Finding', flex: 2, minWidth: 240, sortable: false },
  { field: 'tool', headerName: 'Tool', width: 170 },
  { field: 'ruleId', headerName: 'Rule', width: 170 },
  { field: 'location', headerName: 'Location', flex: 1, minWidth: 160, sortable: false },
  {
    field: 'source',
    headerName: 'Format',
    type: 'singleSelect',
    valueOptions: [...FINDING_SOURCES],
    width: 110,
    sortable: false,
  },
  {
    field: 'status',
    headerName: 'Status',
    type: 'singleSelect',
    valueOptions: ['open', 'resolved'],
    width: 100,
    sortable: false,
  },
  {
    field: 'lastSeenAt',
    headerName: 'Last seen',
    width: 170,
    valueFormatter: (value: string) => formatTimestamp(value),
  },
];

const FILTER_KEYS = { severity: 'severity', source: 'source', status: 'status' } as const;

/** Security posture: findings from scanners, deduplicated across imports. */
export function PostureScreen() {
  const query = useFindingList((state) => state.query);
  const [selected, setSelected] = useState<FindingRow | null>(null);
  const [importing, setImporting] = useState(false);
  const [format, setFormat] = useState<FindingFormat>('sarif');

  const filters: ActiveFilter[] = [
    query.severity !== undefined && {
      key: 'severity',
      label: `Severity: ${humanize(query.severity)}`,
    },
    query.source !== undefined && { key: 'source', label: `Format: ${query.source}` },
    query.status !== undefined && {
      key: 'status',
      label: query.status === 'open' ? 'Open findings' : 'Resolved findings',
    },
  ].filter((filter): filter is ActiveFilter => filter !== false);

  return (
    <>
      <PageHeader
        title="Security Posture"
        subtitle="Findings from code, dependency and configuration scanners, and the data map's policy findings."
        actions={
          <Button variant="contained" onClick={() => setImporting(true)}>
            Import findings
          </Button>
        }
      />
      <MapPolicyPanel />
      <FilterChips
        filters={filters}
        onRemove={(key) => void useFindingList.getState().setQuery({ [key]: undefined })}
        onClear={() => void useFindingList.getState().setFilters({})}
      />
      <ServerDataGrid
        label="Security findings"
        store={useFindingList}
        columns={COLUMNS}
        filterKeys={FILTER_KEYS}
        onOpenRow={(row) => setSelected(row)}
        emptyState={
          <EmptyState
            title="No findings imported"
            hint="Run a scanner (CodeQL, Semgrep, Trivy, OpenSSF Scorecard, npm audit or Bandit), then bring its report in with Import findings."
          />
        }
      />
      <FindingDrawer finding={selected} onClose={() => setSelected(null)} />
      <FileImportDialog
        open={importing}
        title="Import security findings"
        kind="findingsJson"
        intro="Choose the report's format, then the file. A finding seen again keeps its first-seen date."
        options={
          <TextField
            select
            label="Report format"
            value={format}
            onChange={(event) => setFormat(event.target.value as FindingFormat)}
          >
            {FINDING_FORMATS.map((value) => (
              <MenuItem key={value} value={value}>
                {FORMAT_LABELS[value]}
              </MenuItem>
            ))}
          </TextField>
        }
        preview={(path) => api().findings.importPreview({ path, format })}
        renderPreview={(preview) => (
          <Table size="small" aria-label="First findings in the file">
            <TableHead>
              <TableRow>
                <TableCell>Severity</TableCell>
                <TableCell>Rule</TableCell>
                <TableCell>Finding</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.sample.map((finding, index) => (
                <TableRow key={`${finding.ruleId}-${index}`}>
                  <TableCell>{humanize(finding.severity)}</TableCell>
                  <TableCell>{finding.ruleId}</TableCell>
                  <TableCell>{finding.title}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        run={(path, jobId) => api().findings.import({ jobId, path, format })}
        onClose={() => setImporting(false)}
        onImported={() => void useFindingList.getState().reload()}
      />
    </>
  );
}
