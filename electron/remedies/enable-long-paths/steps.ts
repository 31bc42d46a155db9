import { outputTail, runPlanned } from '../../platform/runElevated';
import { parseLongPathsQuery } from '../../platform/windows/longPaths';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { msg } from '../../shared/i18n/message';
import { stepWords } from '../steps/stepWords';
import { longPathsStepWords } from './stepWords';
import { setLongPathsUndo } from './undo';

/** Reads LongPathsEnabled before the change, so Undo can put exactly it back ("not set" included). */
export const readLongPathsStep: StepExecutor<'read-long-paths'> = {
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    if (result.kind !== 'ran')
      return commandOutcome(result, msg(longPathsStepWords.reading), msg(stepWords.commandDone));
    const previous = parseLongPathsQuery(result.exitCode, result.stdout);
    if (previous === undefined) {
      return outcome('failed', msg(longPathsStepWords.unreadable), {
        output: outputTail(result),
      });
    }
    return outcome(
      'done',
      previous === null
        ? msg(longPathsStepWords.notSet)
        : msg(longPathsStepWords.value, { value: String(previous) }),
      {
        output: outputTail(result),
        data: { previous },
      },
    );
  },
};

export const setLongPathsStep: StepExecutor<'set-long-paths'> = {
  undo: setLongPathsUndo,
  async execute(spec, ctx) {
    return commandOutcome(
      await runPlanned(spec.run, ctx),
      msg(longPathsStepWords.enabling),
      msg(longPathsStepWords.enabled),
    );
  },
};
