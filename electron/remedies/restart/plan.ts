import { holdersIn } from '../../engine/recommend/settleCause';
import { plainRun } from '../../platform/elevation';
import type { Recipe } from '../planning/recipe';
import type { PlanFacts } from '../run/planFacts';
import { isInside } from '../../shared/paths';
import type { DraftStep, PlanContext } from '../planning/planContext';
import {
  holderRootsOf,
  installFromScan,
  optionalPackage,
  pipInstall,
  PIP_TIMEOUT_MS,
  recipeOf,
  shownStep,
} from '../planning/planContext';
import { restartChecks } from './verify';
import { msg } from '../../shared/i18n/message';
import { restartPlanWords as words } from './planWords';

/**
 * When held files cannot be released any other way: the journal keeps the
 * action open across a sign-out or restart, and on the next start
 * `pendingActions()` offers to go on, which checks that nothing holds the
 * files any more and then runs the install the user wanted.
 */
export function restartPlan(ctx: PlanContext): Recipe {
  const install = installFromScan(ctx, ctx.request.installId);
  const pkg = optionalPackage(ctx);
  const roots = holderRootsOf(install);
  const held =
    ctx.recorded === null
      ? holdersIn(install, ctx.diagnosis.processes).flatMap((p) => p.holds)
      : heldBeforeRestart(ctx.recorded, roots);
  const steps: DraftStep[] = [
    {
      step: shownStep({
        id: 'await-restart',
        title: msg(words.awaitStep, {
          system: ctx.os.signOutOrRestart === 'Sign out or restart Windows' ? 'windows' : 'other',
        }),
        changes: null,
        byUser: true,
      }),
      spec: { kind: 'await-restart', roots, paths: [...new Set(held)] },
    },
  ];
  if (pkg !== null) {
    const run = plainRun(pipInstall(install.executable, [], pkg, ctx), PIP_TIMEOUT_MS);
    steps.push({
      step: shownStep({
        id: 'install',
        title: msg(words.installStep, { package: pkg }),
        command: run.run.command,
        changes: msg(words.installChanges, { package: pkg, python: install.executable }),
      }),
      spec: {
        kind: 'pip-install',
        run: run.run,
        python: install.executable,
        scope: 'environment',
        dryRun: false,
      },
    });
  }
  return recipeOf(ctx, {
    title: pkg ? msg(words.titleInstall, { package: pkg }) : msg(words.title),
    installId: install.id,
    steps,
    verify: restartChecks(roots, [...new Set(held)], install.executable, pkg),
    instructions: [
      {
        title: msg(words.afterTitle),
        where: 'note',
        text: msg(words.afterText),
      },
    ],
    undoable: pkg !== null,
  });
}

/**
 * Resumed after the restart, the scan no longer shows what was held: the
 * files are those the journal noted, each still inside this install's
 * folders (they are only ever looked at, to see whether something holds them).
 */
function heldBeforeRestart(recorded: PlanFacts, roots: readonly string[]): string[] {
  const paths = recorded.steps.find((step) => step.kind === 'await-restart')?.facts.paths;
  if (!Array.isArray(paths)) return [];
  return paths.filter(
    (path): path is string =>
      typeof path === 'string' && roots.some((root) => isInside(path, root)),
  );
}
