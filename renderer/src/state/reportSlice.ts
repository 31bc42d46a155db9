import type { StateCreator } from 'zustand';
import type { ChangeSummary, UserError } from '../../../electron/shared/contract';
import { invoke } from '../bridge/pipDoctorBridge';
import type { AppState } from './appState';

export type ReportPreview =
  | { status: 'loading' }
  /** `changes`: what Pip Doctor changed in this session, as the report lists it. */
  | { status: 'ready'; markdown: string; changes: ChangeSummary[] }
  | { status: 'failed'; error: UserError };

export type ExportOutcome =
  | { kind: 'copied' }
  | { kind: 'saved'; fileName: string | null }
  | { kind: 'not-saved' }
  | { kind: 'failed'; error: UserError };

export interface ReportState {
  /** The scan this report describes; a new scan makes it stale. */
  scanId: string;
  preview: ReportPreview;
  outcome: ExportOutcome | null;
}

export interface ReportSlice {
  /** Off by default: the report is meant to be pasted into public help requests. */
  includePersonal: boolean;
  report: ReportState | null;
  setIncludePersonal(include: boolean): void;
  loadReportPreview(): Promise<void>;
  copyReport(): Promise<void>;
  saveReport(): Promise<void>;
  /** Copies one command or line; the caller shows its own "Copied". */
  copyText(text: string): Promise<boolean>;
}

export const createReportSlice: StateCreator<AppState, [], [], ReportSlice> = (set, get) => {
  const currentScanId = () => (get().scan.status === 'done' ? get().scan.scanId : null);
  const setOutcome = (outcome: ExportOutcome) => {
    const report = get().report;
    if (report) set({ report: { ...report, outcome } });
  };

  return {
    includePersonal: false,
    report: null,

    setIncludePersonal: (include) => {
      set({ includePersonal: include });
      void get().loadReportPreview();
    },

    loadReportPreview: async () => {
      const scanId = currentScanId();
      if (scanId === null) return;
      const includePersonal = get().includePersonal;
      set({ report: { scanId, preview: { status: 'loading' }, outcome: null } });
      const reply = await invoke('report:markdown', { scanId, includePersonal });
      // The switch may have flipped meanwhile; that newer request owns the preview.
      if (get().includePersonal !== includePersonal || get().report?.scanId !== scanId) return;
      set({
        report: {
          scanId,
          outcome: null,
          preview: reply.ok
            ? { status: 'ready', markdown: reply.value.markdown, changes: reply.value.changes }
            : { status: 'failed', error: reply.error },
        },
      });
    },

    copyReport: async () => {
      const scanId = currentScanId();
      if (scanId === null) return;
      // Asked afresh: the copy must match the switch as it is now, not an older preview.
      const markdown = await invoke('report:markdown', {
        scanId,
        includePersonal: get().includePersonal,
      });
      if (!markdown.ok) return setOutcome({ kind: 'failed', error: markdown.error });
      const written = await invoke('clipboard:write', { text: markdown.value.markdown });
      setOutcome(written.ok ? { kind: 'copied' } : { kind: 'failed', error: written.error });
    },

    saveReport: async () => {
      const scanId = currentScanId();
      if (scanId === null) return;
      const reply = await invoke('report:save', {
        scanId,
        includePersonal: get().includePersonal,
      });
      if (!reply.ok) setOutcome({ kind: 'failed', error: reply.error });
      else if (reply.value.saved) setOutcome({ kind: 'saved', fileName: reply.value.fileName });
      else setOutcome({ kind: 'not-saved' });
    },

    copyText: async (text) => (await invoke('clipboard:write', { text })).ok,
  };
};
