import { currentBootTime, restartedSince } from '../../platform/bootTime';
import { heldItems, holdersOf } from '../steps/holders';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';

/**
 * Waits for a sign-out or restart. The first run only records the boot and
 * stops the action as `waiting` (the journal keeps it open); when the user
 * goes on after signing in again, the step checks that nothing holds the
 * files any more and lets the rest of the plan run.
 */
export const awaitRestartStep: StepExecutor<'await-restart'> = {
  async prepare() {
    return { bootTime: currentBootTime().toISOString() };
  },
  async execute(spec, ctx, before) {
    if (ctx.attempt === 1) {
      return outcome(
        'waiting',
        'Sign out or restart, then open Pip Doctor again: it will offer to continue from here.',
        { data: before },
      );
    }
    const holders = await holdersOf(spec.roots, spec.paths, ctx);
    const bootTime =
      before !== null && typeof before === 'object' && !Array.isArray(before)
        ? before.bootTime
        : null;
    const restarted =
      typeof bootTime === 'string' ? restartedSince(bootTime, currentBootTime()) : null;
    if (holders.length > 0) {
      return outcome(
        'waiting',
        `${holders.length} program${holders.length === 1 ? ' still holds' : 's still hold'} the files${restarted === false ? ' (the computer has not restarted since)' : ''}. Close ${holders.length === 1 ? 'it' : 'them'}, or restart, then continue.`,
        {
          data: before,
          items: heldItems(holders),
        },
      );
    }
    return outcome('done', 'Nothing holds the files any more.', { data: before });
  },
};
