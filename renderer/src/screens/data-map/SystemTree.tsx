import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SimpleTreeView } from '@mui/x-tree-view/SimpleTreeView';
import { TreeItem } from '@mui/x-tree-view/TreeItem';
import { useEffect, useState } from 'react';

import type { DataSystemView, DatasetView } from '../../../../shared/ipc/data-map.js';
import { useClassificationList } from '../../state/lists';
import { useSystems } from '../../state/systems';
import { DatasetDialog } from './DatasetDialog';
import { SystemDialog } from './SystemDialog';

export interface SystemTreeProps {
  /** Called after a system or dataset was created or changed, so the grid can reload. */
  onChanged(): void;
}

const ALL_ITEM = 'all';

type Editing =
  | { kind: 'system'; system: DataSystemView | null }
  | { kind: 'dataset'; system: DataSystemView; dataset: DatasetView | null }
  | null;

/**
 * Shows the systems of the map with their datasets; selecting one filters the grid to its
 * fields. Arrow keys move through the tree, as in any tree view.
 */
export function SystemTree({ onChanged }: SystemTreeProps) {
  const systems = useSystems((state) => state.systems);
  const datasets = useSystems((state) => state.datasets);
  const error = useSystems((state) => state.error);
  const systemId = useClassificationList((state) => state.query.systemId);
  const datasetId = useClassificationList((state) => state.query.datasetId);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    void useSystems.getState().load();
  }, []);

  const selected = selectedItemOf(systemId, datasetId);
  const selectedSystem = systemOf(systems, datasets, systemId, datasetId);
  const selectedDataset = datasets.find((dataset) => dataset.id === datasetId) ?? null;

  const select = (itemId: string | null) => {
    const [kind, id] = (itemId ?? ALL_ITEM).split(':');
    const numericId = Number(id);
    void useClassificationList.getState().setQuery({
      systemId: kind === 'system' ? numericId : undefined,
      datasetId: kind === 'dataset' ? numericId : undefined,
    });
  };

  const saved = () => {
    setEditing(null);
    void useSystems.getState().load();
    onChanged();
  };

  return (
    <Paper
      variant="outlined"
      sx={{ width: 280, flexShrink: 0, display: 'flex', flexDirection: 'column' }}
    >
      <Typography variant="subtitle2" component="h2" sx={{ px: 2, pt: 1.5 }}>
        Systems and datasets
      </Typography>
      {error !== null && <Alert severity="error">{error}</Alert>}
      <Box sx={{ flex: 1, overflowY: 'auto', px: 1, py: 1 }}>
        <SimpleTreeView
          aria-label="Systems and datasets"
          selectedItems={selected}
          onSelectedItemsChange={(_event, itemId) => select(itemId)}
          expandedItems={expanded}
          onExpandedItemsChange={(_event, itemIds) => setExpanded(itemIds)}
        >
          <TreeItem itemId={ALL_ITEM} label="All systems" />
          {systems.map((system) => (
            <TreeItem
              key={system.id}
              itemId={`system:${system.id}`}
              label={`${system.name} (${system.fieldCount})`}
            >
              {datasets
                .filter((dataset) => dataset.systemId === system.id)
                .map((dataset) => (
                  <TreeItem
                    key={dataset.id}
                    itemId={`dataset:${dataset.id}`}
                    label={`${dataset.name} (${dataset.fieldCount})`}
                  />
                ))}
            </TreeItem>
          ))}
        </SimpleTreeView>
      </Box>
      <Stack direction="row" spacing={1} sx={{ p: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => setEditing({ kind: 'system', system: null })}
        >
          New system
        </Button>
        {selectedSystem !== null && (
          <>
            <Button
              size="small"
              startIcon={<EditIcon />}
              onClick={() => setEditing({ kind: 'system', system: selectedSystem })}
            >
              Edit system
            </Button>
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() => setEditing({ kind: 'dataset', system: selectedSystem, dataset: null })}
            >
              New dataset
            </Button>
          </>
        )}
        {selectedSystem !== null && selectedDataset !== null && (
          <Button
            size="small"
            startIcon={<EditIcon />}
            onClick={() =>
              setEditing({ kind: 'dataset', system: selectedSystem, dataset: selectedDataset })
            }
          >
            Edit dataset
          </Button>
        )}
      </Stack>
      <SystemDialog
        open={editing?.kind === 'system'}
        system={editing?.kind === 'system' ? editing.system : null}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
      <DatasetDialog
        open={editing?.kind === 'dataset'}
        systemId={editing?.kind === 'dataset' ? editing.system.id : 0}
        systemName={editing?.kind === 'dataset' ? editing.system.name : ''}
        dataset={editing?.kind === 'dataset' ? editing.dataset : null}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
    </Paper>
  );
}

function selectedItemOf(systemId?: number, datasetId?: number): string {
  if (datasetId !== undefined) return `dataset:${datasetId}`;
  if (systemId !== undefined) return `system:${systemId}`;
  return ALL_ITEM;
}

/** Returns the system of the selected node: the system itself or the dataset's system. */
function systemOf(
  systems: DataSystemView[],
  datasets: DatasetView[],
  systemId?: number,
  datasetId?: number,
): DataSystemView | null {
  const owner = datasets.find((dataset) => dataset.id === datasetId)?.systemId ?? systemId;
  return systems.find((system) => system.id === owner) ?? null;
}
