import type { OsTraits } from '../../platform/osTraits';
import type { Diagnosis, PythonInstall } from '../../shared/model/diagnosis';
import type { SystemProbe } from '../../platform/systemProbe';
import type { ActionStep, Command } from '../../shared/actionModel';
import type { ElevationFacts } from '../../platform/elevation';
import { plainRun } from '../../platform/elevation';
import { isValidPackageName } from '../../shared/packageName';
import { commandLine } from '../../shared/shellQuote';
import type { PlanRequest } from '../../shared/planRequest';
import type { Recipe, StepSpec, VerifySpec } from './recipe';
import type { PlanFacts } from '../run/planFacts';
import { PIP_ENV } from './pipEnvironment';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { planWords } from './planWords';

/** Everything a plan is built from: the latest scan, the request's ids, and main's own settings. */
export interface PlanContext {
  diagnosis: Diagnosis;
  scanId: string;
  request: PlanRequest;
  runId: string;
  /** The run's folder in the app's data folder, in the plan platform's path syntax. */
  runFolder: string;
  /** The OS the plan is for, and what the plan needs to know of it (paths, shell, how to elevate). */
  os: OsTraits;
  /** True when the plan is for this machine, so its files can be looked at while planning. */
  local: boolean;
  projectDir: string;
  homeDir: string;
  env: NodeJS.ProcessEnv;
  elevation: ElevationFacts;
  /** Where pip looks for packages, from main's settings (tests: a local folder, no index). */
  pipSourceArgs: string[];
  /** Windows: the user's SID, for icacls (account names are localised). */
  userSid: string | null;
  probe: SystemProbe;
  selfPid: number;
  pickedFolder(id: string): string | null;
  /**
   * When a recorded run is built again for Resume: what the journal says it
   * was. A builder that looks at what the action itself changed (the venv
   * folder it made, the files held before a restart) plans as it did then,
   * each fact checked against the scan; null for a new plan.
   */
  recorded: PlanFacts | null;
}

/** Long enough for a big wheel build on a slow machine; a hung pip is still stopped. */
export const PIP_TIMEOUT_MS = 30 * 60_000;
export const VENV_TIMEOUT_MS = 5 * 60_000;
export const TOOL_TIMEOUT_MS = 10 * 60_000;
export const QUICK_TIMEOUT_MS = 60_000;

export function installFromScan(ctx: PlanContext, installId: string): PythonInstall {
  const install = ctx.diagnosis.installs.find((candidate) => candidate.id === installId);
  if (!install) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.plan.unknownInstall',
          defaultMessage:
            'That Python is not in the latest scan. Scan again, then choose the fix again.',
        }),
      ),
      `unknown installId ${installId}`,
    );
  }
  if (install.status !== 'ok') {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.plan.installNotInspected',
          defaultMessage:
            '{python} could not be inspected ({why}), so Pip Doctor will not change it.',
          description:
            '{python}: the path of python.exe; {why}: what went wrong, as the scan reported it',
        }),
        { python: install.executable, why: install.statusDetail ?? install.status },
      ),
      `install ${installId} status ${install.status}`,
    );
  }
  return install;
}

export function requiredPackage(ctx: PlanContext): string {
  const name = ctx.request.packageName;
  if (name === undefined) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.plan.packageMissing',
          defaultMessage: 'Say which package to install.',
        }),
      ),
      'packageName missing',
    );
  }
  return checkedPackage(name);
}

export function optionalPackage(ctx: PlanContext): string | null {
  return ctx.request.packageName === undefined ? null : checkedPackage(ctx.request.packageName);
}

function checkedPackage(name: string): string {
  if (!isValidPackageName(name)) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.plan.badPackage',
          defaultMessage:
            '"{name}" is not a package name. Use the name as on PyPI, such as "requests" or "scikit-learn", without a version or options.',
          description: '{name}: what the user typed as the package name',
        }),
        { name: name.slice(0, 80) },
      ),
      'packageName fails the PEP 508 name rule',
    );
  }
  return name;
}

