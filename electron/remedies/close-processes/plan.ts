import { holderName } from '../../engine/recommend/describeHolder';
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
import { msg } from '../../shared/i18n/message';

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
  const warnings: string[] = [];
  for (const process of chosen) {
    const label = labelOf(process);
    const summary = table.get(process.pid);
    const reason =
      protectedReason(
        { pid: process.pid, name: summary?.name ?? nameOf(process), ppid: summary?.ppid ?? null },
        ctx.os.platform,
        appProcesses,
      ) ??
      (!process.sameUser && !ctx.diagnosis.elevated
        ? `it belongs to ${process.user ?? 'another user'}; only an administrator can close it`
        : null) ??
      (!hasKnownStart(process.startTime)
        ? 'its start time is unknown, so a reused process id could not be told apart; close it yourself'
        : null);
    if (reason !== null) warnings.push(`${label} is left alone: ${reason}.`);
    else targets.push({ pid: process.pid, startTime: process.startTime, label });
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
            { warnings: warnings.join(' ') },
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
  const programs = [
    ...new Set(
      chosen
        .filter((process) => targets.some((target) => target.pid === process.pid))
        .map(holderName),
    ),
  ];
  const windows = ctx.os.closeMethod === 'process-handle';
  const systemRoot = ctx.elevation.systemRoot;
  const graceful = windows ? closeProcessesCommand(systemRoot, targets, false) : null;
  const force = windows ? closeProcessesCommand(systemRoot, targets, true) : null;
  const heldPaths = [...new Set(chosen.flatMap((process) => process.holds))];
  const roots = holderRootsOf(install);

  return recipeOf(ctx, {
    title: `Close ${programs.length === 1 ? `the ${programs[0]}` : programs.join(' and ')}`,
    installId: install.id,
    steps: [
      {
        step: shownStep({
          id: 'close-gracefully',
          title: 'Ask the programs to close',
          command: graceful,
          // The programs are named in the list above: here, what asking does to each kind.
          changes: windows
            ? 'Asks each program to end on its own: one with a window closes it, as its close button would; a kernel or a background program just stops.'
            : 'Sends each program the signal to end (SIGTERM): one with a window closes it; a kernel or a background program just stops.',
        }),
        spec: { kind: 'close-gracefully', targets, systemRoot: windows ? systemRoot : null },
      },
      {
        step: shownStep({
          id: 'close-by-force',
          title: 'Close by force the programs still running',
          command: force,
          changes: windows
            ? 'Ends the programs still running at once, each checked by its start time first; programs they started are left running. Unsaved work in them is lost.'
            : 'Ends the programs still running at once (SIGKILL). Unsaved work in them is lost.',
          confirmation:
            'These programs did not close when asked. Close them by force? Anything unsaved in them is lost.',
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
      'A closed program cannot be reopened by Undo; open it again yourself afterwards.',
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

/**
 * The program as the user knows it, with its pid to tell two alike apart:
 * "Jupyter kernel (VS Code notebook, pid 8852)". The pid is the program's.
 */
function labelOf(process: RunningProcess): string {
  const name = holderName(process);
  return name.endsWith(')')
    ? `${name.slice(0, -1)}, pid ${process.pid})`
    : `${name} (pid ${process.pid})`;
}

function nameOf(process: RunningProcess): string | null {
  const path = process.executable ?? process.commandLine.split(' ')[0] ?? null;
  return path ? (path.split(/[\\/]/).at(-1) ?? null) : null;
}

/** What closing loses, for this kind of program: a kernel forgets its variables even when the notebook is saved. */
function dataLossWarning(chosen: readonly RunningProcess[]): string {
  const kernel = chosen.some((process) => / kernel/.test(holderName(process)));
  return kernel
    ? 'Unsaved work in these programs will be lost: save it first. A notebook keeps its saved file, but its kernel forgets every variable; run its cells again afterwards.'
    : 'Unsaved work in these programs will be lost: save it first.';
}
