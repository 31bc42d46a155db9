import type { StateCreator } from 'zustand';
import type {
  RerunOutcome,
  RerunPlan,
  RerunStarted,
  UserError,
} from '../../../electron/shared/contract';
import { invoke, onRerunOutput } from '../bridge/pipDoctorBridge';
import type { AppState } from './appState';

/**
 * "Run my install again" after a fix that worked: the page names the fix
 * by its run id, main builds and runs the install, and its output streams
 * in here as pip prints it.
 */
export type RerunState =
  | { status: 'starting'; runId: string }
  | { status: 'running'; runId: string; started: RerunStarted; output: string; cancelling: boolean }
  | {
      status: 'finished';
      runId: string;
      started: RerunStarted;
      output: string;
      outcome: RerunOutcome;
    }
  /** It could not start, or its end could not be read. */
  | { status: 'failed'; runId: string; error: UserError };

/** The install that would run after a fix, as main built it; shown before the user starts it. */
export type RerunPlanState =
  | { runId: string; status: 'loading' }
  | { runId: string; status: 'ready'; plan: RerunPlan }
  | { runId: string; status: 'failed'; error: UserError };

export interface RerunSlice {
  rerun: RerunState | null;
  rerunPlan: RerunPlanState | null;
  /** Asks main what "Run my install again" would run after the fix with this run id. */
  loadInstallAgainPlan(runId: string): Promise<void>;
  /** Runs the user's install again after the fix with this run id. */
  runInstallAgain(runId: string): Promise<void>;
  cancelInstallAgain(): Promise<void>;
  /** The install failed anew: its command and output go into step 1, to be checked like the first error. */
  checkNewError(): void;
  /** The end: the dialog closes and the report says what was found and what changed. */
  finish(): void;
}

/** The live view keeps the end of pip's output; the whole of it is never needed on screen. */
const MAX_SHOWN_OUTPUT = 200_000;

export const createRerunSlice: StateCreator<AppState, [], [], RerunSlice> = (set, get) => ({
  rerun: null,
  rerunPlan: null,

  loadInstallAgainPlan: async (runId) => {
    if (get().rerunPlan?.runId === runId) return;
    set({ rerunPlan: { runId, status: 'loading' } });
    const reply = await invoke('rerun:plan', { runId });
    if (get().rerunPlan?.runId !== runId) return;
    set({
      rerunPlan: reply.ok
        ? { runId, status: 'ready', plan: reply.value }
        : { runId, status: 'failed', error: reply.error },
    });
  },

  runInstallAgain: async (runId) => {
    const current = get().rerun;
    if (current?.status === 'starting' || current?.status === 'running') return;
    set({ rerun: { status: 'starting', runId } });
    // Listening before asking: the first lines can arrive before the reply does.
    const early: string[] = [];
    let rerunId: string | null = null;
    const stop = onRerunOutput((chunk) => {
      if (rerunId === null) return void early.push(chunk.text);
      if (chunk.rerunId !== rerunId) return;
      const shown = get().rerun;
      if (shown?.status !== 'running' || shown.started.rerunId !== rerunId) return;
      set({ rerun: { ...shown, output: tail(shown.output + chunk.text) } });
    });
    try {
      const started = await invoke('rerun:start', { runId });
      if (!started.ok) return set({ rerun: { status: 'failed', runId, error: started.error } });
      rerunId = started.value.rerunId;
      set({
        rerun: {
          status: 'running',
          runId,
          started: started.value,
          output: tail(early.join('')),
          cancelling: false,
        },
      });
      const ended = await invoke('rerun:result', { rerunId });
      const shown = get().rerun;
      const output = shown?.status === 'running' ? shown.output : '';
      set({
        rerun: ended.ok
          ? { status: 'finished', runId, started: started.value, output, outcome: ended.value }
          : { status: 'failed', runId, error: ended.error },
      });
    } finally {
      stop();
    }
  },

  cancelInstallAgain: async () => {
    const running = get().rerun;
    if (running?.status !== 'running' || running.cancelling) return;
    set({ rerun: { ...running, cancelling: true } });
    await invoke('rerun:cancel', { rerunId: running.started.rerunId });
  },

  checkNewError: () => {
    const ended = get().rerun;
    if (ended?.status !== 'finished') return;
    const { commandLine, output } = ended.outcome;
    // As a terminal shows it: the prompt and command first, so the new scan knows what was run.
    get().setLogText(`> ${commandLine}\n${output}`);
    set({ actionSession: null, rerun: null });
    get().goTo('start');
  },

  finish: () => {
    set({ actionSession: null });
    get().goTo('report');
  },
});

function tail(text: string): string {
  return text.length > MAX_SHOWN_OUTPUT ? text.slice(-MAX_SHOWN_OUTPUT) : text;
}
