import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import {
  DataGrid,
  GRID_CHECKBOX_SELECTION_COL_DEF,
  getGridBooleanOperators,
  getGridSingleSelectOperators,
  getGridStringOperators,
  type GridColDef,
  type GridFilterModel,
  type GridPaginationModel,
  type GridRowId,
  type GridRowSelectionModel,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { useEffect, useMemo, type ReactNode } from 'react';

import type { BaseListQuery, ListStore } from '../state/list-store';
import { EmptyState } from './EmptyState';

/** Page sizes offered; the free DataGrid caps pages at 100 rows. */
export const PAGE_SIZE_OPTIONS = [25, 50, 100];

export interface ServerDataGridProps<Row extends GridValidRowModel, Query extends BaseListQuery> {
  /** Accessible name of the grid. */
  label: string;
  store: ListStore<Row, Query>;
  columns: GridColDef<Row>[];
  /**
   * Query keys that column filters set, by column field. A column not listed here cannot be
   * filtered, because the vault has no filter for it.
   */
  filterKeys?: Partial<Record<string, keyof Query & string>>;
  getRowId?(row: Row): string | number;
  onOpenRow(row: Row): void;
  /** Shown when the list is empty without any filter. */
  emptyState: ReactNode;
  /**
   * Ids of the checked rows; passing it shows the checkbox column. The selection covers the rows
   * of the current page, because other pages never reach the renderer.
   */
  selectedIds?: readonly GridRowId[];
  onSelectedIdsChange?(ids: GridRowId[]): void;
}

const GRID_CHECKBOX_FIELD = GRID_CHECKBOX_SELECTION_COL_DEF.field;

/** The boolean column filter sends its choice as text. */
const BOOLEAN_FILTER_VALUES: Readonly<Record<string, boolean>> = { true: true, false: false };

const FILTER_OPERATOR_OF_TYPE: Record<string, string> = {
  singleSelect: 'is',
  boolean: 'is',
  string: 'equals',
};

/**
 * Shows a DataGrid whose paging, sorting, column filter and quick search all run in the vault, so
 * only one page of rows ever reaches the renderer, however long the list.
 */
export function ServerDataGrid<Row extends GridValidRowModel, Query extends BaseListQuery>(
  props: ServerDataGridProps<Row, Query>,
) {
  const { label, store, columns, filterKeys = {}, getRowId, onOpenRow, emptyState } = props;
  const { selectedIds, onSelectedIdsChange } = props;
  const query = store((state) => state.query);
  const page = store((state) => state.page);
  const loading = store((state) => state.loading);
  const error = store((state) => state.error);

  useEffect(() => {
    void store.getState().reload();
  }, [store]);

  const limit = query.limit ?? PAGE_SIZE_OPTIONS[1] ?? 50;
  const paginationModel: GridPaginationModel = {
    page: Math.floor((query.offset ?? 0) / limit),
    pageSize: limit,
  };
  // The grid goes back to the first page whenever it receives a new sort or filter model object,
  // so both are rebuilt only when their content changes, never on a page change.
  const sortBy = query.sortBy;
  const sortDirection = query.sortDirection ?? 'asc';
  const sortModel: GridSortModel = useMemo(
    () => (sortBy === undefined ? [] : [{ field: sortBy, sort: sortDirection }]),
    [sortBy, sortDirection],
  );

  const gridColumns = useMemo(
    () =>
      columns.map((column) => {
        const filterable = filterKeys[column.field] !== undefined;
        if (!filterable) return { ...column, filterable: false };
        return { ...column, filterable: true, filterOperators: operatorsOf(column.type) };
      }),
    [columns, filterKeys],
  );

  const filterSignature = JSON.stringify([
    Object.values(filterKeys).map((key) => (key === undefined ? null : query[key])),
    query.search ?? '',
  ]);
  const filterModel = useMemo(
    () => toFilterModel(query, filterKeys, columns),
    // The signature stands for the query's filter content; the query itself changes on paging.
    [filterSignature, filterKeys, columns],
  );
  const hasFilters = filterModel.items.length > 0 || (query.search ?? '') !== '';

  const changeFilter = (model: GridFilterModel) => {
    const search = (model.quickFilterValues ?? []).join(' ').trim();
    const filters: Record<string, unknown> = {};
    for (const key of Object.values(filterKeys)) {
      if (key !== undefined) filters[key] = undefined;
    }
    for (const item of model.items) {
      const key = filterKeys[item.field];
      if (key === undefined || item.value === undefined || item.value === '') continue;
      filters[key] = BOOLEAN_FILTER_VALUES[String(item.value)] ?? item.value;
    }
    void store
      .getState()
      .setQuery({ ...filters, search: search === '' ? undefined : search } as Partial<Query>);
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: 1 }}>
      {error !== null && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void store.getState().reload()}>
              Retry
            </Button>
          }
        >
          {error}
        </Alert>
      )}
      <Box sx={{ flex: 1, minHeight: 320 }}>
        <DataGrid
          aria-label={label}
          rows={page?.rows ?? []}
          rowCount={page?.total ?? 0}
          columns={gridColumns}
          getRowId={getRowId}
          loading={loading}
          density="compact"
          disableRowSelectionOnClick
          checkboxSelection={selectedIds !== undefined}
          rowSelectionModel={
            selectedIds === undefined ? undefined : { type: 'include', ids: new Set(selectedIds) }
          }
          onRowSelectionModelChange={(model) => {
            const rowIds = (page?.rows ?? []).map(
              (row) => getRowId?.(row) ?? (row.id as GridRowId),
            );
            onSelectedIdsChange?.(selectedIdsOf(model, rowIds));
          }}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          paginationModel={paginationModel}
          pageSizeOptions={PAGE_SIZE_OPTIONS}
          onPaginationModelChange={(model) =>
            void store.getState().setQuery({
              offset: model.page * model.pageSize,
              limit: model.pageSize,
            } as Partial<Query>)
          }
          sortModel={sortModel}
          onSortModelChange={(model) => {
            const first = model[0];
            void store.getState().setQuery({
              sortBy: first?.field,
              sortDirection: first?.sort ?? 'asc',
            } as Partial<Query>);
          }}
          filterModel={filterModel}
          onFilterModelChange={changeFilter}
          onRowClick={(params, event) => {
            // A click on the selection checkbox checks the row; it does not open it.
            if ((event.target as HTMLElement).closest(`[data-field="${GRID_CHECKBOX_FIELD}"]`)) {
              return;
            }
            onOpenRow(params.row);
          }}
          onCellKeyDown={(params, event) => {
            if (event.key !== 'Enter') return;
            event.defaultMuiPrevented = true;
            onOpenRow(params.row);
          }}
          showToolbar
          slots={{
            noRowsOverlay: () =>
              hasFilters ? (
                <EmptyState
                  title="No rows match"
                  hint="Nothing matches the search and filters. Clear them to see every row."
                />
              ) : (
                <>{emptyState}</>
              ),
          }}
          slotProps={{
            toolbar: {
              showQuickFilter: true,
              quickFilterProps: { debounceMs: 300 },
              csvOptions: { disableToolbarButton: true },
              printOptions: { disableToolbarButton: true },
            },
          }}
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Box>
    </Box>
  );
}

