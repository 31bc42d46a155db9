import { lstat } from 'node:fs/promises';
import { runProcess } from '../../platform/runProcess';
import { PIP_ENV } from '../planning/pipEnvironment';
import { CloseLeftoversSchema } from '../close-processes/specs';
import { checkTargets } from '../run/liveTargets';
import { holdersOf } from '../steps/holders';
import type { CheckRunner, VerifyContext } from './checkContext';
import { scratch } from './checkContext';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { targetLabel } from '../close-processes/targetLabel';
import { checkWords } from './checkWords';
import { importNames, moduleToImport } from './importNames';

/** Checks every remedy may use: the package imports, pip runs, nothing holds the files, leftovers gone. */

export const checkImports: CheckRunner<'imports'> = async (check, ctx) => {
  const env = { ...ctx.env, ...check.env };
  const { packageName, python } = check;
  const cwd = await scratch(ctx);
  const names = await importNames(python, packageName, env, cwd, ctx.signal);
  if (!names.ok)
    return {
      ok: false,
      detail: msg(checkWords.notUsable, { package: packageName, reason: names.detail }),
    };
  const module = moduleToImport(names.modules);
  if (module === null) {
    return {
      ok: true,
      detail: msg(checkWords.noModule, { package: packageName, version: names.version }),
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
        detail: msg(checkWords.importWorks, {
          package: packageName,
          version: names.version,
          module,
          python,
        }),
      }
    : {
        ok: false,
        detail: msg(checkWords.importFails, {
          package: packageName,
          module,
          output: result.stderr.trim().split('\n').at(-1) ?? '',
        }),
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
    ? {
        ok: true,
        detail: msg(checkWords.pipWorks, {
          version: result.stdout.trim().split(' from ')[0] ?? '',
        }),
      }
    : {
        ok: false,
        detail: msg(checkWords.pipFails, {
          python: check.python,
          output: result.stderr.trim().split('\n').at(-1) ?? '',
        }),
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
    ? { ok: true, detail: msg(checkWords.leftoversGone) }
    : { ok: false, detail: msg(checkWords.leftoversThere, { paths: listOf(left) }) };
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
  const names: Message[] = [
    // Process ids are text: no language may group their digits.
    ...holders.map((holder) => msg(checkWords.pidOnly, { pid: String(holder.pid) })),
    ...[...new Map(alive.map((target) => [target.pid, targetLabel(target)])).values()],
  ];
  if (names.length === 0) return { ok: true, detail: msg(checkWords.unheld) };
  return {
    ok: false,
    held: true,
    detail: msg(checkWords.stillHeld, { programs: listOf(names), count: names.length }),
  };
};
