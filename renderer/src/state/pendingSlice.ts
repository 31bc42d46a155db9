import type { StateCreator } from 'zustand';
import type { PendingAction, UserError } from '../../../electron/shared/contract';
import { invoke } from '../bridge/pipDoctorBridge';
import type { AppState } from './appState';

export interface PendingSlice {
  /** Fixes the journal says did not finish (the app was closed or crashed), newest first. */
  pendingActions: PendingAction[];
  pendingError: UserError | null;
  loadPendingActions(): Promise<void>;
  /** The user says the fix needs nothing more; it is no longer offered. */
  dismissPendingAction(runId: string): Promise<void>;
}

export const createPendingSlice: StateCreator<AppState, [], [], PendingSlice> = (set, get) => ({
  pendingActions: [],
  pendingError: null,

  loadPendingActions: async () => {
    const reply = await invoke('action:pending', {});
    set(
      reply.ok
        ? { pendingActions: reply.value, pendingError: null }
        : { pendingError: reply.error },
    );
  },

  dismissPendingAction: async (runId) => {
    const reply = await invoke('action:dismiss', { runId });
    if (!reply.ok) return set({ pendingError: reply.error });
    await get().loadPendingActions();
  },
});
