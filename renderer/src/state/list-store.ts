import { create, type StoreApi, type UseBoundStore } from 'zustand';

import type { Page } from '../../../shared/domain/query.js';
import { errorMessage } from '../api/client';

/** Paging and sorting every list query has; the domain adds its filters. */
export interface BaseListQuery {
  search?: string;
  sortBy?: string;
  sortDirection?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface ListState<Row, Query extends BaseListQuery> {
  query: Query;
  page: Page<Row> | null;
  loading: boolean;
  error: string | null;
  /** Merges into the query and reloads; a change other than paging goes back to the first page. */
  setQuery(patch: Partial<Query>): Promise<void>;
  /** Replaces the domain filters (not paging, sorting or search) and reloads. */
  setFilters(filters: Partial<Query>): Promise<void>;
  /** Replaces the domain filters and clears the search without loading, before the list opens. */
  preset(filters: Partial<Query>): void;
  reload(): Promise<void>;
}

export type ListStore<Row, Query extends BaseListQuery> = UseBoundStore<
  StoreApi<ListState<Row, Query>>
>;

const PAGING_KEYS = new Set(['offset', 'limit', 'sortBy', 'sortDirection', 'search']);

function withFilters<Query extends BaseListQuery>(query: Query, filters: Partial<Query>): Query {
  const paging = Object.fromEntries(
    Object.entries(query).filter(([key]) => PAGING_KEYS.has(key)),
  ) as Query;
  return { ...paging, ...filters, offset: 0 };
}

/**
 * Creates the store of one server-paged list. Only the newest request's reply is kept, so a
 * slow page cannot overwrite the page the user requested after it.
 */
export function createListStore<Row, Query extends BaseListQuery>(
  fetchPage: (query: Query) => Promise<Page<Row>>,
  initialQuery: Query,
): ListStore<Row, Query> {
  let latestRequest = 0;

  return create<ListState<Row, Query>>()((set, get) => {
    const load = async (query: Query) => {
      const request = ++latestRequest;
      set({ query, loading: true, error: null });
      try {
        const page = await fetchPage(query);
        if (request === latestRequest) set({ page, loading: false });
      } catch (error) {
        if (request === latestRequest) set({ loading: false, error: errorMessage(error) });
      }
    };

    return {
      query: initialQuery,
      page: null,
      loading: false,
      error: null,
      setQuery: (patch) => {
        const pagingOnly = Object.keys(patch).every((key) => key === 'offset' || key === 'limit');
        const next = { ...get().query, ...patch };
        if (!pagingOnly) next.offset = 0;
        return load(next);
      },
      setFilters: (filters) => load(withFilters(get().query, filters)),
      preset: (filters) => {
        set({ query: { ...withFilters(get().query, filters), search: undefined } });
      },
      reload: () => load(get().query),
    };
  });
}
