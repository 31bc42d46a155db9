import { lstat, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isInside } from '../../engine/diagnose/installIdentity';
import type { StepItem } from '../../shared/actionModel';
import type { StepContext, StepExecutor } from './stepContext';
import { outcome } from './stepContext';

/** Steps that look at or remove files, done by the app itself (no command to show). */

export const checkUnheldStep: StepExecutor<'check-unheld'> = {
  async execute(spec, ctx) {
    const holders = await holdersOf(spec.roots, spec.paths, ctx);
    if (holders.length === 0) return outcome('done', 'No program uses them.');
    return outcome(
      'failed',
      'Some programs still use these files; close them first (or restart), then try again.',
      {
        items: holders.map((holder) => ({
          label: `pid ${holder.pid}`,
          status: 'still-running' as const,
          detail: `holds ${holder.holds.slice(0, 3).join(', ')}`,
        })),
      },
    );
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
      ? outcome('done', `Removed ${items.length} leftover${items.length === 1 ? '' : 's'}.`, {
          items,
        })
      : outcome(
          'failed',
          `${failed.length} leftover${failed.length === 1 ? '' : 's'} could not be removed.`,
          { items },
        );
  },
};

async function removeWithRetries(path: string, ctx: StepContext): Promise<StepItem> {
  let retries = 0;
  for (;;) {
    try {
      await rm(path, { recursive: true, force: true });
      const note =
        retries > 0
          ? ` (after ${retries} more tr${retries === 1 ? 'y' : 'ies'}: no program held it, so something like a virus scanner had it open for a moment)`
          : '';
      return { label: path, status: 'done', detail: `removed${note}` };
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'UNKNOWN';
      const delay = REMOVE_RETRY_DELAYS_MS[retries];
      const retry =
        ctx.platform === 'win32' &&
        BUSY.has(code) &&
        delay !== undefined &&
        (await holdersOf([path], [path], ctx)).length === 0;
      if (!retry)
        return {
          label: path,
          status: 'failed',
          detail: `${code}: ${error instanceof Error ? error.message : String(error)}`,
        };
      await sleep(delay, undefined, { signal: ctx.signal }).catch(() => undefined);
      retries++;
    }
  }
}

/**
 * Undo of a venv this action made: removes it only while it still is a
 * virtual environment (pyvenv.cfg in it), and keeps a folder that existed
 * (empty) before, emptied again.
 */
export const removeVenvStep: StepExecutor<'remove-venv'> = {
  async execute(spec) {
    const folder = await lstat(spec.folder).catch(() => null);
    if (folder === null) return outcome('done', `${spec.folder} is gone already.`);
    const marker = await stat(join(spec.folder, 'pyvenv.cfg')).catch(() => null);
    if (!folder.isDirectory() || !marker?.isFile()) {
      return outcome(
        'failed',
        `${spec.folder} is no longer a virtual environment, so Pip Doctor leaves it alone.`,
      );
    }
    if (spec.keepFolder) {
      for (const name of await readdir(spec.folder))
        await rm(join(spec.folder, name), { recursive: true, force: true });
      return outcome('done', `Emptied ${spec.folder} again.`);
    }
    await rm(spec.folder, { recursive: true, force: true });
    return outcome('done', `Removed ${spec.folder}.`);
  },
};

/** Processes other than this app that hold any of `paths` (or anything under the roots when paths is empty). */
export async function holdersOf(
  roots: string[],
  paths: string[],
  ctx: Pick<StepContext, 'probe' | 'signal' | 'selfPid'>,
): Promise<Array<{ pid: number; holds: string[] }>> {
  const scan = await ctx.probe.findHolders(roots, paths, ctx.signal);
  return scan.holders.filter(
    (holder) =>
      holder.pid !== ctx.selfPid &&
      (paths.length === 0 ||
        holder.holds.some((held) => paths.some((path) => isInside(held, path)))),
  );
}
