import type { StateCreator } from 'zustand';
import type { UserError } from '../../../electron/shared/contract';
import type { LogFinding } from '../../../electron/shared/model/logFinding';
import { defineMessages } from 'react-intl';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import { invoke } from '../bridge/pipDoctorBridge';
import { capLogText } from '../logFile/logTextLimit';
import { readLogFile } from '../logFile/readLogFile';
import type { AppState } from './appState';

const readErrors = defineMessages({
  clipboard: {
    id: 'error.log.clipboard',
    defaultMessage: 'Pip Doctor could not read the clipboard. {reason}',
    description: '{reason}: a sentence saying why, from the background process',
  },
  clipboardEmpty: {
    id: 'error.log.clipboardEmpty',
    defaultMessage:
      'The clipboard holds no text. Select the error pip printed, copy it, then press Paste.',
    description: 'Paste: the button next to the text box',
  },
  file: {
    id: 'error.log.file',
    defaultMessage: 'Pip Doctor could not read {name}. {reason}',
    description:
      "{name}: the file name; {reason}: the browser's own reason, may be empty or English",
  },
});

export type Classification =
  | { status: 'empty' }
  | { status: 'classifying' }
  /** `logId`: main's name for this reading, which a scan uses instead of the text; `text` is what it read. */
  | { status: 'classified'; finding: LogFinding; logId: string; text: string }
  | { status: 'failed'; error: UserError };

/** Where the text came from, when that needs saying. */
export type LogSource =
  | { kind: 'typed'; truncated: boolean }
  | { kind: 'file'; name: string; sizeBytes: number; truncated: boolean };

export interface LogSlice {
  logText: string;
  logSource: LogSource;
  classification: Classification;
  /** A file, or the clipboard, that could not be read, in words (formatted where it shows). */
  fileError: Message | null;
  setLogText(text: string): void;
  loadLogFile(file: File): Promise<void>;
  /**
   * The Paste button: main reads the clipboard's text (the page may not),
   * which replaces the box's. True when there was text to paste.
   */
  pasteClipboard(): Promise<boolean>;
  /**
   * Main's id for the text as it is now, classifying it first when the latest
   * reading is of an earlier text; null for no text. A failure is returned as
   * the error to show.
   */
  currentLog(): Promise<{ logId: string | null } | { error: UserError }>;
}

/** Long enough that typing does not classify on every key, short enough to feel instant. */
const CLASSIFY_DELAY_MS = 250;

export const createLogSlice: StateCreator<AppState, [], [], LogSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Replies can come back out of order; only the latest request may set the result.
  let latestRequest = 0;

  const classifyNow = async (text: string): Promise<Classification> => {
    clearTimeout(timer);
    const request = ++latestRequest;
    if (text.trim() === '') {
      set({ classification: { status: 'empty' } });
      return { status: 'empty' };
    }
    // An earlier reading stays on screen while the edited text is read: no flicker per key.
    if (get().classification.status !== 'classified')
      set({ classification: { status: 'classifying' } });
    const reply = await invoke('log:classify', { text });
    const classification: Classification = reply.ok
      ? { status: 'classified', finding: reply.value.finding, logId: reply.value.logId, text }
      : { status: 'failed', error: reply.error };
    if (request === latestRequest) set({ classification });
    return classification;
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

    currentLog: async () => {
      const text = get().logText;
      if (text.trim() === '') return { logId: null };
      const known = get().classification;
      const reading =
        known.status === 'classified' && known.text === text ? known : await classifyNow(text);
      if (reading.status === 'classified') return { logId: reading.logId };
      if (reading.status === 'failed') return { error: reading.error };
      return { logId: null };
    },

    pasteClipboard: async () => {
      const reply = await invoke('clipboard:read', {});
      if (!reply.ok) {
        set({ fileError: msg(readErrors.clipboard, { reason: reply.error.message }) });
        return false;
      }
      if (reply.value.text.trim() === '') {
        set({
          fileError: msg(readErrors.clipboardEmpty),
        });
        return false;
      }
      set({
        logText: reply.value.text,
        logSource: { kind: 'typed', truncated: reply.value.truncated },
        fileError: null,
      });
      await classifyNow(reply.value.text);
      return true;
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
          fileError: msg(readErrors.file, {
            name: file.name,
            reason: error instanceof Error ? error.message : '',
          }),
        });
      }
    },
  };
};
