import { lstat } from 'node:fs/promises';
import { runProcess } from '../../platform/runProcess';
import { PIP_ENV } from '../planning/pipEnvironment';
import { CloseLeftoversSchema } from '../close-processes/specs';
import { checkTargets } from '../run/liveTargets';
import { holdersOf } from '../steps/holders';
import type { CheckRunner, VerifyContext } from './checkContext';
import { scratch } from './checkContext';
import { importNames, moduleToImport } from './importNames';

/** Checks every remedy may use: the package imports, pip runs, nothing holds the files, leftovers gone. */

export const checkImports: CheckRunner<'imports'> = async (check, ctx) => {
  const env = { ...ctx.env, ...check.env };
  const { packageName, python } = check;
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
};

export const checkPipRuns: CheckRunner<'pip-runs'> = async (check, ctx) => {
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
};

export const checkPathsGone: CheckRunner<'paths-gone'> = async (check) => {
  const left = [];
  for (const path of check.paths) {
    const exists = await lstat(path).then(
      () => true,
      () => false,
    );
    if (exists) left.push(path);
  }
  return left.length === 0
    ? { ok: true, detail: 'The leftovers are gone.' }
    : { ok: false, detail: `Still there: ${left.join(', ')}.` };
};

export const checkUnheld: CheckRunner<'unheld'> = async (check, ctx: VerifyContext) => {
  const holders = await holdersOf(check.roots, check.paths, ctx);
  const leftovers = check.closeStepIds.flatMap((stepId) => {
    const data = CloseLeftoversSchema.safeParse(ctx.recordOf(stepId)?.data);
    return data.success ? [...data.data.survivors, ...data.data.denied] : [];
  });
  const alive = (await checkTargets(leftovers, ctx.probe, ctx.stepContext.os.platform, ctx.selfPid))
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
};
