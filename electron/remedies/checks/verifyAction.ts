import { lstat, mkdir } from 'node:fs/promises';
import { runProcess } from '../../platform/runProcess';
import { probeWritable } from '../../platform/writeProbe';
import type { SystemProbe } from '../../platform/systemProbe';
import type { Verification } from '../../shared/actionModel';
import { PIP_ENV } from '../planning/pipEnvironment';
import { currentOwners } from '../../platform/posix/foreignOwners';
import type { VerifySpec } from '../planning/recipe';
import type { StepRecord } from '../run/replayJournal';
import { checkTargets } from '../run/liveTargets';
import { CloseLeftoversSchema } from '../steps/closeProcessSteps';
import { holdersOf } from '../steps/fileSteps';
import { runPlanned } from '../steps/runPlanned';
import { RecordedOwnersSchema } from '../steps/recordOwnersStep';
import type { StepContext } from '../steps/stepContext';
import { parseLongPathsQuery } from '../../platform/windows/longPaths';
import { importNames, moduleToImport } from './importNames';

export interface VerifyContext {
  probe: SystemProbe;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  selfPid: number;
  /** A folder of the app's to run Python in: a project folder's own `requests.py` must not shadow the real one. */
  scratchDir: string;
  recordOf(stepId: string): StepRecord | undefined;
  /** For checks that run a planned command (reg query). */
  stepContext: StepContext;
}

export interface CheckResult {
  ok: boolean;
  detail: string;
  /** The problem is a program holding files: a restart would release them. */
  held?: boolean;
}

/**
 * A fresh look at what the action changed; every check runs, and all must
 * pass. `onlyHeld`: what failed is only that programs hold files, which a
 * sign-out or restart releases.
 */
export async function verifyAction(
  checks: readonly VerifySpec[],
  ctx: VerifyContext,
): Promise<{ verification: Verification; onlyHeld: boolean }> {
  if (checks.length === 0) {
    return {
      verification: { ok: null, detail: 'There is nothing Pip Doctor can check for this fix.' },
      onlyHeld: false,
    };
  }
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runCheck(check, ctx));
  const failed = results.filter((result) => !result.ok);
  return {
    verification: {
      ok: failed.length === 0,
      detail: results.map((result) => result.detail).join(' '),
    },
    onlyHeld: failed.length > 0 && failed.every((result) => result.held === true),
  };
}

export async function runCheck(check: VerifySpec, ctx: VerifyContext): Promise<CheckResult> {
  switch (check.kind) {
    case 'imports':
      return checkImports(check.python, check.packageName, { ...ctx.env, ...check.env }, ctx);
    case 'unheld':
      return checkUnheld(check, ctx);
    case 'writable': {
      const probe = await probeWritable(check.folder);
      return probe.writable === true
        ? { ok: true, detail: `You can write to ${check.folder} now.` }
        : {
            ok: false,
            detail: `${check.folder} is still not writable (${probe.errorCode ?? 'unknown'}).`,
          };
    }
    case 'owned-by': {
      const recorded = RecordedOwnersSchema.safeParse(ctx.recordOf(check.recordStepId)?.data);
      if (!recorded.success)
        return { ok: false, detail: 'The recorded owners are missing from the journal.' };
      const now = await currentOwners(recorded.data.entries.map((entry) => entry.path));
      const others = now.filter((entry) => entry.uid !== check.uid);
      return others.length === 0
        ? { ok: true, detail: `All ${now.length} files are yours now.` }
        : {
            ok: false,
            detail: `${others.length} files still belong to someone else, e.g. ${others[0]!.path}.`,
          };
    }
    case 'pip-runs': {
      const result = await runProcess(check.python, ['-m', 'pip', '--version'], {
        timeoutMs: 60_000,
        env: { ...ctx.env, ...PIP_ENV },
        cwd: await scratch(ctx),
        signal: ctx.signal,
      });
      return result.exitCode === 0
        ? { ok: true, detail: `pip works: ${result.stdout.trim().split(' from ')[0]}.` }
        : {
            ok: false,
            detail: `pip does not run in ${check.python}: ${result.stderr.trim().split('\n').at(-1) ?? ''}`,
          };
    }
    case 'paths-gone': {
      const left = [];
      for (const path of check.paths)
        if (
          await lstat(path).then(
            () => true,
            () => false,
          )
        )
          left.push(path);
      return left.length === 0
        ? { ok: true, detail: 'The leftovers are gone.' }
        : { ok: false, detail: `Still there: ${left.join(', ')}.` };
    }
    case 'long-paths-on': {
      const result = await runPlanned(check.run, ctx.stepContext);
      const value =
        result.kind === 'ran' ? parseLongPathsQuery(result.exitCode, result.stdout) : undefined;
      return value === 1
        ? { ok: true, detail: 'Windows reports long paths as enabled.' }
        : {
            ok: false,
            detail: `LongPathsEnabled reads ${value === undefined ? 'as something unexpected' : String(value)}.`,
          };
    }
  }
}

async function checkUnheld(
  check: Extract<VerifySpec, { kind: 'unheld' }>,
  ctx: VerifyContext,
): Promise<CheckResult> {
  const holders = await holdersOf(check.roots, check.paths, ctx);
  const leftovers = check.closeStepIds.flatMap((stepId) => {
    const data = CloseLeftoversSchema.safeParse(ctx.recordOf(stepId)?.data);
    return data.success ? [...data.data.survivors, ...data.data.denied] : [];
  });
  const alive = (await checkTargets(leftovers, ctx.probe, ctx.stepContext.platform, ctx.selfPid))
    .filter((state) => state.state === 'present')
    .map((state) => state.target)
    .filter((target) => !holders.some((holder) => holder.pid === target.pid));
  const names = [
    ...holders.map((holder) => `pid ${holder.pid}`),
    ...[...new Map(alive.map((target) => [target.pid, target.label])).values()],
  ];
  if (names.length === 0) return { ok: true, detail: 'No program holds the files any more.' };
  return {
    ok: false,
    held: true,
    detail: `Still held by ${names.join(', ')}: close ${names.length === 1 ? 'it' : 'them'} yourself, or sign out or restart.`,
  };
}

async function checkImports(
  python: string,
  packageName: string,
  env: NodeJS.ProcessEnv,
  ctx: VerifyContext,
): Promise<CheckResult> {
  const cwd = await scratch(ctx);
  const names = await importNames(python, packageName, env, cwd, ctx.signal);
  if (!names.ok) return { ok: false, detail: `${packageName} is not usable: ${names.detail}.` };
  const module = moduleToImport(names.modules);
  if (module === null) {
    return {
      ok: true,
      detail: `${packageName} ${names.version} is installed; it has no module to import (a tool or a plugin).`,
    };
  }
  const result = await runProcess(python, ['-c', `import ${module}`], {
    timeoutMs: 60_000,
    env,
    cwd,
    signal: ctx.signal,
  });
  return result.exitCode === 0
    ? {
        ok: true,
        detail: `${packageName} ${names.version} is installed and \`import ${module}\` works in ${python}.`,
      }
    : {
        ok: false,
        detail: `${packageName} is installed but \`import ${module}\` fails: ${result.stderr.trim().split('\n').at(-1) ?? ''}`,
      };
}

async function scratch(ctx: VerifyContext): Promise<string> {
  await mkdir(ctx.scratchDir, { recursive: true });
  return ctx.scratchDir;
}
