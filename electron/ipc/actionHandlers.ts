import type { ActionService } from '../remedies/run/actionService';
import type { Diagnosis, RunningProcess } from '../shared/model/diagnosis';
import { programOf } from '../engine/recommend/describeHolder';
import {
  holderDescriptionMessage,
  holderNameMessage,
} from '../remedies/close-processes/holderWords';
import { holdersIn } from '../engine/recommend/settleCause';
import { ActionRuns, guardActionHandler } from './actionRuns';
import type { ActionPlanRequest, Channel, RequestOf, ResponseOf } from '../shared/contract';
import type { ChannelHandler } from './guardHandler';
import type { ScanRegistry } from './scanRegistry';
import { UserFacingError } from '../shared/userFacingError';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';

const refusals = defineMessages({
  unknownInstall: {
    id: 'error.action.unknownInstall',
    defaultMessage: 'That Python is not in this scan. Scan again, then choose the fix again.',
  },
  notAHolder: {
    id: 'error.action.notAHolder',
    defaultMessage:
      "The program with process id {pid} is not one that holds this Python's files in the scan. Scan again, then choose what to close.",
    description: '{pid}: the process id number Windows or Linux gave the program',
  },
});

export type ActionChannel = Extract<Channel, `action:${string}`> | 'folder:choose';
export type ActionHandlers = { readonly [C in ActionChannel]: ChannelHandler<C> };

export interface ActionHandlerDeps {
  service: ActionService;
  scans: ScanRegistry;
  appPageUrl: string;
  /** Asks the user for a folder; null when they cancelled. Main shows the dialog, never the renderer. */
  chooseFolder(): Promise<string | null>;
  /** Aborting it cancels the running action (the app is quitting); the journal remembers where it stopped. */
  signal?: AbortSignal;
}

/**
 * The fixes' side of the contract (DESIGN.md rules 2, 6 and 7): the renderer
 * names a scan, an install, a process (pid and start time), a plan or a run
 * by the ids main gave it; the service builds plans only from the latest
 * scan and runs only plans it built, once. These handlers add what only
 * the IPC layer knows: which processes the user was shown, and the outcome
 * of each run for whoever asks.
 */
export function createActionHandlers(deps: ActionHandlerDeps): ActionHandlers {
  const { service, scans } = deps;
  const runs = new ActionRuns();
  deps.signal?.addEventListener(
    'abort',
    () => runs.running().forEach((runId) => service.cancel(runId)),
    { once: true },
  );

  const handle = <C extends ActionChannel>(
    channel: C,
    work: (request: RequestOf<C>) => Promise<ResponseOf<C>>,
  ): ChannelHandler<C> => guardActionHandler(channel, deps.appPageUrl, work);

  const holdersShown = async (scanId: string, installId: string): Promise<RunningProcess[]> => {
    const diagnosis = await scans.result(scanId);
    return holdersIn(installIn(diagnosis, installId), diagnosis.processes);
  };

  return {
    'action:holders': handle('action:holders', async ({ scanId, installId }) => {
      const holders = await holdersShown(scanId, installId);
      const listed = new Set(holders.map((process) => process.pid));
      return {
        holders: holders.map((process) => ({
          pid: process.pid,
          startTime: process.startTime,
          description: holderDescriptionMessage(process),
          name: holderNameMessage(process),
          program: programOf(process),
          parentPid: process.parents.find((parent) => listed.has(parent.pid))?.pid ?? null,
          sameUser: process.sameUser,
        })),
      };
    }),
    'action:plan': handle('action:plan', async (request) => {
      if (request.processes !== undefined) await refuseUnlisted(request, holdersShown);
      return service.plan(request);
    }),
    'action:run': handle('action:run', async ({ planId }) => {
      runs.start(planId, () => service.run(planId));
      return { runId: planId };
    }),
    'action:consent': handle('action:consent', async ({ runId, stepId, agreed }) => ({
      answered: service.answerConsent(runId, stepId, agreed),
    })),
    'action:cancel': handle('action:cancel', async ({ runId }) => ({
      cancelled: service.cancel(runId),
    })),
    'action:result': handle('action:result', ({ runId }) => runs.result(runId)),
    'action:undo': handle('action:undo', ({ runId }) => service.planUndo(runId)),
    'action:pending': handle('action:pending', () => service.pendingActions()),
    'action:resume-plan': handle('action:resume-plan', ({ runId }) => service.planResume(runId)),
    'action:resume': handle('action:resume', async ({ runId }) => {
      runs.start(runId, () => service.resume(runId), { again: true });
      return { runId };
    }),
    'action:dismiss': handle('action:dismiss', async ({ runId }) => {
      await service.markResolved(runId);
      return {};
    }),
    'folder:choose': handle('folder:choose', async () => {
      const path = await deps.chooseFolder();
      if (path === null) return null;
      return { folderId: service.registerPickedFolder(path), displayPath: path };
    }),
  };
}

function installIn(diagnosis: Diagnosis, installId: string) {
  const install = diagnosis.installs.find((candidate) => candidate.id === installId);
  if (!install) {
    throw new UserFacingError(msg(refusals.unknownInstall), `unknown installId ${installId}`);
  }
  return install;
}

/**
 * The processes a close may name are the ones the user was shown: the
 * holders of that install in that scan. The service checks only that they
 * are in the scan, which lists other programs too.
 */
async function refuseUnlisted(
  request: ActionPlanRequest,
  holdersShown: (scanId: string, installId: string) => Promise<RunningProcess[]>,
): Promise<void> {
  const holders = await holdersShown(request.scanId, request.installId);
  for (const ref of request.processes ?? []) {
    const listed = holders.some(
      (holder) => holder.pid === ref.pid && holder.startTime === ref.startTime,
    );
    if (!listed) {
      throw new UserFacingError(
        msg(refusals.notAHolder, { pid: String(ref.pid) }),
        `process ${ref.pid} @ ${ref.startTime} is not a holder of ${request.installId} in ${request.scanId}`,
      );
    }
  }
}
