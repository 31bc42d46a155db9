import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { describeHolders } from '../../engine/recommend/describeHolder';
import { closeProcessesCommands } from './commands';

export function adviseCloseProcesses(facts: RemedyFacts): Advice {
  const { holders } = facts;
  const one = holders.length === 1;
  return {
    reason:
      holders.length > 0
        ? `${describeHolders(holders)} ${one ? 'holds' : 'hold'} files of this Python; close ${one ? 'it' : 'them'} and run pip again.`
        : 'Close the programs that use this Python (Jupyter, VS Code, running scripts) and run pip again.',
    commands: closeProcessesCommands(facts),
    // With no holder in sight, closing programs can only help where some could not be looked at.
    applicable: holders.length > 0 || (facts.cause === 'lock' && !facts.allProcessesInspected),
  };
}

export function whyNotCloseProcesses({ allProcessesInspected }: RemedyFacts): string {
  return allProcessesInspected
    ? 'No running program holds files of this Python right now.'
    : 'No program Pip Doctor could look at holds files of this Python (some could not be inspected; see what could not be checked).';
}
