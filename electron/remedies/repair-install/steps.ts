import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StepItem } from '../../shared/actionModel';
import { heldItems, holdersOf } from '../steps/holders';
import type { StepContext, StepExecutor } from '../steps/stepContext';
import { msg } from '../../shared/i18n/message';
import { stepWords } from '../steps/stepWords';
import { leftoverWords } from './stepWords';
import { outcome } from '../steps/stepContext';

/** Leftovers of an interrupted pip run: checked unheld, then removed by the app itself (no command to show). */

export const checkUnheldStep: StepExecutor<'check-unheld'> = {
  async execute(spec, ctx) {
    const holders = await holdersOf(spec.roots, spec.paths, ctx);
    if (holders.length === 0) return outcome('done', msg(stepWords.noneHold));
    return outcome('failed', msg(stepWords.someHold), {
      items: heldItems(holders),
    });
  },
};

/** Windows virus scanners hold new and touched files for a moment; such a delete is tried again. */
const REMOVE_RETRY_DELAYS_MS = [500, 1500, 3000];
const BUSY = new Set(['EBUSY', 'EPERM', 'EACCES', 'ENOTEMPTY']);

export const removePathsStep: StepExecutor<'remove-paths'> = {
  async execute(spec, ctx) {
    const items: StepItem[] = [];
    for (const path of spec.paths) items.push(await removeWithRetries(path, ctx));
    const failed = items.filter((item) => item.status === 'failed');
    return failed.length === 0
      ? outcome('done', msg(leftoverWords.removedAll, { count: items.length }), {
          items,
        })
      : outcome('failed', msg(leftoverWords.notRemoved, { count: failed.length }), { items });
  },
};

async function removeWithRetries(path: string, ctx: StepContext): Promise<StepItem> {
  let retries = 0;
  for (;;) {
    try {
      await rm(path, { recursive: true, force: true });
      const detail =
        retries > 0
          ? msg(leftoverWords.removedAfterRetries, { retries })
          : msg(leftoverWords.removed);
      return { label: msg(stepWords.path, { path }), status: 'done', detail };
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'UNKNOWN';
      const delay = REMOVE_RETRY_DELAYS_MS[retries];
      const retry =
        ctx.os.transientLocks &&
        BUSY.has(code) &&
        delay !== undefined &&
        (await holdersOf([path], [path], ctx)).length === 0;
      if (!retry)
        return {
          label: msg(stepWords.path, { path }),
          status: 'failed',
          detail: msg(leftoverWords.failed, {
            code,
            reason: error instanceof Error ? error.message : String(error),
          }),
        };
      await sleep(delay, undefined, { signal: ctx.signal }).catch(() => undefined);
      retries++;
    }
  }
}
