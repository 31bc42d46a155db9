import { runPlanned } from '../../platform/runElevated';
import { commandOutcome } from './commandOutcome';
import type { StepExecutor } from './stepContext';
import { msg } from '../../shared/i18n/message';
import { stepWords } from './stepWords';

/** One planned command, read by its exit code; it needs no record to be undone (nothing to undo). */
export const commandStep: StepExecutor<'command'> = {
  async execute(spec, ctx) {
    return commandOutcome(
      await runPlanned(spec.run, ctx),
      msg(stepWords.commandWhat),
      msg(stepWords.commandDone),
    );
  },
};
