import type { ActionPlan } from '../../shared/actionModel';
import type { PlanFacts } from './planFacts';
import { msg } from '../../shared/i18n/message';
import { planWords } from '../planning/planWords';

/**
 * A plan as the journal remembers it, for the list of interrupted and recent
 * fixes: its title and its steps' words, no command (the journal has none).
 * What would run is shown only after Resume or Undo rebuilt it.
 */
export function recordedPlan(runId: string, facts: PlanFacts | null, title = ''): ActionPlan {
  return {
    id: runId,
    remedy: facts?.remedy ?? 'run-again',
    installId: facts?.installId ?? null,
    scanId: facts?.scanId ?? '',
    title: facts?.title ?? msg(planWords.olderTitle, { title }),
    steps: (facts?.steps ?? []).map((step) => ({
      id: step.id,
      title: step.title,
      command: null,
      script: null,
      readable: null,
      byUser: false,
      changes: step.changes,
      confirmation: null,
      elevated: false,
    })),
    instructions: [],
    undoable: false,
    needsElevation: false,
    warnings: [],
    undoOf: facts?.undoOf ?? null,
  };
}
