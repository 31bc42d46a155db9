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
    // With no holder in sight there is nothing to close: the plan's list would be empty. Where
    // some programs could not be looked at, running pip again (run-again) finds out sooner.
    applicable: holders.length > 0,
  };
}

export function whyNotCloseProcesses({ allProcessesInspected }: RemedyFacts): string {
  return allProcessesInspected
    ? 'No program is using these files now.'
    : 'No program Pip Doctor could look at is using these files now (some could not be inspected; see what could not be checked).';
}
