import { z } from 'zod';
import type { RunHistory } from '../run/replayJournal';
import type { StepUndo } from '../planning/undoSteps';
import { isVouchedPath, refuseUnvouched, undoStep } from '../planning/undoSteps';
import { msg } from '../../shared/i18n/message';
import { venvPlanWords as words } from './planWords';

const CreatedSchema = z.object({ existedBefore: z.boolean(), wasEmpty: z.boolean() });

/** Removes the venv folder (false) or empties it (true); null when the folder was there before with content. */
function keepFolderOnUndo(run: RunHistory, stepId: string): boolean | null {
  const created = CreatedSchema.safeParse(run.intents.get(stepId)?.data);
  if (!created.success) return null;
  if (!created.data.existedBefore) return false;
  return created.data.wasEmpty ? true : null;
}

/** A virtual environment this action made goes again, and what was installed into it with it. */
export const createVenvUndo: StepUndo<'create-venv'> = {
  removesEnvironment: true,
  canUndo: (run, stepId) => keepFolderOnUndo(run, stepId) !== null,
  async plan(run, stepId, spec, ctx) {
    const keepFolder = keepFolderOnUndo(run, stepId)!;
    if (!isVouchedPath(ctx.scan.userFolders, spec.folder))
      throw refuseUnvouched('ownFolder', spec.folder);
    return [
      {
        step: undoStep(
          `undo-${stepId}`,
          msg(words.undoStep, { folder: spec.folder }),
          null,
          msg(words.undoChanges, { folder: spec.folder }),
        ),
        spec: { kind: 'remove-venv', folder: spec.folder, keepFolder },
        verify: keepFolder ? [] : [{ kind: 'paths-gone', paths: [spec.folder] }],
      },
    ];
  },
};
