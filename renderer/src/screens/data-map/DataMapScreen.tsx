import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';

import type { ClassificationRow } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { FilterChips, type ActiveFilter } from '../../components/FilterChips';
import { PageHeader } from '../../components/PageHeader';
import { ServerDataGrid } from '../../components/ServerDataGrid';
import { LevelChip } from '../../components/SeverityChip';
import { POLICY_RULE_TITLES } from '../../../../shared/domain/classification-policy.js';
import { PERSONAL_DATA_CATEGORIES } from '../../../../shared/domain/classification.js';
import { categoryLabel, formatTimestamp } from '../../labels';
import { levelLabelOf, useLevels } from '../../state/scale';
import { useClassificationList } from '../../state/lists';
import { ClassificationDrawer } from './ClassificationDrawer';
import { ImportWizard } from './ImportWizard';
import { ScanWizard } from './ScanWizard';

type ScaleLevels = ReturnType<typeof useLevels>;

function columnsFor(levels: ScaleLevels): GridColDef<ClassificationRow>[] {
  return [
    { field: 'system', headerName: 'System', flex: 1, minWidth: 120 },
    { field: 'dataset', headerName: 'Dataset', flex: 1, minWidth: 120 },
    { field: 'field', headerName: 'Field', flex: 1, minWidth: 120 },
    {
      field: 'level',
      headerName: 'Level',
      type: 'singleSelect',
      valueOptions: levels.map((level) => ({
        value: level.name,
        label: level.label || level.name,
      })),
      width: 150,
      renderCell: (params) => <LevelChip level={params.row.level} />,
    },
    {
      field: 'category',
      headerName: 'Category',
      type: 'singleSelect',
      valueOptions: PERSONAL_DATA_CATEGORIES.map((category) => ({
        value: category,
        label: categoryLabel(category),
      })),
      width: 150,
      sortable: false,
    },
    {
      field: 'personalData',
      headerName: 'Personal data',
      type: 'boolean',
      width: 120,
      sortable: false,
    },
    { field: 'owner', headerName: 'Owner', width: 130 },
    { field: 'retention', headerName: 'Retention', width: 100, sortable: false },
    { field: 'proposed', headerName: 'Needs review', type: 'boolean', width: 120, sortable: false },
    {
      field: 'updatedAt',
      headerName: 'Updated',
      width: 170,
      valueFormatter: (value: string) => formatTimestamp(value),
    },
  ];
}

const FILTER_KEYS = {
  level: 'level',
  system: 'system',
  category: 'category',
  owner: 'owner',
  personalData: 'personalData',
  proposed: 'proposed',
} as const;

/** Shows the data map: every classified field, with create, edit, import and scan. */
export function DataMapScreen() {
  const query = useClassificationList((state) => state.query);
  const levels = useLevels();
  const columns = useMemo(() => columnsFor(levels), [levels]);
  const [drawer, setDrawer] = useState<{ open: boolean; entry: ClassificationRow | null }>({
    open: false,
    entry: null,
  });
  const [wizard, setWizard] = useState<'import' | 'scan' | null>(null);

  const reload = () => void useClassificationList.getState().reload();
  const filters: ActiveFilter[] = [
    query.level !== undefined && {
      key: 'level',
      label: `Level: ${levelLabelOf(levels, query.level)}`,
    },
    query.system !== undefined && { key: 'system', label: `System: ${query.system}` },
    query.personalData !== undefined && {
      key: 'personalData',
      label: query.personalData ? 'Personal data only' : 'No personal data',
    },
    query.finding !== undefined && {
      key: 'finding',
      label: `Breaks: ${POLICY_RULE_TITLES[query.finding]}`,
    },
    query.category !== undefined && {
      key: 'category',
      label: `Category: ${categoryLabel(query.category)}`,
    },
    query.owner !== undefined && { key: 'owner', label: `Owner: ${query.owner}` },
    query.proposed !== undefined && {
      key: 'proposed',
      label: query.proposed ? 'Needs review' : 'Reviewed',
    },
  ].filter((filter): filter is ActiveFilter => filter !== false);

  return (
    <>
      <PageHeader
        title="Data Map"
        subtitle="Where personal and sensitive data lives: one entry per field, with level, legal basis and retention."
        actions={
          <>
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setDrawer({ open: true, entry: null })}
            >
              New entry
            </Button>
            <Button variant="outlined" onClick={() => setWizard('import')}>
              Import inventory
            </Button>
            <Button variant="outlined" onClick={() => setWizard('scan')}>
              Scan a data source
            </Button>
          </>
        }
      />
      <FilterChips
        filters={filters}
        onRemove={(key) => void useClassificationList.getState().setQuery({ [key]: undefined })}
        onClear={() => void useClassificationList.getState().setFilters({})}
      />
      <ServerDataGrid
        label="Data map entries"
        store={useClassificationList}
        columns={columns}
        filterKeys={FILTER_KEYS}
        onOpenRow={(entry) => setDrawer({ open: true, entry })}
        emptyState={
          <EmptyState
            title="The data map is empty"
            hint="Add the fields your systems store with New entry, import an inventory from CSV or Excel with Import inventory, or let Scan a data source propose entries from an SQLite, CSV or Excel file."
          />
        }
      />
      <ClassificationDrawer
        open={drawer.open}
        entry={drawer.entry}
        onClose={() => setDrawer({ open: false, entry: drawer.entry })}
        onSaved={() => {
          setDrawer({ open: false, entry: drawer.entry });
          reload();
        }}
      />
      <ImportWizard
        open={wizard === 'import'}
        onClose={() => setWizard(null)}
        onImported={reload}
      />
      <ScanWizard open={wizard === 'scan'} onClose={() => setWizard(null)} onApplied={reload} />
    </>
  );
}
