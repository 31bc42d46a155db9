import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StepData } from '../run/journalEntry';
import { commandOutcome } from './commandOutcome';
import { changesBetween, DistributionsSchema, listDistributions } from './distributions';
import type { CommandResult } from '../../platform/runElevated';
import { runPlanned } from '../../platform/runElevated';
import type { StepContext, StepExecutor } from './stepContext';
import { pipInstallUndo } from './pipInstallUndo';
import { retryNote, TRANSIENT_RETRY_DELAYS_MS, transientLockCandidate } from './transientLock';
import { isInside } from '../../shared/paths';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { sentences, stepWords } from './stepWords';

/**
 * `python -m pip install`: the distributions are listed before (journaled
 * with the intent) and after, so the undo removes exactly what this install
 * added and nothing that was there before.
 */
export const pipInstallStep: StepExecutor<'pip-install'> = {
  undo: pipInstallUndo,
  async prepare(spec, ctx) {
    if (spec.dryRun) return null;
    return (await listDistributions(spec.python, spec.scope, ctx.env, ctx.signal)) ?? null;
  },
  async execute(spec, ctx, before) {
    const { result, retries } = await installWithRetries(spec.run, ctx);
    const what = msg(spec.dryRun ? stepWords.pipCheckWhat : stepWords.pipInstallWhat);
    const done = msg(spec.dryRun ? stepWords.pipCheckDone : stepWords.pipInstallDone);
    const withNote = (detail: Message): Message =>
      retries > 0 ? sentences(detail, retryNote(retries)) : detail;
    if (spec.dryRun || result.kind !== 'ran' || result.exitCode !== 0) {
      const ended = commandOutcome(result, what, done);
      return { ...ended, detail: withNote(ended.detail) };
    }
    const data = await addedSince(before, spec.python, spec.scope, ctx);
    return commandOutcome(result, what, withNote(done), data);
  },
};

async function installWithRetries(
  run: Parameters<typeof runPlanned>[0],
  ctx: StepContext,
): Promise<{ result: CommandResult; retries: number }> {
  let result = await runPlanned(run, ctx);
  let retries = 0;
  for (const delay of TRANSIENT_RETRY_DELAYS_MS) {
    if (result.kind !== 'ran' || result.exitCode === 0) break;
    const path = transientLockCandidate(ctx.os, `${result.stdout}\n${result.stderr}`);
    if (path === null || (await isHeld(path, ctx))) break;
    await sleep(delay, undefined, { signal: ctx.signal }).catch(() => undefined);
    if (ctx.signal.aborted) break;
    retries++;
    result = await runPlanned(run, ctx);
  }
  return { result, retries };
}

async function isHeld(path: string, ctx: StepContext): Promise<boolean> {
  const scan = await ctx.probe.findHolders([dirname(path)], [path], ctx.signal);
  return scan.holders.some(
    (holder) => holder.pid !== ctx.selfPid && holder.holds.some((held) => isInside(held, path)),
  );
}

async function addedSince(
  before: StepData,
  python: string,
  scope: 'environment' | 'user',
  ctx: StepContext,
): Promise<StepData> {
  const previous = DistributionsSchema.safeParse(before);
  const after = await listDistributions(python, scope, ctx.env, ctx.signal);
  if (!previous.success || after === null) return null;
  const changes = changesBetween(previous.data, after);
  return { added: changes.added, changed: changes.changed };
}
