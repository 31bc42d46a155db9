import { currentBootTime, restartedSince } from '../../platform/bootTime';
import { heldItems, holdersOf } from '../steps/holders';
import type { StepExecutor } from '../steps/stepContext';
import { msg } from '../../shared/i18n/message';
import { restartStepWords } from './stepWords';
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
      return outcome('waiting', msg(restartStepWords.signOut), { data: before });
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
        msg(
          restarted === false ? restartStepWords.stillHeldNoRestart : restartStepWords.stillHeld,
          {
            count: holders.length,
          },
        ),
        {
          data: before,
          items: heldItems(holders),
        },
      );
    }
    return outcome('done', msg(restartStepWords.released), { data: before });
  },
};
