import { runPlanned } from '../../platform/runElevated';
import { parseUserPathResult } from '../../platform/windows/userPathScript';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { msg } from '../../shared/i18n/message';
import { stepWords } from '../steps/stepWords';
import { userPathWords } from './stepWords';
import { userPathUndo } from './undo';

/** Puts the user's Scripts folder on (or takes it off) their own PATH, and says whether it changed. */
export const userPathStep: StepExecutor<'user-path'> = {
  undo: userPathUndo,
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    const parsed = result.kind === 'ran' ? parseUserPathResult(result.stdout) : null;
    const ended = commandOutcome(
      result,
      msg(userPathWords.changing),
      msg(stepWords.commandDone),
      parsed,
    );
    if (ended.status !== 'done') return ended;
    if (parsed === null)
      return outcome('failed', msg(userPathWords.noReport), {
        output: ended.output,
      });
    const words =
      spec.mode === 'add'
        ? parsed.changed
          ? userPathWords.added
          : userPathWords.wasThere
        : parsed.changed
          ? userPathWords.removed
          : userPathWords.wasGone;
    const detail = msg(words, { entry: spec.entry });
    return { ...ended, detail };
  },
};
