import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ActionService } from '../remedies/run/actionService';
import { installAgain } from '../remedies/run/installAgain';
import { rerunCommand } from '../remedies/run-again/rerunCommand';
import type { InstallRerun } from '../remedies/run-again/rerunCommand';
import type { Channel, RequestOf, ResponseOf, events } from '../shared/contract';
import type { RerunOutcome } from '../shared/rerunModel';
import { UserFacingError } from '../shared/userFacingError';
import { asUserFacingError, guardActionHandler } from './actionRuns';
import type { ChannelHandler } from './guardHandler';
import { JobRegistry } from './jobRegistry';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';

const refusals = defineMessages({
  unknownRerun: {
    id: 'error.rerun.unknown',
    defaultMessage:
      'Pip Doctor does not know that install (the app may have restarted). Run your install again.',
  },
});

export type RerunChannel = Extract<Channel, `rerun:${string}`>;
export type RerunHandlers = { readonly [C in RerunChannel]: ChannelHandler<C> };

export interface RerunHandlerDeps {
  service: ActionService;
  appPageUrl: string;
  /** The user's environment: the install runs in it, as the user would run it. */
  env: NodeJS.ProcessEnv;
  sendOutput(payload: z.infer<(typeof events)['rerun:output']>): void;
  /** Aborting it stops a running install (the app is quitting). */
  signal?: AbortSignal;
}

/** A few installs a session: the last ones are enough for a renderer that asks again. */
const KEEP = 4;

/**
 * "Run my install again" (DESIGN.md rule 2): the renderer names a fix by
 * its run id; main builds the command from its own record of that checked
 * fix (rerunCommand.ts) and runs it as the one thing running, its output
 * streamed as it comes.
 */
export function createRerunHandlers(deps: RerunHandlerDeps): RerunHandlers {
  const { service } = deps;
  const jobs = new JobRegistry<RerunOutcome>({
    keep: KEEP,
    keepRunning: true,
    unknown: (rerunId) =>
      new UserFacingError(msg(refusals.unknownRerun), `unknown rerun ${rerunId}`),
    asError: asUserFacingError,
  });
  const running = new Set<string>();
  deps.signal?.addEventListener('abort', () => running.forEach((id) => service.cancel(id)), {
    once: true,
  });

  const handle = <C extends RerunChannel>(
    channel: C,
    work: (request: RequestOf<C>) => Promise<ResponseOf<C>>,
  ): ChannelHandler<C> => guardActionHandler(channel, deps.appPageUrl, work);

  return {
    // The same builder from the same record as rerun:start: what is shown is what runs.
    'rerun:plan': handle('rerun:plan', async ({ runId }) => {
      const rerun = rerunCommand(service.rerunBasis(runId));
      return {
        runId,
        packageName: rerun.packageName,
        commandLine: rerun.commandLine,
        where: rerun.where,
      };
    }),
    'rerun:start': handle('rerun:start', async ({ runId }) => {
      const rerun = rerunCommand(service.rerunBasis(runId));
      const rerunId = `rerun-${randomBytes(8).toString('hex')}`;
      // Claimed now, so a refusal (a fix is running) is this request's answer.
      const outcome = service.runAside(rerunId, (signal) =>
        installAgain(rerun, {
          rerunId,
          env: deps.env,
          signal,
          onOutput: (text) => deps.sendOutput({ rerunId, text }),
        }),
      );
      running.add(rerunId);
      void outcome.finally(() => running.delete(rerunId)).catch(() => undefined);
      jobs.start(rerunId, async () => {
        const ended = await outcome;
        await recordInJournal(service, runId, rerun, ended);
        return ended;
      });
      return {
        rerunId,
        runId,
        packageName: rerun.packageName,
        commandLine: rerun.commandLine,
        where: rerun.where,
      };
    }),
    'rerun:result': handle('rerun:result', ({ rerunId }) => jobs.result(rerunId)),
    'rerun:cancel': handle('rerun:cancel', async ({ rerunId }) => ({
      cancelled: running.has(rerunId) && service.cancel(rerunId),
    })),
  };
}

/**
 * What the report's "What Pip Doctor changed" reads: the install's facts,
 * under the fix it followed. A journal that cannot be written must not hide
 * the install's result from the user, so a failure here is only a gap there.
 */
async function recordInJournal(
  service: ActionService,
  runId: string,
  rerun: InstallRerun,
  ended: RerunOutcome,
): Promise<void> {
  try {
    await service.journal.append({
      type: 'install-again',
      runId,
      packageName: rerun.packageName,
      where: rerun.where,
      status: ended.status,
      exitCode: ended.exitCode,
    });
  } catch {
    // See above: the result still reaches the user.
  }
}
