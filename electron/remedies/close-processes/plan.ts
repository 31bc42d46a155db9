import { msg, listOf } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { holderNameMessage, isKernel } from './holderWords';
import { closePlanWords as words } from './planWords';
import type { RunningProcess } from '../../shared/model/diagnosis';
import { holdersIn } from '../../engine/recommend/settleCause';
import { hasKnownStart, protectedReason, selfAndAncestors } from '../../platform/processGuard';
import type { Recipe } from '../planning/recipe';
import type { ProcessTarget } from '../steps/specs';
import { closeProcessesCommand } from '../../platform/windows/closeProcessesScript';
import type { PlanContext } from '../planning/planContext';
import { holderRootsOf, installFromScan, recipeOf, shownStep } from '../planning/planContext';
import { closeProcessesChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';

/**
 * Closes the programs that hold files of an install: only processes of the
 * latest scan, named by pid and start time; gracefully first; by force only
 * for those still running and only after the user says yes to that step.
 */
export async function closeProcessesPlan(ctx: PlanContext): Promise<Recipe> {
  const install = installFromScan(ctx, ctx.request.installId);
  const chosen = chosenProcesses(ctx, install.id);
  const table = ctx.local ? await ctx.probe.listProcesses() : new Map();
  const appProcesses = selfAndAncestors(ctx.selfPid, table);

  const targets: ProcessTarget[] = [];
  const warnings: Message[] = [];
  for (const process of chosen) {
    const warning = leftAloneWarning(ctx, process, table, appProcesses);
    if (warning !== null) warnings.push(warning);
    else
      targets.push({
        pid: process.pid,
        startTime: process.startTime,
        label: holderNameMessage(process, true),
      });
  }
  if (targets.length === 0) {
    throw new UserFacingError(
      warnings.length > 0
        ? msg(
            defineMessage({
              id: 'error.closeProcesses.noneClosable',
              defaultMessage: 'Pip Doctor may not close any of these programs. {warnings}',
              description: '{warnings}: one sentence per program, saying why it is left alone',
            }),
            { warnings: listOf(warnings, 'sentences') },
          )
        : msg(
            defineMessage({
              id: 'error.closeProcesses.noHolders',
              defaultMessage: 'No program holds files of this Python in the latest scan.',
            }),
          ),
      'close-processes: no closable targets',
    );
  }

  // The title names each program once: a launcher and its kernel are one notebook to the user.
  const closing = chosen.filter((process) => targets.some((target) => target.pid === process.pid));
  const named = closing.map((process) => holderNameMessage(process));
  const programs = [...new Map(named.map((name) => [JSON.stringify(name), name])).values()];
  const windows = ctx.os.closeMethod === 'process-handle';
  const systemRoot = ctx.elevation.systemRoot;
  const graceful = windows ? closeProcessesCommand(systemRoot, targets, false) : null;
  const force = windows ? closeProcessesCommand(systemRoot, targets, true) : null;
  const heldPaths = [...new Set(chosen.flatMap((process) => process.holds))];
  const roots = holderRootsOf(install);

  return recipeOf(ctx, {
    title:
      programs.length === 1
        ? msg(words.titleOne, { program: programs[0]! })
        : msg(words.titleMany, { count: programs.length, programs: listOf(programs) }),
    installId: install.id,
    steps: [
      {
        step: shownStep({
          id: 'close-gracefully',
          title: msg(words.askStep),
          command: graceful,
          // The programs are named in the list above: here, what asking does to each kind.
          changes: msg(windows ? words.askChangesWindows : words.askChangesSignal),
        }),
        spec: { kind: 'close-gracefully', targets, systemRoot: windows ? systemRoot : null },
      },
      {
        step: shownStep({
          id: 'close-by-force',
          title: msg(words.forceStep),
          command: force,
          changes: msg(windows ? words.forceChangesWindows : words.forceChangesSignal),
          confirmation: msg(words.forceConfirmation),
        }),
        spec: {
          kind: 'close-by-force',
          targets,
          systemRoot: windows ? systemRoot : null,
          gracefulStepId: 'close-gracefully',
        },
      },
    ],
    verify: closeProcessesChecks(roots, heldPaths, ['close-gracefully', 'close-by-force']),
    undoable: false,
    warnings: [
      // What the user loses comes first, where the warning box says it, not in grey under a step.
      dataLossWarning(chosen),
      ...warnings,
      msg(words.noReopen),
    ],
  });
}

/** The request's processes, each checked against the scan; by default every holder of the install. */
function chosenProcesses(ctx: PlanContext, installId: string): RunningProcess[] {
  const { diagnosis, request } = ctx;
  if (request.processes === undefined) {
    const install = diagnosis.installs.find((candidate) => candidate.id === installId) ?? null;
    return holdersIn(install, diagnosis.processes);
  }
  return request.processes.map((ref) => {
    const match = diagnosis.processes.find(
      (process) => process.pid === ref.pid && process.startTime === ref.startTime,
    );
    if (!match) {
      throw new UserFacingError(
        msg(
          defineMessage({
            id: 'error.closeProcesses.unknownProcess',
            defaultMessage:
              'The program with process id {pid} is not in the latest scan. Scan again, then choose what to close.',
            description: '{pid}: the process id number',
          }),
          { pid: String(ref.pid) },
        ),
        `process ${ref.pid} @ ${ref.startTime} not in scan`,
      );
    }
    return match;
  });
}

function nameOf(process: RunningProcess): string | null {
  const path = process.executable ?? process.commandLine.split(' ')[0] ?? null;
  return path ? (path.split(/[\\/]/).at(-1) ?? null) : null;
}

/** What closing loses, for this kind of program: a kernel forgets its variables even when the notebook is saved. */
function dataLossWarning(chosen: readonly RunningProcess[]): Message {
  return msg(chosen.some(isKernel) ? words.dataLossKernel : words.dataLoss);
}

/** Why the app may not close this program (the app itself, another user's, a pid it cannot tell apart); null when it may. */
function leftAloneWarning(
  ctx: PlanContext,
  process: RunningProcess,
  table: ReadonlyMap<number, { name: string; ppid: number }>,
  appProcesses: ReadonlySet<number>,
): Message | null {
  const program = holderNameMessage(process, true);
  const summary = table.get(process.pid);
  const reason = protectedReason(
    { pid: process.pid, name: summary?.name ?? nameOf(process), ppid: summary?.ppid ?? null },
    ctx.os.platform,
    appProcesses,
  );
  if (reason !== null) return msg(words.leftAloneProtected, { program, reason });
  if (!process.sameUser && !ctx.diagnosis.elevated) {
    return process.user === null
      ? msg(words.leftAloneAnotherUser, { program })
      : msg(words.leftAloneOtherUser, { program, user: process.user });
  }
  if (!hasKnownStart(process.startTime)) return msg(words.leftAloneUnknownStart, { program });
  return null;
}
