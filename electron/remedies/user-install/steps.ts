import { runPlanned } from '../../platform/runElevated';
import { parseUserPathResult } from '../../platform/windows/userPathScript';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { userPathUndo } from './undo';

/** Puts the user's Scripts folder on (or takes it off) their own PATH, and says whether it changed. */
export const userPathStep: StepExecutor<'user-path'> = {
  undo: userPathUndo,
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    const parsed = result.kind === 'ran' ? parseUserPathResult(result.stdout) : null;
    const ended = commandOutcome(result, 'Changing your PATH', '', parsed);
    if (ended.status !== 'done') return ended;
    if (parsed === null)
      return outcome('failed', 'The PATH script did not report what it did.', {
        output: ended.output,
      });
    const detail =
      spec.mode === 'add'
        ? parsed.changed
          ? `Added ${spec.entry} to your PATH. Terminals opened from now on find it.`
          : `${spec.entry} was on your PATH already.`
        : parsed.changed
          ? `Took ${spec.entry} off your PATH.`
          : `${spec.entry} was not on your PATH any more.`;
    return { ...ended, detail };
  },
};
