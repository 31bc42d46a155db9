import type { StateCreator } from 'zustand';
import type { UserError } from '../../../electron/shared/contract';
import type { LogFinding } from '../../../electron/shared/model/logFinding';
import { invoke } from '../bridge/pipDoctorBridge';
import { capLogText } from '../logFile/logTextLimit';
import { readLogFile } from '../logFile/readLogFile';
import type { AppState } from './appState';

export type Classification =
  | { status: 'empty' }
  | { status: 'classifying' }
  | { status: 'classified'; finding: LogFinding }
  | { status: 'failed'; error: UserError };

/** Where the text came from, when that needs saying. */
export type LogSource =
  | { kind: 'typed'; truncated: boolean }
  | { kind: 'file'; name: string; sizeBytes: number; truncated: boolean };

export interface LogSlice {
  logText: string;
  logSource: LogSource;
  classification: Classification;
  /** A file that could not be read, in words. */
  fileError: string | null;
  setLogText(text: string): void;
  loadLogFile(file: File): Promise<void>;
}

/** Long enough that typing does not classify on every key, short enough to feel instant. */
const CLASSIFY_DELAY_MS = 250;

export const createLogSlice: StateCreator<AppState, [], [], LogSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Replies can come back out of order; only the latest request may set the result.
  let latestRequest = 0;

  const classifyNow = async (text: string) => {
    clearTimeout(timer);
    const request = ++latestRequest;
    if (text.trim() === '') {
      set({ classification: { status: 'empty' } });
      return;
    }
    // An earlier reading stays on screen while the edited text is read: no flicker per key.
    if (get().classification.status !== 'classified')
      set({ classification: { status: 'classifying' } });
    const reply = await invoke('log:classify', { text });
    if (request !== latestRequest) return;
    set({
      classification: reply.ok
        ? { status: 'classified', finding: reply.value }
        : { status: 'failed', error: reply.error },
    });
  };

  return {
    logText: '',
    logSource: { kind: 'typed', truncated: false },
    classification: { status: 'empty' },
    fileError: null,

    setLogText: (raw) => {
      const { text, truncated } = capLogText(raw);
      set({ logText: text, logSource: { kind: 'typed', truncated }, fileError: null });
      clearTimeout(timer);
      timer = setTimeout(() => void classifyNow(get().logText), CLASSIFY_DELAY_MS);
    },

    loadLogFile: async (file) => {
      try {
        const read = await readLogFile(file);
        set({
          logText: read.text,
          logSource: {
            kind: 'file',
            name: read.name,
            sizeBytes: read.sizeBytes,
            truncated: read.truncated,
          },
          fileError: null,
        });
        await classifyNow(read.text);
      } catch (error) {
        set({
          fileError:
            `Pip Doctor could not read ${file.name}. ${error instanceof Error ? error.message : ''}`.trim(),
        });
      }
    },
  };
};
