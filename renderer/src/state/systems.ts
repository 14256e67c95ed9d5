import { create } from 'zustand';

import type { DataSystemView, DatasetView } from '../../../shared/ipc/data-map.js';
import { api, errorMessage, unwrap } from '../api/client';

interface SystemsState {
  systems: DataSystemView[];
  datasets: DatasetView[];
  loading: boolean;
  error: string | null;
  /** Reloads every system and dataset; the tree shows them all at once. */
  load(): Promise<void>;
}

/** Systems and datasets of the data map, for the tree beside the grid. */
export const useSystems = create<SystemsState>()((set) => ({
  systems: [],
  datasets: [],
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true, error: null });
    try {
      // NOTE: every dataset is fetched up front for the tree. With 20,000 datasets this delays the
      // Data Map's first rows (docs/benchmarks.md); fetching per expanded system would avoid it.
      const [systems, datasets] = await Promise.all([
        unwrap(api().dataMap.listSystems()),
        unwrap(api().dataMap.listDatasets({})),
      ]);
      set({ systems, datasets, loading: false });
    } catch (error) {
      set({ loading: false, error: errorMessage(error) });
    }
  },
}));
