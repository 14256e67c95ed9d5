import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { GridColDef, GridRowId } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';

import { api, unwrap } from '../../api/client';
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
import { useSystems } from '../../state/systems';
import { toastError } from '../../state/toasts';
import { BulkEditDialog } from './BulkEditDialog';
import { ClassificationDrawer } from './ClassificationDrawer';
import { DataMapFilters } from './DataMapFilters';
import { ImportWizard } from './ImportWizard';
import { MapHistoryView } from './MapHistoryView';
import { PolicyFindings } from './PolicyFindings';
import { RecordOfProcessingView } from './RecordOfProcessingView';
import { ReviewQueue } from './ReviewQueue';
import { ScanWizard } from './ScanWizard';
import { SystemTree } from './SystemTree';

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

const DATA_MAP_TABS = [
  ['map', 'Map'],
  ['review', 'Review queue'],
  ['findings', 'Policy findings'],
  ['ropa', 'Record of processing'],
  ['history', 'History'],
] as const;
type DataMapTab = (typeof DATA_MAP_TABS)[number][0];

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
  const [selectedIds, setSelectedIds] = useState<GridRowId[]>([]);
  const [bulkEditing, setBulkEditing] = useState(false);
  const [tab, setTab] = useState<DataMapTab>('map');
  const systems = useSystems((state) => state.systems);
  const datasets = useSystems((state) => state.datasets);

  // The tree's counts change with every entry saved, imported or scanned.
  const reload = () => {
    void useClassificationList.getState().reload();
    void useSystems.getState().load();
  };
  const openEntry = async (id: number) => {
    try {
      const entry = await unwrap(api().classification.get({ id }));
      setDrawer({ open: true, entry });
    } catch (error) {
      toastError(error);
    }
  };
  const filters: ActiveFilter[] = [
    query.level !== undefined && {
      key: 'level',
      label: `Level: ${levelLabelOf(levels, query.level)}`,
    },
    query.system !== undefined && { key: 'system', label: `System: ${query.system}` },
    query.systemId !== undefined && {
      key: 'systemId',
      label: `System: ${systems.find((system) => system.id === query.systemId)?.name ?? query.systemId}`,
    },
    query.datasetId !== undefined && {
      key: 'datasetId',
      label: `Dataset: ${datasets.find((dataset) => dataset.id === query.datasetId)?.name ?? query.datasetId}`,
    },
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
      <Tabs
        value={tab}
        onChange={(_event, value: DataMapTab) => setTab(value)}
        aria-label="Data map views"
        sx={{ mb: 2 }}
      >
        {DATA_MAP_TABS.map(([value, label]) => (
          <Tab key={value} value={value} label={label} />
        ))}
      </Tabs>
      {tab === 'review' && <ReviewQueue onDecided={reload} />}
      {tab === 'ropa' && <RecordOfProcessingView />}
      {tab === 'history' && <MapHistoryView />}
      {tab === 'findings' && <PolicyFindings onOpenEntry={(id) => void openEntry(id)} />}
      <Box sx={{ display: tab === 'map' ? 'flex' : 'none', gap: 2, flex: 1, minHeight: 0 }}>
        <SystemTree onChanged={() => void useClassificationList.getState().reload()} />
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, flex: 1, minWidth: 0 }}>
          <DataMapFilters />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <FilterChips
              filters={filters}
              onRemove={(key) =>
                void useClassificationList.getState().setQuery({ [key]: undefined })
              }
              onClear={() => void useClassificationList.getState().setFilters({})}
            />
            <Button
              variant="outlined"
              size="small"
              disabled={selectedIds.length === 0}
              onClick={() => setBulkEditing(true)}
              sx={{ ml: 'auto' }}
            >
              Edit {selectedIds.length} selected
            </Button>
          </Box>
          <ServerDataGrid
            label="Data map entries"
            store={useClassificationList}
            columns={columns}
            filterKeys={FILTER_KEYS}
            onOpenRow={(entry) => setDrawer({ open: true, entry })}
            selectedIds={selectedIds}
            onSelectedIdsChange={setSelectedIds}
            emptyState={
              <EmptyState
                title="The data map is empty"
                hint="Add the fields your systems store with New entry, import an inventory from CSV or Excel with Import inventory, or let Scan a data source propose entries from an SQLite, CSV or Excel file."
              />
            }
          />
        </Box>
      </Box>
      <BulkEditDialog
        open={bulkEditing}
        ids={selectedIds.map(Number)}
        onClose={() => setBulkEditing(false)}
        onSaved={() => {
          setBulkEditing(false);
          setSelectedIds([]);
          reload();
        }}
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
