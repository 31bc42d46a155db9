import type { Command } from '../../shared/actionModel';
import type { Diagnosis, PythonInstall } from '../../shared/model/diagnosis';
import { isValidPackageName, packageFromLog } from '../../shared/packageName';
import { commandLine } from '../../shared/shellQuote';
import { UserFacingError } from '../../shared/userFacingError';
import { osTraits, venvPython } from '../../platform/osTraits';
import { PIP_ENV } from '../planning/pipEnvironment';
import type { Recipe } from '../planning/recipe';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

/** Where the install goes: a phrase that ends "pip installed requests …" and "Pip Doctor can run your install …, …". */
const places = defineMessages({
  newVenv: {
    id: 'run.rerun.where.newVenv',
    defaultMessage: 'in the new virtual environment',
    description: 'Ends a sentence such as "pip installed requests in the new virtual environment"',
  },
  newVenvIn: {
    id: 'run.rerun.where.newVenvIn',
    defaultMessage: 'in the new virtual environment {folder}',
    description:
      'Ends a sentence such as "pip installed requests in the new virtual environment C:\\project\\.venv"; {folder}: its path',
  },
  userInstall: {
    id: 'run.rerun.where.user',
    defaultMessage: 'for your account only (--user)',
    description: 'Ends a sentence such as "pip installed requests for your account only (--user)"',
  },
  inPython: {
    id: 'run.rerun.where.python',
    defaultMessage: 'in {python}',
    description:
      'Ends a sentence such as "pip installed requests in C:\\Python312\\python.exe"; {python}: its path',
  },
});

const refusals = defineMessages({
  afterUndo: {
    id: 'error.rerun.afterUndo',
    defaultMessage: 'After an undo there is nothing to install again.',
  },
  noPackage: {
    id: 'error.rerun.noPackage',
    defaultMessage:
      'Pip Doctor does not know which package you were installing: the error you pasted does not name it. Run your install again yourself.',
  },
  badPackage: {
    id: 'error.rerun.badPackage',
    defaultMessage:
      '"{name}" is not a package name, so Pip Doctor will not put it on a command line.',
    description: '{name}: what was given as the package name, shown as it was',
  },
  noRerun: {
    id: 'error.rerun.nothingToRun',
    defaultMessage:
      'This fix leaves your install for you to run; Pip Doctor has nothing to run again.',
  },
  pythonGone: {
    id: 'error.rerun.pythonGone',
    defaultMessage:
      'The Python this fix was for is not in the scan any more. Scan again, then run your install yourself.',
  },
});

/** What main knows of a fix that ran and was checked: enough to run the user's install after it. */
export interface RerunBasis {
  /** The recipe main built, showed and ran; its checks passed. */
  recipe: Recipe;
  /** The scan the fix ran on: its log says what the user asked pip for. */
  scanned: Diagnosis;
  /** The package the fix's plan was made for (a name the user confirmed), when the log names none. */
  plannedPackage: string | undefined;
  /** Where pip finds packages: main's setting (tests: a local folder with --no-index). */
  pipSourceArgs: readonly string[];
}

export interface InstallRerun {
  command: Command;
  packageName: string;
  /** The command exactly as it runs, written for the user's shell. */
  commandLine: string;
  /** Plain words for where it installs. */
  where: Message;
}

/**
 * The user's own `pip install`, adapted to the fix that worked: never the
 * command the log printed (a pasted log is the user's text, and its
 * `pip.exe` is what failed), only a PEP 508 name through `python -m pip`
 * of an interpreter main chose itself: the virtual environment the fix
 * made, or the install the scan found, with `--user` after a user install.
 */
export function rerunCommand(basis: RerunBasis): InstallRerun {
  const { recipe, scanned } = basis;
  if (recipe.plan.undoOf !== null) {
    throw new UserFacingError(msg(refusals.afterUndo), `run ${recipe.plan.id} is an undo`);
  }
  const packageName = userPackage(basis);
  const target = interpreterFor(recipe, scanned);
  const os = osTraits(scanned.platform);
  const command: Command = {
    program: target.python,
    args: ['-m', 'pip', 'install', ...target.options, ...basis.pipSourceArgs, packageName],
    env: PIP_ENV,
  };
  return {
    command,
    packageName,
    // Exactly what runs, as every command the app shows is.
    commandLine: commandLine(os.shell, command.program, command.args),
    where: target.where,
  };
}

/** The package the log shows the user asking for, else the one the fix was planned for; a name only. */
function userPackage({ scanned, plannedPackage }: RerunBasis): string {
  const name = packageFromLog(scanned.log) ?? plannedPackage ?? null;
  if (name === null) {
    throw new UserFacingError(
      msg(refusals.noPackage),
      'no requested package in the log or the plan',
    );
  }
  // The plan's name came through the journal's facts or a request: checked again, as the undo does.
  if (!isValidPackageName(name)) {
    throw new UserFacingError(
      msg(refusals.badPackage, { name: name.slice(0, 80) }),
      'package name fails the PEP 508 name rule',
    );
  }
  return name;
}

interface RerunTarget {
  python: string;
  options: string[];
  where: Message;
}

function interpreterFor(recipe: Recipe, scanned: Diagnosis): RerunTarget {
  const os = osTraits(recipe.platform);
  switch (recipe.plan.remedy) {
    case 'venv': {
      const created = recipe.specs.find(({ spec }) => spec.kind === 'create-venv')?.spec;
      const installed = recipe.specs.find(
        ({ spec }) => spec.kind === 'pip-install' && spec.scope === 'environment' && !spec.dryRun,
      )?.spec;
      const python =
        created?.kind === 'create-venv'
          ? venvPython(os, created.folder)
          : installed?.kind === 'pip-install'
            ? installed.python
            : null;
      if (python === null) break;
      const folder = created?.kind === 'create-venv' ? created.folder : null;
      return {
        python,
        options: [],
        where: folder === null ? msg(places.newVenv) : msg(places.newVenvIn, { folder }),
      };
    }
    case 'user-install':
      return {
        python: scannedInstall(recipe, scanned).executable,
        options: ['--user'],
        where: msg(places.userInstall),
      };
    case 'close-processes':
    case 'elevated-install':
    case 'grant-access':
    case 'enable-long-paths':
    case 'repair-install':
    case 'upgrade-pip':
    case 'restart': {
      const install = scannedInstall(recipe, scanned);
      return {
        python: install.executable,
        options: [],
        where: msg(places.inPython, { python: install.executable }),
      };
    }
    case 'use-python-m-pip':
    case 'pipx-or-venv':
    case 'run-again':
      break;
  }
  throw new UserFacingError(msg(refusals.noRerun), `no rerun for remedy ${recipe.plan.remedy}`);
}

/** The install the fix was for, as the scan found it: never an interpreter the log or the renderer named. */
function scannedInstall(recipe: Recipe, scanned: Diagnosis): PythonInstall {
  const install = scanned.installs.find((candidate) => candidate.id === recipe.plan.installId);
  if (!install || install.status !== 'ok') {
    throw new UserFacingError(
      msg(refusals.pythonGone),
      `install ${recipe.plan.installId ?? '(none)'} not ok in scan`,
    );
  }
  return install;
}
