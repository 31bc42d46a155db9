import { delimiter } from 'node:path';
import type { PythonInstall } from '../../shared/model/diagnosis';
import type { UserInstallBlocker } from './applies';
import { userInstallBlocker } from './applies';
import type { Instruction } from '../../shared/actionModel';
import { plainRun } from '../../platform/elevation';
import { pathProfileInstructions } from '../planning/instructions';
import type { Recipe } from '../planning/recipe';
import { addToUserPathScript } from '../../platform/windows/userPathScript';
import { powershellCommand, scriptOf } from '../../platform/windows/powershell';
import type { DraftStep, PlanContext } from '../planning/planContext';
import {
  dryRunStep,
  installFromScan,
  PIP_TIMEOUT_MS,
  pipInstall,
  QUICK_TIMEOUT_MS,
  recipeOf,
  requiredPackage,
  shownStep,
} from '../planning/planContext';
import { userInstallChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import { userInstallPlanWords as words } from './planWords';

/**
 * `pip install --user`: into the user's own site folder, no administrator
 * rights. Its commands land in the user's Scripts folder, which is often not
 * on PATH: on Windows the action adds it to the user's PATH; elsewhere it
 * shows the line for the shell profile. Undo uninstalls what it installed
 * (and takes the PATH entry out again).
 */
export function userInstallPlan(ctx: PlanContext): Recipe {
  const install = installFromScan(ctx, ctx.request.installId);
  refuseWhereUserInstallsFail(install);
  const pkg = requiredPackage(ctx);
  const python = install.executable;
  const userSite = install.folders.find((folder) => folder.role === 'user-site')?.path ?? null;
  const userScripts =
    install.folders.find((folder) => folder.role === 'user-scripts')?.path ?? null;

  const steps: DraftStep[] = dryRunStep(ctx, python, ['--user'], pkg, 'user');
  const pip = plainRun(pipInstall(python, ['--user'], pkg, ctx), PIP_TIMEOUT_MS);
  steps.push({
    step: shownStep({
      id: 'install',
      title: msg(words.installStep, { package: pkg }),
      command: pip.run.command,
      changes:
        userSite === null
          ? msg(words.installChangesNoFolder, { package: pkg })
          : msg(words.installChanges, { package: pkg, folder: userSite }),
    }),
    spec: { kind: 'pip-install', run: pip.run, python, scope: 'user', dryRun: false },
  });

  let instructions: Instruction[] = [];
  if (userScripts !== null && ctx.os.userPathInRegistry) {
    const command = powershellCommand(ctx.elevation.systemRoot, addToUserPathScript(userScripts));
    steps.push({
      step: shownStep({
        id: 'user-path',
        title: msg(words.pathStep),
        command,
        // Exactly what runs, the plain-errors wrapper included.
        script: scriptOf(command),
        changes: msg(words.pathChanges, { folder: userScripts }),
      }),
      spec: {
        kind: 'user-path',
        run: plainRun(command, QUICK_TIMEOUT_MS).run,
        entry: userScripts,
        mode: 'add',
      },
    });
  } else if (userScripts !== null && !onPath(userScripts, ctx.env)) {
    instructions = pathProfileInstructions(userScripts, ctx.homeDir);
  }

  return recipeOf(ctx, {
    title: msg(words.title, { package: pkg }),
    installId: install.id,
    steps,
    verify: userInstallChecks(python, pkg),
    instructions,
    undoable: true,
  });
}

const REFUSAL: Readonly<Record<UserInstallBlocker, string>> = {
  venv: 'a virtual environment has no user folder; install into it directly',
  pep668:
    'this Python is managed by the operating system, which forbids --user installs too (PEP 668)',
  'user-site-off': 'this Python has user installs turned off',
  'user-site-not-writable': 'your own user folder is not writable either',
};

function refuseWhereUserInstallsFail(install: PythonInstall): void {
  const blocker = userInstallBlocker(install);
  if (blocker !== null) {
    const reason = REFUSAL[blocker];
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.userInstall.refused',
          defaultMessage:
            'A user install would not work here: {blocker, select, venv {a virtual environment has no user folder; install into it directly} pep668 {this Python is managed by the operating system, which forbids --user installs too (PEP 668)} userSiteOff {this Python has user installs turned off} other {your own user folder is not writable either}}.',
        }),
        // ICU select keys cannot hold hyphens: the blocker's id in camelCase.
        { blocker: blocker.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()) },
      ),
      `user-install refused: ${reason}`,
    );
  }
}

function onPath(folder: string, env: NodeJS.ProcessEnv): boolean {
  const trimmed = folder.replace(/\/+$/, '');
  return (env.PATH ?? '').split(delimiter).some((entry) => entry.replace(/\/+$/, '') === trimmed);
}
