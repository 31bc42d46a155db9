import type { RemedyFacts } from '../../engine/recommend/remedyFacts';

/** pipx is the user's own tool: the command is the same in every shell (the name is PEP 508, no quoting). */
export function pipxCommands({ packageName }: RemedyFacts): string[] {
  return [`pipx install ${packageName}`];
}
