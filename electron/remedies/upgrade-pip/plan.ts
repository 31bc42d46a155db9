import { blockedFolder } from '../../engine/recommend/settleCause';
import { administratorRun, elevatedOutputDir, plainRun } from '../../platform/elevation';
import type { Recipe } from '../planning/recipe';
import type { PlanContext } from '../planning/planContext';
import { PIP_ENV } from '../planning/pipEnvironment';
import { installFromScan, PIP_TIMEOUT_MS, recipeOf, shownStep } from '../planning/planContext';
import { upgradePipChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import { upgradePipPlanWords as words } from './planWords';

/**
 * Always `python -m pip install --upgrade pip setuptools wheel`, never
 * pip.exe: the running pip.exe cannot replace itself on Windows (reference
 * §8.4), while python.exe is not among the files pip replaces.
 */
export function upgradePipPlan(ctx: PlanContext): Recipe {
  const install = installFromScan(ctx, ctx.request.installId);
  if (install.externallyManaged) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.upgradePip.externallyManaged',
          defaultMessage:
            "The pip of {python} belongs to your operating system's packages; upgrade it with the system's package manager, or use a virtual environment.",
        }),
        { python: install.executable },
      ),
      'upgrade-pip refused: externally managed',
    );
  }
  const command = {
    program: install.executable,
    args: ['-m', 'pip', 'install', '--upgrade', ...ctx.pipSourceArgs, 'pip', 'setuptools', 'wheel'],
    env: PIP_ENV,
  };
  const blocked = blockedFolder(install);
  const planned = blocked
    ? administratorRun(
        command,
        ctx.elevation,
        elevatedOutputDir(ctx.runFolder, 'upgrade', ctx.os.platform),
        'utf8',
        PIP_TIMEOUT_MS,
      )
    : plainRun(command, PIP_TIMEOUT_MS);
  if (planned === null) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.upgradePip.noElevation',
          defaultMessage:
            'pip cannot write to {folder} and this system offers no way to ask for administrator rights; use a virtual environment instead.',
        }),
        { folder: blocked?.path ?? install.executable },
      ),
      'upgrade-pip: blocked and no pkexec',
    );
  }
  return recipeOf(ctx, {
    title: msg(words.title, { python: install.executable }),
    installId: install.id,
    steps: [
      {
        step: shownStep({
          id: 'upgrade',
          title: msg(words.step),
          command: planned.run.command,
          script: planned.script,
          readable: planned.readable,
          elevated: planned.elevated,
          changes:
            install.pipVersion === null
              ? msg(words.changesNoVersion, { python: install.executable })
              : msg(words.changes, { version: install.pipVersion, python: install.executable }),
        }),
        spec: { kind: 'command', run: planned.run },
      },
    ],
    verify: upgradePipChecks(install.executable),
    undoable: false,
    warnings: [msg(words.noUndoWarning)],
  });
}
