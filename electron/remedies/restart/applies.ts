import { defineMessages } from '@formatjs/intl';
import type { Advice } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';

const words = defineMessages({
  reason: {
    id: 'advice.restart.reason',
    defaultMessage:
      'If the files stay held, signing out or restarting releases every handle; then run pip again before opening your editor.',
    description: 'A handle: a program’s hold on an open file',
  },
});

/** Nothing to type: signing out or restarting releases every handle a program holds. */
export function adviseRestart(): Advice {
  return {
    reason: msg(words.reason),
    commands: [],
    applicable: true,
  };
}
