import { ActionError } from '../remedies/run/actionError';
import type { ActionOutcome } from '../shared/actionModel';
import { ReplyError } from './replyError';

type Outcome = { ok: true; outcome: ActionOutcome } | { ok: false; error: ReplyError };

interface RunEntry {
  /** Never rejects: the renderer may ask for a result long after the run failed. */
  outcome: Promise<Outcome>;
  finished: boolean;
}

/** Outcomes are small; the last few are enough for a renderer that asks again after a reload. */
const KEEP = 8;

/**
 * The runs started over IPC, by run id: action:run and action:resume start
 * one and answer at once, action:result waits for its end. The service runs
 * one action at a time; this only keeps their outcomes for whoever asks.
 */
export class ActionRuns {
  private readonly runs = new Map<string, RunEntry>();

  /** Refuses a run id that is still running, or that ran already in this session from the same plan. */
  start(runId: string, run: () => Promise<ActionOutcome>, { again = false } = {}): void {
    const known = this.runs.get(runId);
    if (known && (!known.finished || !again)) {
      throw new ReplyError(
        known.finished
          ? 'That plan has run already. Choose the fix again to make a new plan.'
          : 'That fix is running already.',
        `run ${runId} ${known.finished ? 'finished' : 'running'}`,
      );
    }
    const entry: RunEntry = {
      outcome: Promise.resolve()
        .then(run)
        .then(
          (outcome): Outcome => ({ ok: true, outcome }),
          (error: unknown): Outcome => ({ ok: false, error: asReplyError(error) }),
        ),
      finished: false,
    };
    void entry.outcome.then(() => {
      entry.finished = true;
    });
    this.runs.delete(runId);
    this.runs.set(runId, entry);
    this.forgetOldest();
  }

  async result(runId: string): Promise<ActionOutcome> {
    const entry = this.runs.get(runId);
    if (!entry) {
      throw new ReplyError(
        'Pip Doctor does not know that fix (the app may have restarted). Look at the list of interrupted fixes, or choose the fix again.',
        `unknown run ${runId}`,
      );
    }
    const outcome = await entry.outcome;
    if (!outcome.ok) throw outcome.error;
    return outcome.outcome;
  }

  /** Run ids still running, for the cancel on quit. */
  running(): string[] {
    return [...this.runs].filter(([, entry]) => !entry.finished).map(([runId]) => runId);
  }

  private forgetOldest(): void {
    for (const [runId, entry] of this.runs) {
      if (this.runs.size <= KEEP) return;
      if (entry.finished) this.runs.delete(runId);
    }
  }
}

/**
 * The action engine's refusals already carry words for the user and their
 * technical cause: they pass through as they are. Anything else is a fault.
 */
export function asReplyError(error: unknown): ReplyError {
  if (error instanceof ReplyError) return error;
  if (error instanceof ActionError) return new ReplyError(error.message, error.technicalCause);
  return new ReplyError(
    'The fix stopped with an error in Pip Doctor. Look at the list of interrupted fixes; if it keeps failing, report the details.',
    error instanceof Error ? error.message : String(error),
  );
}
