import { create } from 'zustand';

import { errorMessage } from '../api/client';

export interface Toast {
  id: number;
  message: string;
  severity: 'success' | 'info' | 'warning' | 'error';
}

interface ToastState {
  queue: Toast[];
  show(message: string, severity?: Toast['severity']): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Messages shown one at a time in a Snackbar, oldest first. */
export const useToasts = create<ToastState>()((set) => ({
  queue: [],
  show: (message, severity = 'info') =>
    set((state) => ({ queue: [...state.queue, { id: nextId++, message, severity }] })),
  dismiss: (id) => set((state) => ({ queue: state.queue.filter((toast) => toast.id !== id) })),
}));

/** Shows a failed call's message as an error toast. */
export function toastError(error: unknown): void {
  useToasts.getState().show(errorMessage(error), 'error');
}

export function toastSuccess(message: string): void {
  useToasts.getState().show(message, 'success');
}
