import { isInside } from '../../shared/paths';
import type { StepContext } from './stepContext';
import type { StepItem } from '../../shared/actionModel';
import { listOf, msg } from '../../shared/i18n/message';
import { stepWords } from './stepWords';

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

/** Holders as a step lists them: the pid, and the first files it holds. */
export function heldItems(holders: Array<{ pid: number; holds: string[] }>): StepItem[] {
  return holders.map((holder) => ({
    // The pid is text: no language may group its digits.
    label: msg(stepWords.heldPid, { pid: String(holder.pid) }),
    status: 'still-running' as const,
    detail: msg(stepWords.heldFiles, { files: listOf(holder.holds.slice(0, 3)) }),
  }));
}