/** Turns a selection model into ids; "exclude" (select all) counts only this page's rows. */
function selectedIdsOf(model: GridRowSelectionModel, rowIds: GridRowId[]): GridRowId[] {
  if (model.type === 'include') return [...model.ids];
  return rowIds.filter((id) => !model.ids.has(id));
}

/** Returns the one operator per column type that maps onto the vault's equality filters. */
function operatorsOf(type: GridColDef['type']) {
  if (type === 'singleSelect') {
    return getGridSingleSelectOperators().filter((operator) => operator.value === 'is');
  }
  if (type === 'boolean') return getGridBooleanOperators();
  return getGridStringOperators().filter((operator) => operator.value === 'equals');
}

function toFilterModel<Row extends GridValidRowModel, Query extends BaseListQuery>(
  query: Query,
  filterKeys: Partial<Record<string, keyof Query & string>>,
  columns: GridColDef<Row>[],
): GridFilterModel {
  const items: GridFilterModel['items'] = [];
  for (const [field, key] of Object.entries(filterKeys)) {
    if (key === undefined) continue;
    const value = (query as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    const column = columns.find((candidate) => candidate.field === field);
    const operator = FILTER_OPERATOR_OF_TYPE[column?.type ?? 'string'] ?? 'equals';
    // The free DataGrid filters on one column at a time; FilterChips show every filter.
    if (items.length === 0) {
      items.push({
        id: field,
        field,
        operator,
        value: typeof value === 'boolean' ? String(value) : value,
      });
    }
  }
  const search = query.search ?? '';
  return { items, quickFilterValues: search === '' ? [] : [search] };
}
