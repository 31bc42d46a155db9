import { administratorRun, elevatedOutputDir, plainRun } from '../../platform/elevation';
import type { Recipe } from '../planning/recipe';
import { queryLongPaths, setLongPaths } from '../../platform/windows/longPaths';
import type { PlanContext } from '../planning/planContext';
import { QUICK_TIMEOUT_MS, recipeOf, shownStep } from '../planning/planContext';
import { enableLongPathsChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import { longPathsPlanWords as words } from './planWords';

/**
 * Windows only: LongPathsEnabled=1 under HKLM, as administrator. The value
 * before is read and journaled first so Undo can put exactly it back
 * (including "not set at all"). Programs read it when they start, so a new
 * terminal (and editor) is needed afterwards.
 */
export function enableLongPathsPlan(ctx: PlanContext): Recipe {
  if (ctx.os.pathLengthLimit === null) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.longPaths.notWindows',
          defaultMessage:
            'Long paths are a Windows setting; this system has no 260-character limit to lift.',
        }),
      ),
      `enable-long-paths on ${ctx.os.platform}`,
    );
  }
  if (ctx.diagnosis.settings.longPathsEnabled === true) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.longPaths.enabledAlready',
          defaultMessage: 'Long paths are already enabled on this computer.',
        }),
      ),
      'LongPathsEnabled is 1',
    );
  }
  const { systemRoot } = ctx.elevation;
  const read = plainRun(queryLongPaths(systemRoot), QUICK_TIMEOUT_MS);
  const set = administratorRun(
    setLongPaths(systemRoot, 1),
    ctx.elevation,
    elevatedOutputDir(ctx.runFolder, 'enable', ctx.os.platform),
    'oem',
    QUICK_TIMEOUT_MS,
  )!;
  return recipeOf(ctx, {
    title: msg(words.title),
    installId: ctx.request.installId,
    steps: [
      {
        step: shownStep({
          id: 'read-setting',
          title: msg(words.readStep),
          command: read.run.command,
          changes: null,
        }),
        spec: { kind: 'read-long-paths', run: read.run },
      },
      {
        step: shownStep({
          id: 'enable',
          title: msg(words.enableStep),
          command: set.run.command,
          script: set.script,
          readable: set.readable,
          elevated: set.elevated,
          changes: msg(words.enableChanges, {
            key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem',
          }),
        }),
        spec: { kind: 'set-long-paths', run: set.run, readStepId: 'read-setting' },
      },
    ],
    verify: enableLongPathsChecks(read.run),
    instructions: [
      {
        title: msg(words.newTerminalTitle),
        where: 'note',
        text: msg(words.newTerminalText),
      },
    ],
    undoable: true,
  });
}
