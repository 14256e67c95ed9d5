import { create } from 'zustand';

import type { ClassificationScaleView } from '../../../shared/ipc/classification.js';
import { api, unwrap } from '../api/client';
import { toastError } from './toasts';

type ScaleLevel = ClassificationScaleView['levels'][number];

interface ScaleState {
  scale: ClassificationScaleView | null;
  load(): Promise<void>;
}

/** The vault's classification scale, loaded once the vault is unlocked. */
export const useScale = create<ScaleState>()((set) => ({
  scale: null,
  load: async () => {
    try {
      set({ scale: await unwrap(api().classification.scale()) });
    } catch (error) {
      toastError(error);
    }
  },
}));

// One shared empty list: a selector that returned a new [] on every call would make React
// re-render without end.
const NO_LEVELS: ScaleLevel[] = [];

/** Returns the levels of the scale, least restricted first; empty until the scale has loaded. */
export function useLevels(): ScaleLevel[] {
  return useScale((state) => state.scale?.levels ?? NO_LEVELS);
}

/** Returns a level's label on the scale, or its name when the scale does not list it. */
export function levelLabelOf(levels: readonly ScaleLevel[], name: string): string {
  return levels.find((level) => level.name === name)?.label || name;
}
