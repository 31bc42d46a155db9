import type { ActionOutcome } from '../shared/actionModel';
import type { Channel, RequestOf, ResponseOf } from '../shared/contract';
import { guardHandler } from './guardHandler';
import type { ChannelHandler } from './guardHandler';
import { UserFacingError } from '../shared/userFacingError';
import { JobRegistry } from './jobRegistry';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';

const refusals = defineMessages({
  unknownRun: {
    id: 'error.action.unknownRun',
    defaultMessage:
      'Pip Doctor does not know that fix (the app may have restarted). Look at the list of interrupted fixes, or choose the fix again.',
  },
  ranAlready: {
    id: 'error.action.ranAlready',
    defaultMessage: 'That plan has run already. Choose the fix again to make a new plan.',
  },
  runningAlready: {
    id: 'error.action.runningAlready',
    defaultMessage: 'That fix is running already.',
  },
  fixFailed: {
    id: 'error.action.failed',
    defaultMessage:
      'The fix stopped with an error in Pip Doctor. Look at the list of interrupted fixes; if it keeps failing, report the details.',
  },
});

/** Outcomes are small; the last few are enough for a renderer that asks again after a reload. */
const KEEP = 8;

/**
 * The runs started over IPC, by run id: action:run and action:resume start
 * one and answer at once, action:result waits for its end. The service runs
 * one action at a time; this only keeps their outcomes for whoever asks.
 */
export class ActionRuns {
  private readonly jobs = new JobRegistry<ActionOutcome>({
    keep: KEEP,
    keepRunning: true,
    unknown: (runId) => new UserFacingError(msg(refusals.unknownRun), `unknown run ${runId}`),
    asError: asUserFacingError,
  });

  /** Refuses a run id that is still running, or that ran already in this session from the same plan. */
  start(runId: string, run: () => Promise<ActionOutcome>, { again = false } = {}): void {
    if (this.jobs.has(runId)) {
      const finished = this.jobs.isFinished(runId);
      if (!finished || !again) {
        throw new UserFacingError(
          msg(finished ? refusals.ranAlready : refusals.runningAlready),
          `run ${runId} ${finished ? 'finished' : 'running'}`,
        );
      }
    }
    this.jobs.start(runId, run);
  }

  result(runId: string): Promise<ActionOutcome> {
    return this.jobs.result(runId);
  }

  /** Run ids still running, for the cancel on quit. */
  running(): string[] {
    return this.jobs.running();
  }
}

/**
 * The action engine's refusals already carry words for the user and their
 * technical cause: they pass through as they are. Anything else is a fault.
 */
export function asUserFacingError(error: unknown): UserFacingError {
  if (error instanceof UserFacingError) return error;
  return new UserFacingError(
    msg(refusals.fixFailed),
    error instanceof Error ? error.message : String(error),
  );
}

/** guardHandler for the action engine's channels: whatever the work throws reaches the user as asUserFacingError words. */
export function guardActionHandler<C extends Channel>(
  channel: C,
  appPageUrl: string,
  work: (request: RequestOf<C>) => Promise<ResponseOf<C>>,
): ChannelHandler<C> {
  return guardHandler(channel, appPageUrl, (request) =>
    work(request).catch((error: unknown) => {
      throw asUserFacingError(error);
    }),
  );
}
