import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import { pipxCommands } from './commands';

const words = defineMessages({
  reason: {
    id: 'advice.pipx-or-venv.reason',
    defaultMessage:
      'For a command-line tool, pipx gives it a virtual environment of its own and puts the command on your PATH.',
    description: 'pipx is a program name and PATH the environment variable: keep both',
  },
});

export function advisePipx(facts: RemedyFacts): Advice {
  return {
    reason: msg(words.reason),
    commands: pipxCommands(facts),
    applicable: true,
  };
}
