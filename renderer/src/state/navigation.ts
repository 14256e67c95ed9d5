import { create } from 'zustand';

export const SCREENS = [
  'dashboard',
  'dataMap',
  'privacy',
  'incidents',
  'posture',
  'audit',
  'reports',
  'settings',
] as const;
export type ScreenId = (typeof SCREENS)[number];

interface NavigationState {
  screen: ScreenId;
  navigate(screen: ScreenId): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  screen: 'dashboard',
  navigate: (screen) => set({ screen }),
}));
