import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { repairInstallCommands } from './commands';

export function adviseRepairInstall(facts: RemedyFacts): Advice {
  const { leftovers } = facts.target;
  const pipMissing = leftovers.some((leftover) => leftover.kind === 'pip-missing');
  const named = leftovers
    .slice(0, 2)
    .map((leftover) => leftover.path)
    .join(', ');
  return {
    reason: `An earlier pip run stopped half-way and left ${leftovers.length} leftover${leftovers.length === 1 ? '' : 's'} (${named})${pipMissing ? '; pip itself is missing' : ''}.`,
    commands: repairInstallCommands(facts),
    applicable: true,
  };
}
