import { z } from 'zod';
import { deleteLongPaths, setLongPaths } from '../../platform/windows/longPaths';
import type { StepUndo } from '../planning/undoSteps';
import { asAdministrator, undoStep } from '../planning/undoSteps';
import { QUICK_TIMEOUT_MS } from '../planning/planContext';
import { msg } from '../../shared/i18n/message';
import { longPathsPlanWords as words } from './planWords';

const PreviousValueSchema = z.object({ previous: z.number().int().nullable() });

/** Puts back the value read before the change, or removes it when it was not set. */
export const setLongPathsUndo: StepUndo<'set-long-paths'> = {
  canUndo: () => true,
  async plan(run, stepId, spec, ctx, warnings) {
    const id = `undo-${stepId}`;
    const previous = PreviousValueSchema.safeParse(run.results.get(spec.readStepId)?.data);
    if (!previous.success) {
      warnings.push(msg(words.undoNotRecorded));
      return [];
    }
    const value = previous.data.previous;
    const root = ctx.elevation.systemRoot;
    const planned = asAdministrator(
      value === null ? deleteLongPaths(root) : setLongPaths(root, value),
      id,
      ctx,
      QUICK_TIMEOUT_MS,
      'oem',
    );
    return [
      {
        step: undoStep(
          id,
          msg(words.undoStep),
          planned,
          value === null ? msg(words.undoRemove) : msg(words.undoSet, { value: String(value) }),
        ),
        spec: { kind: 'command', run: planned.run },
        verify: [],
      },
    ];
  },
};
