import { z } from 'zod';
import { deleteLongPaths, setLongPaths } from '../../platform/windows/longPaths';
import type { StepUndo } from '../planning/undoSteps';
import { asAdministrator, undoStep } from '../planning/undoSteps';
import { QUICK_TIMEOUT_MS } from '../planning/planContext';

const PreviousValueSchema = z.object({ previous: z.number().int().nullable() });

/** Puts back the value read before the change, or removes it when it was not set. */
export const setLongPathsUndo: StepUndo<'set-long-paths'> = {
  canUndo: () => true,
  async plan(run, stepId, spec, ctx, warnings) {
    const id = `undo-${stepId}`;
    const previous = PreviousValueSchema.safeParse(run.results.get(spec.readStepId)?.data);
    if (!previous.success) {
      warnings.push(
        'The value of LongPathsEnabled before the change was not recorded, so it is left as it is.',
      );
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
          'Put the long paths setting back',
          planned,
          value === null
            ? 'Removes LongPathsEnabled again (it was not set before).'
            : `Sets LongPathsEnabled back to ${value}.`,
        ),
        spec: { kind: 'command', run: planned.run },
        verify: [],
      },
    ];
  },
};
