import { defineMessages } from '@formatjs/intl';
import type { ChangeSummary } from '../../shared/changeModel';
import { msg } from '../../shared/i18n/message';
import { isUndone, stepsOf } from './replayJournal';
import type { RunHistory } from './replayJournal';
import { planWords } from '../planning/planWords';

const words = defineMessages({
  recordedWhere: {
    id: 'run.changes.recordedWhere',
    defaultMessage: '{where}',
    description:
      'Where an install went, as an older version of Pip Doctor recorded it (in English): keep as it is',
  },
});

/**
 * The journal's record of this session's runs, as the report's "What Pip
 * Doctor changed" lists them: a step counts as a change only when the
 * journal says it ran to the end and it is one that changes something.
 */
export function sessionChanges(
  runs: readonly RunHistory[],
  all: ReadonlyMap<string, RunHistory>,
): ChangeSummary[] {
  return runs.map((run) => ({
    title: run.facts?.title ?? msg(planWords.olderTitle, { title: run.title }),
    startedAt: run.startedAt,
    status: run.outcome?.status ?? null,
    verified: run.outcome?.verification.ok ?? null,
    changed: stepsOf(run)
      .filter((step) => step.changes !== null && run.results.get(step.id)?.status === 'done')
      .map((step) => step.changes!),
    isUndo: (run.facts?.undoOf ?? null) !== null,
    undone: isUndone(run, all),
    installsAgain: run.installsAgain.map(({ packageName, where, status }) => ({
      packageName,
      where: typeof where === 'string' ? msg(words.recordedWhere, { where }) : where,
      status,
    })),
  }));
}
