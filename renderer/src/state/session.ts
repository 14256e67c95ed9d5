import { create } from 'zustand';

import type { CreateVaultInput, SessionStatus } from '../../../shared/ipc/vault.js';
import { api, ApiError, errorMessage, unwrap } from '../api/client';

/**
 * Step of the start-up flow. In "recoveryKey" a new vault's recovery key is shown once, before
 * the console opens.
 */
export type SessionPhase = 'loading' | 'error' | 'create' | 'unlock' | 'recoveryKey' | 'ready';

interface SessionState {
  phase: SessionPhase;
  status: SessionStatus | null;
  /** Message of the last failed start-up or unlock step. */
  error: string | null;
  errorCode: string | null;
  busy: boolean;
  /** Held in memory only between vault creation and the user's confirmation. */
  recoveryKey: string | null;
  start(): Promise<void>;
  create(input: CreateVaultInput): Promise<void>;
  unlockWithKeychain(): Promise<void>;
  unlockWithRecoveryKey(recoveryKey: string): Promise<void>;
  unlockWithPassphrase(passphrase: string): Promise<void>;
  confirmRecoveryKeySaved(): void;
  lock(): Promise<void>;
  refreshStatus(): Promise<void>;
}

function phaseOf(status: SessionStatus): SessionPhase {
  if (status.unlocked) return 'ready';
  return status.exists ? 'unlock' : 'create';
}

export const useSession = create<SessionState>()((set, get) => {
  /** Runs an unlock or create step; on failure the current screen stays and shows the error. */
  const attempt = async (step: () => Promise<void>) => {
    set({ busy: true, error: null, errorCode: null });
    try {
      await step();
    } catch (error) {
      set({
        error: errorMessage(error),
        errorCode: error instanceof ApiError ? error.code : 'INTERNAL',
      });
    } finally {
      set({ busy: false });
    }
  };

  const unlocked = (status: SessionStatus) => set({ status, phase: phaseOf(status) });
  let starting = false;

  const startOnce = async () => {
    set({ phase: 'loading', error: null, errorCode: null });
    let status: SessionStatus;
    try {
      status = await unwrap(api().vault.status());
    } catch (error) {
      set({
        phase: 'error',
        error: errorMessage(error),
        errorCode: error instanceof ApiError ? error.code : 'INTERNAL',
      });
      return;
    }
    set({ status, phase: phaseOf(status) });

    // A stored key opens the vault without a prompt, as a keychain is meant to.
    if (!status.unlocked && status.exists && status.keychain === 'key stored') {
      await get().unlockWithKeychain();
    }
  };
  return {
    phase: 'loading',
    status: null,
    error: null,
    errorCode: null,
    busy: false,
    recoveryKey: null,

    start: async () => {
      // React's StrictMode runs effects twice in development; one start at a time is enough.
      if (starting) return;
      starting = true;
      try {
        await startOnce();
      } finally {
        starting = false;
      }
    },

    create: (input) =>
      attempt(async () => {
        const created = await unwrap(api().vault.create(input));
        const status = await unwrap(api().vault.status());
        set({ status, recoveryKey: created.recoveryKey, phase: 'recoveryKey' });
      }),

    unlockWithKeychain: () =>
      attempt(async () => unlocked(await unwrap(api().vault.unlockKeychain()))),

    unlockWithRecoveryKey: (recoveryKey) =>
      attempt(async () => unlocked(await unwrap(api().vault.unlockRecoveryKey({ recoveryKey })))),

    unlockWithPassphrase: (passphrase) =>
      attempt(async () => unlocked(await unwrap(api().vault.unlockPassphrase({ passphrase })))),

    confirmRecoveryKeySaved: () => set({ recoveryKey: null, phase: 'ready' }),

    lock: () =>
      attempt(async () => {
        const status = await unwrap(api().vault.lock());
        set({ status, phase: phaseOf(status) });
      }),

    refreshStatus: async () => {
      try {
        set({ status: await unwrap(api().vault.status()) });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
  };
});
