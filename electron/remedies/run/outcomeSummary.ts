import type { ActionStatus, StepReport, Verification } from '../../shared/actionModel';
import type { Recipe } from '../planning/recipe';
import { englishText } from '../../engine/i18n/translator';

/** The outcome in one or two sentences, from what happened. */
export function outcomeSummary(
  recipe: Recipe,
  status: ActionStatus,
  stoppedAt: StepReport | null,
  verification: Verification,
  undoAvailable: boolean,
  /** What the user chose to keep as it was when asked (programs left running). */
  kept: readonly string[] = [],
): string {
  // The run's own words are still English sentences (issue #17 converts them next): the plan's, in English, go into them.
  const title = englishText(recipe.plan.title);
  const stepMessage = stoppedAt
    ? recipe.plan.steps.find((step) => step.id === stoppedAt.stepId)?.title
    : undefined;
  const stepTitle = stoppedAt ? (stepMessage ? englishText(stepMessage) : stoppedAt.stepId) : null;
  const undo = undoAvailable ? ' Undo takes back what was changed.' : '';
  switch (status) {
    case 'succeeded':
      return `Done: ${title}. ${verification.detail}`;
    case 'needs-restart':
      return stoppedAt
        ? `${stoppedAt.detail}`
        : `${title}: ${verification.detail} Pip Doctor remembers this and offers to continue after you sign out or restart.`;
    case 'declined':
      return `Administrator rights were not given at "${stepTitle}", so that step did not run.${undo}`;
    case 'cancelled':
      return `Cancelled at "${stepTitle ?? 'the start'}".${undo}`;
    case 'failed':
      if (!stoppedAt && kept.length > 0) {
        const it = kept.length === 1 ? 'it' : 'them';
        return `You chose to keep ${kept.join(', ')} running, so the files are still in use. Save your work, close ${it} yourself, then run your pip command again.${undo}`;
      }
      return stoppedAt
        ? `"${stepTitle}" failed: ${stoppedAt.detail}${undo}`
        : `The steps ran, but the check afterwards failed: ${verification.detail}${undo}`;
  }
}
