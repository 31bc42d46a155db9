import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { pipxCommands } from './commands';

export function advisePipx(facts: RemedyFacts): Advice {
  return {
    reason:
      'For a command-line tool, pipx gives it a virtual environment of its own and puts the command on your PATH.',
    commands: pipxCommands(facts),
    applicable: true,
  };
}
