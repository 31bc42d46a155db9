import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { recreateVenvCommands, repairInstallCommands } from './commands';

/**
 * Two repairs: a venv that cannot run is made again by a Python that exists;
 * an install a stopped pip run left half-done gets its leftovers removed,
 * pip back, and the half-installed packages installed again.
 */
export function adviseRepairInstall(facts: RemedyFacts): Advice | null {
  const { target } = facts;
  if (target.status === 'broken') {
    const base = facts.basePython;
    return {
      reason: base
        ? `${target.prefix ?? target.executable} cannot run: ${target.statusDetail ?? 'its base interpreter is gone'}. Make it again with ${base.executable}${base.version ? ` (Python ${base.version})` : ''}; what was installed in it is installed again afterwards.`
        : `${target.prefix ?? target.executable} cannot run: ${target.statusDetail ?? 'its base interpreter is gone'}, and no working Python was found to make it again with. Install Python, then make the environment again.`,
      commands: recreateVenvCommands(facts),
      applicable: base !== null,
    };
  }
  const { leftovers } = target;
  if (leftovers.length === 0) return null;
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
