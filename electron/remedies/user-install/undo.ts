import { z } from 'zod';
import { plainRun } from '../../platform/elevation';
import { powershellCommand } from '../../platform/windows/powershell';
import { removeFromUserPathScript } from '../../platform/windows/userPathScript';
import type { StepUndo } from '../planning/undoSteps';
import { QUICK_TIMEOUT_MS } from '../planning/planContext';
import { isVouchedPath, refuseUnvouched, undoStep } from '../planning/undoSteps';
import { msg } from '../../shared/i18n/message';
import { userInstallPlanWords as words } from './planWords';

const PathChangeSchema = z.object({ changed: z.boolean(), entry: z.string() });

/** Takes the Scripts folder off the user's PATH again, only when this action put it there. */
export const userPathUndo: StepUndo<'user-path'> = {
  canUndo: (run, stepId, spec) =>
    spec.mode === 'add' &&
    PathChangeSchema.safeParse(run.results.get(stepId)?.data).data?.changed === true,
  async plan(_run, stepId, spec, ctx) {
    const id = `undo-${stepId}`;
    if (!isVouchedPath([ctx.scan.homeDir, ...ctx.scan.installFolders], spec.entry))
      throw refuseUnvouched('scriptsFolder', spec.entry);
    const script = removeFromUserPathScript(spec.entry);
    const planned = plainRun(powershellCommand(ctx.elevation.systemRoot, script), QUICK_TIMEOUT_MS);
    return [
      {
        step: undoStep(
          id,
          msg(words.undoPathStep),
          planned,
          msg(words.undoPathChanges, { folder: spec.entry }),
        ),
        spec: { kind: 'user-path', run: planned.run, entry: spec.entry, mode: 'remove' },
        verify: [],
      },
    ];
  },
};
