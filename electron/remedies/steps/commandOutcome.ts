import type { StepData } from '../run/journalEntry';
import type { Message } from '../../shared/i18n/message';
import type { CommandResult } from '../../platform/runElevated';
import { describeFailure, outputTail } from '../../platform/runElevated';
import type { StepOutcome } from './stepContext';
import { outcome } from './stepContext';

/** A command step's ending: exit code 0 is done; a refused prompt is `declined`, not a failure. */
export function commandOutcome(
  result: CommandResult,
  what: Message,
  done: Message,
  data: StepData = null,
): StepOutcome {
  const output = result.kind === 'ran' || result.kind === 'failed' ? outputTail(result) : '';
  switch (result.kind) {
    case 'declined':
      return outcome('declined', result.detail);
    case 'cancelled':
      return outcome('cancelled', describeFailure(result, what), { output });
    case 'ran':
      return result.exitCode === 0
        ? outcome('done', done, { output, data })
        : outcome('failed', describeFailure(result, what), { output, data });
    case 'failed':
      return outcome('failed', describeFailure(result, what), { output });
  }
}
