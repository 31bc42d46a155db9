import type { StateCreator } from 'zustand';
import type { ScanProgressEvent, UserError } from '../../../electron/shared/contract';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import type { Message } from '../../../electron/shared/i18n/message';
import { invoke, onScanProgress } from '../bridge/pipDoctorBridge';
import { SCAN_STEPS } from '../wording/scanStepWords';
import type { ScanStepName } from '../wording/scanStepWords';
import type { AppState } from './appState';

export type ScanStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface StepProgress {
  state: 'waiting' | 'running' | 'done';
  /** Main's words (a count), formatted where it shows. */
  detail: Message | null;
}

export interface ScanState {
  status: ScanStatus;
  /** The id main gave this scan: the report names it, never a path. */
  scanId: string | null;
  /** Whether the pasted error went along with this scan. */
  withLog: boolean;
  /** The text in the error box when the scan started: an edit since makes the scan stale (staleScan.ts). */
  logText: string;
  progress: Record<ScanStepName, StepProgress>;
  diagnosis: Diagnosis | null;
  error: UserError | null;
}

export interface ScanSlice {
  scan: ScanState;
  startScan(options: { withLog: boolean }): Promise<void>;
  cancelScan(): Promise<void>;
}

function waitingProgress(): Record<ScanStepName, StepProgress> {
  return Object.fromEntries(
    SCAN_STEPS.map((step) => [step, { state: 'waiting', detail: null }]),
  ) as Record<ScanStepName, StepProgress>;
}

const IDLE: ScanState = {
  status: 'idle',
  scanId: null,
  withLog: false,
  logText: '',
  progress: waitingProgress(),
  diagnosis: null,
  error: null,
};

export const createScanSlice: StateCreator<AppState, [], [], ScanSlice> = (set, get) => {
  let stopListening: (() => void) | null = null;

  const updateScan = (patch: Partial<ScanState>) => set({ scan: { ...get().scan, ...patch } });

  const applyProgress = (event: ScanProgressEvent) => {
    const { scan } = get();
    if (event.scanId !== scan.scanId) return;
    updateScan({
      progress: { ...scan.progress, [event.step]: { state: event.state, detail: event.detail } },
    });
  };

  return {
    scan: IDLE,

    startScan: async ({ withLog }) => {
      stopListening?.();
      // A scan still running is no longer wanted: main should not do the work twice.
      const previous = get().scan;
      if (previous.scanId !== null && previous.status === 'running')
        void invoke('scan:cancel', { scanId: previous.scanId });
      const withText = withLog && get().logText.trim() !== '';
      set({
        scan: { ...IDLE, status: 'running', withLog: withText, logText: get().logText },
        report: null,
        rerun: null,
      });
      // Events can arrive before scan:start replies: keep them until the id is known.
      const early: ScanProgressEvent[] = [];
      const unsubscribe = onScanProgress((event) => {
        if (get().scan.scanId === null) early.push(event);
        else applyProgress(event);
      });
      stopListening = unsubscribe;

      // The scan names the text main has already read; text edited since is read first.
      const log = withText ? await get().currentLog() : { logId: null };
      if (stopListening !== unsubscribe) return; // a newer scan replaced this one
      if ('error' in log) {
        unsubscribe();
        updateScan({ status: 'failed', error: log.error });
        return;
      }
      const started = await invoke('scan:start', { logId: log.logId });
      if (stopListening !== unsubscribe) return;
      if (!started.ok) {
        unsubscribe();
        updateScan({ status: 'failed', error: started.error });
        return;
      }
      const { scanId } = started.value;
      updateScan({ scanId });
      early.forEach(applyProgress);

      const result = await invoke('scan:result', { scanId });
      if (stopListening !== unsubscribe) return;
      unsubscribe();
      stopListening = null;
      if (result.ok) updateScan({ status: 'done', diagnosis: result.value });
      else if (get().scan.status === 'cancelling') updateScan({ status: 'cancelled' });
      else updateScan({ status: 'failed', error: result.error });
    },

    cancelScan: async () => {
      const { scanId, status } = get().scan;
      if (scanId === null || status !== 'running') return;
      updateScan({ status: 'cancelling' });
      const reply = await invoke('scan:cancel', { scanId });
      // Too late to cancel: the scan finished first, and scan:result brings its diagnosis.
      if (reply.ok && !reply.value.cancelled && get().scan.status === 'cancelling')
        updateScan({ status: 'running' });
    },
  };
};
