import { create } from 'zustand';

import type { DashboardSummary } from '../../../shared/ipc/dashboard.js';
import { api, errorMessage, unwrap } from '../api/client';

interface DashboardState {
  summary: DashboardSummary | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
}

export const useDashboard = create<DashboardState>()((set) => ({
  summary: null,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true, error: null });
    try {
      set({ summary: await unwrap(api().dashboard.summary()), loading: false });
    } catch (error) {
      set({ loading: false, error: errorMessage(error) });
    }
  },
}));