export function pipInstall(
  python: string,
  options: string[],
  pkg: string,
  ctx: PlanContext,
): Command {
  return {
    program: python,
    args: ['-m', 'pip', 'install', ...options, ...ctx.pipSourceArgs, pkg],
    env: PIP_ENV,
  };
}

/**
 * `pip install --dry-run` before the real install, when the user asked for
 * it: it checks that pip finds everything and writes nothing, so it needs no
 * administrator rights whatever the install does.
 */
export function dryRunStep(
  ctx: PlanContext,
  python: string,
  options: string[],
  pkg: string,
  scope: 'environment' | 'user',
): DraftStep[] {
  if (!ctx.request.dryRunFirst) return [];
  const dryRun = plainRun(pipInstall(python, [...options, '--dry-run'], pkg, ctx), PIP_TIMEOUT_MS);
  return [
    {
      step: shownStep({
        id: 'dry-run',
        title: msg(planWords.dryRunTitle, { package: pkg }),
        command: dryRun.run.command,
        changes: null,
      }),
      spec: { kind: 'pip-install', run: dryRun.run, python, scope, dryRun: true },
    },
  ];
}

/** A step as shown, with the defaults of a step that needs no question and no elevation. */
export function shownStep(
  fields: Pick<ActionStep, 'id' | 'title' | 'changes'> & Partial<ActionStep>,
): ActionStep {
  return {
    command: null,
    script: null,
    readable: null,
    byUser: false,
    confirmation: null,
    elevated: false,
    ...fields,
  };
}

export interface DraftStep {
  step: ActionStep;
  spec: StepSpec;
}

/** Assembles the recipe: the plan as the user sees it, and the work behind each of its steps. */
export function recipeOf(
  ctx: PlanContext,
  fields: {
    title: Message;
    installId: string | null;
    steps: DraftStep[];
    verify: VerifySpec[];
    instructions?: Recipe['plan']['instructions'];
    undoable: boolean;
    warnings?: Message[];
  },
): Recipe {
  return {
    plan: {
      id: ctx.runId,
      remedy: ctx.request.remedy,
      installId: fields.installId,
      scanId: ctx.scanId,
      title: fields.title,
      steps: fields.steps.map((draft) => draft.step),
      instructions: fields.instructions ?? [],
      undoable: fields.undoable,
      needsElevation: fields.steps.some((draft) => draft.step.elevated),
      warnings: fields.warnings ?? [],
      undoOf: null,
    },
    platform: ctx.os.platform,
    specs: fields.steps.map((draft) => ({ stepId: draft.step.id, spec: draft.spec })),
    verify: fields.verify,
    scannedAt: ctx.diagnosis.scannedAt,
  };
}

/** The folders whose open files matter for an install: a venv's whole prefix, else its site-packages. */
export function holderRootsOf(install: PythonInstall): string[] {
  if (install.kind === 'venv' && install.prefix) return [install.prefix];
  return install.folders
    .filter(
      (folder) =>
        folder.role === 'purelib' || folder.role === 'platlib' || folder.role === 'user-site',
    )
    .map((folder) => folder.path);
}

/**
 * Where the app cannot ask for administrator rights (no pkexec), the plan
 * runs nothing and shows the sudo commands for the user to type instead:
 * the app never types a password for anyone.
 */
export function sudoInsteadRecipe(
  ctx: PlanContext,
  fields: {
    title: Message;
    installId: string;
    commands: readonly Command[];
    warnings: Message[];
    /** Why the app does not run it itself, when it is not that pkexec is missing. */
    why?: Message;
  },
): Recipe {
  const problem = ctx.elevation.pkexecProblem;
  const why =
    fields.why ??
    (problem
      ? msg(planWords.sudoPkexecUntrusted, { path: problem.path, reason: problem.reason })
      : msg(planWords.sudoNoPkexec));
  return recipeOf(ctx, {
    title: fields.title,
    installId: fields.installId,
    steps: [],
    verify: [],
    instructions: fields.commands.map((command) => ({
      title: msg(planWords.sudoInstruction),
      where: 'bash' as const,
      text: `sudo ${commandLine('bash', command.program, command.args)}`,
    })),
    undoable: false,
    warnings: [why, ...fields.warnings],
  });
}
