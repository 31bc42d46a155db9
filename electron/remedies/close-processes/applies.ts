import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { holdersInWords } from '../../engine/recommend/holderWords';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { closeProcessesCommands } from './commands';

const words = defineMessages({
  holders: {
    id: 'advice.close-processes.reason.holders',
    defaultMessage:
      '{count, plural, one {{holders} holds files of this Python; close it and run pip again.} other {{holders} hold files of this Python; close them and run pip again.}}',
    description:
      '{holders} is a list of programs (python3.11 (pid 4862), Code.exe (pid 77) and 2 more), {count} how many there are in all',
  },
  noneSeen: {
    id: 'advice.close-processes.reason.noneSeen',
    defaultMessage:
      'Close the programs that use this Python (Jupyter, VS Code, running scripts) and run pip again.',
  },
  whyNot: {
    id: 'advice.close-processes.whyNot',
    defaultMessage: 'No program is using these files now.',
    description: 'Why closing programs would not help',
  },
  whyNotSomeUnseen: {
    id: 'advice.close-processes.whyNotSomeUnseen',
    defaultMessage:
      'No program Pip Doctor could look at is using these files now (some could not be inspected; see what could not be checked).',
    description: 'Why closing programs would not help, when some programs could not be looked at',
  },
});

export function adviseCloseProcesses(facts: RemedyFacts): Advice {
  const { holders } = facts;
  return {
    reason:
      holders.length > 0
        ? msg(words.holders, { count: holders.length, holders: holdersInWords(holders) })
        : msg(words.noneSeen),
    commands: closeProcessesCommands(facts),
    // With no holder in sight there is nothing to close: the plan's list would be empty. Where
    // some programs could not be looked at, running pip again (run-again) finds out sooner.
    applicable: holders.length > 0,
  };
}

export function whyNotCloseProcesses({ allProcessesInspected }: RemedyFacts): Message {
  return allProcessesInspected ? msg(words.whyNot) : msg(words.whyNotSomeUnseen);
}
