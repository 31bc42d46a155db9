import { readdir, stat } from 'node:fs/promises';
import { plainRun } from '../../platform/elevation';
import { venvInstructions } from '../planning/instructions';
import type { Recipe } from '../planning/recipe';
import type { DraftStep, PlanContext } from '../planning/planContext';
import {
  dryRunStep,
  installFromScan,
  optionalPackage,
  PIP_TIMEOUT_MS,
  pipInstall,
  recipeOf,
  shownStep,
  VENV_TIMEOUT_MS,
} from '../planning/planContext';
import { newVenvFolder } from '../../engine/diagnose/newVenvFolder';
import { venvPython } from '../../platform/osTraits';
import { venvChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import { venvPlanWords as words } from './planWords';

/**
 * A virtual environment in the project's `.venv` (or a folder the user
 * picked in main's dialog), made by the chosen Python, with the package
 * installed into it. Undo removes the folder, only if this action made it.
 */
export async function venvPlan(ctx: PlanContext): Promise<Recipe> {
  const { request } = ctx;
  const base = installFromScan(ctx, request.baseInstallId ?? request.installId);
  const pkg = optionalPackage(ctx);
  const folder = venvFolder(ctx);
  const existing =
    ctx.recorded !== null
      ? ctx.recorded.steps.some((step) => step.id === 'create-venv')
        ? 'absent'
        : 'venv'
      : ctx.local
        ? await existingFolder(ctx, folder)
        : 'absent';
  const python = venvPython(ctx.os, folder);

  const steps: DraftStep[] = [];
  if (existing !== 'venv') {
    const create = plainRun(
      { program: base.executable, args: ['-m', 'venv', folder], env: {} },
      VENV_TIMEOUT_MS,
    );
    steps.push({
      step: shownStep({
        id: 'create-venv',
        title: msg(words.createStep),
        command: create.run.command,
        changes: msg(words.createChanges, { folder }),
      }),
      spec: { kind: 'create-venv', run: create.run, folder },
    });
  }
  if (pkg !== null) steps.push(...dryRunStep(ctx, python, [], pkg, 'environment'));
  if (pkg !== null) {
    const install = plainRun(pipInstall(python, [], pkg, ctx), PIP_TIMEOUT_MS);
    steps.push({
      step: shownStep({
        id: 'install',
        title: msg(words.installStep, { package: pkg }),
        command: install.run.command,
        changes: msg(words.installChanges, { package: pkg, folder, python: base.executable }),
      }),
      spec: { kind: 'pip-install', run: install.run, python, scope: 'environment', dryRun: false },
    });
  }
  if (steps.length === 0) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.venv.packageMissing',
          defaultMessage:
            '{folder} already is a virtual environment. Say which package to install into it.',
        }),
        { folder },
      ),
      'venv exists and no packageName',
    );
  }

  return recipeOf(ctx, {
    title:
      pkg === null
        ? msg(words.createTitle, { folder })
        : msg(existing === 'venv' ? words.reuseAndInstallTitle : words.createAndInstallTitle, {
            folder,
            package: pkg,
          }),
    installId: base.id,
    steps,
    verify: venvChecks(python, pkg),
    instructions: venvInstructions(ctx.os, folder, python),
    undoable: true,
    warnings: existing === 'venv' ? [msg(words.reuseWarning, { folder })] : [],
  });
}

function venvFolder(ctx: PlanContext): string {
  const choice = ctx.request.venvFolder ?? 'project';
  if (choice === 'project') {
    // By the scan's own rule (as the recommender shows it): never over the environment pip failed in.
    const failing = ctx.diagnosis.installs.find((install) => install.id === ctx.request.installId);
    return (
      newVenvFolder(ctx.os, ctx.projectDir, failing ?? null, ctx.diagnosis.cause) ??
      ctx.os.paths.join(ctx.projectDir, '.venv')
    );
  }
  const picked = ctx.pickedFolder(choice.pickedFolderId);
  if (picked === null) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.venv.pickExpired',
          defaultMessage: 'That folder choice has expired. Choose the folder again.',
        }),
      ),
      `unknown pickedFolderId ${choice.pickedFolderId}`,
    );
  }
  return picked;
}

/**
 * What is at the folder now: nothing, an empty folder (the dialog's "New
 * folder"), a venv to reuse, or something that must not be written into.
 */
async function existingFolder(
  ctx: PlanContext,
  folder: string,
): Promise<'absent' | 'empty' | 'venv'> {
  const info = await stat(folder).catch(() => null);
  if (info === null) return 'absent';
  const marker = await stat(ctx.os.paths.join(folder, 'pyvenv.cfg')).catch(() => null);
  if (info.isDirectory() && marker?.isFile()) return 'venv';
  if (info.isDirectory() && (await readdir(folder)).length === 0) return 'empty';
  throw new UserFacingError(
    msg(
      defineMessage({
        id: 'error.venv.folderTaken',
        defaultMessage:
          '{folder} already exists and is not a virtual environment. Choose another folder; Pip Doctor will not write into it.',
      }),
      { folder },
    ),
    'venv target exists without pyvenv.cfg',
  );
}
