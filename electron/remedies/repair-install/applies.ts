import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { namedPython } from '../../engine/recommend/pythonWords';
import { listOf, msg } from '../../shared/i18n/message';
import { recreateVenvCommands, repairInstallCommands } from './commands';

const words = defineMessages({
  remake: {
    id: 'advice.repair-install.reason.remake',
    defaultMessage:
      '{install} cannot run: {why}. Make it again with {python}; what was installed in it is installed again afterwards.',
    description:
      '{install} is the path of a broken Python environment, {why} why it cannot run (its base interpreter is gone), {python} the Python that makes it again (/usr/bin/python3 (Python 3.12.1))',
  },
  noPython: {
    id: 'advice.repair-install.reason.noPython',
    defaultMessage:
      '{install} cannot run: {why}, and no working Python was found to make it again with. Install Python, then make the environment again.',
    description:
      '{install} is the path of a broken Python environment, {why} why it cannot run (its base interpreter is gone)',
  },
  baseGone: {
    id: 'advice.repair-install.reason.baseGone',
    defaultMessage: 'its base interpreter is gone',
    description:
      'Why a Python environment cannot run, said after "cannot run:" in advice.repair-install.reason.remake',
  },
  leftovers: {
    id: 'advice.repair-install.reason.leftovers',
    defaultMessage:
      'An earlier pip run stopped half-way and left {count, plural, one {# leftover} other {# leftovers}} ({paths}).',
    description: '{paths} is a list of the first one or two paths it left',
  },
  leftoversPipMissing: {
    id: 'advice.repair-install.reason.leftoversPipMissing',
    defaultMessage:
      'An earlier pip run stopped half-way and left {count, plural, one {# leftover} other {# leftovers}} ({paths}); pip itself is missing.',
    description: '{paths} is a list of the first one or two paths it left',
  },
});

/**
 * Two repairs: a venv that cannot run is made again by a Python that exists;
 * an install a stopped pip run left half-done gets its leftovers removed,
 * pip back, and the half-installed packages installed again.
 */
export function adviseRepairInstall(facts: RemedyFacts): Advice | null {
  const { target } = facts;
  if (target.status === 'broken') {
    const base = facts.basePython;
    const install = target.prefix ?? target.executable;
    const why = target.statusDetail ?? msg(words.baseGone);
    return {
      reason: base
        ? msg(words.remake, { install, why, python: namedPython(base) })
        : msg(words.noPython, { install, why }),
      commands: recreateVenvCommands(facts),
      applicable: base !== null,
    };
  }
  const { leftovers } = target;
  if (leftovers.length === 0) return null;
  const pipMissing = leftovers.some((leftover) => leftover.kind === 'pip-missing');
  const values = {
    count: leftovers.length,
    paths: listOf(leftovers.slice(0, 2).map((leftover) => leftover.path)),
  };
  return {
    reason: pipMissing ? msg(words.leftoversPipMissing, values) : msg(words.leftovers, values),
    commands: repairInstallCommands(facts),
    applicable: true,
  };
}
