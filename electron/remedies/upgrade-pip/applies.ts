import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { upgradePipCommands } from './commands';

/** The oldest pip that installs today's wheels well (manylinux2014, PEP 600, the 2020 resolver). */
const OLD_PIP_MAJOR = 21;

export function adviseUpgradePip(facts: RemedyFacts): Advice | null {
  const { target } = facts;
  const major = Number(target.pipVersion?.split('.')[0] ?? NaN);
  if (!(major < OLD_PIP_MAJOR) || target.externallyManaged) return null;
  return {
    reason: `pip ${target.pipVersion} is old; newer pip finds prebuilt wheels and gives clearer errors.`,
    commands: upgradePipCommands(facts),
    applicable: true,
  };
}
