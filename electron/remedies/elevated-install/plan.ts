import { administratorRun, elevatedOutputDir } from '../../platform/elevation';
import type { Recipe } from '../planning/recipe';
import type { PlanContext } from '../planning/planContext';
import {
  dryRunStep,
  installFromScan,
  PIP_TIMEOUT_MS,
  pipInstall,
  recipeOf,
  requiredPackage,
  shownStep,
  sudoInsteadRecipe,
} from '../planning/planContext';
import { elevatedInstallChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import { elevatedPlanWords as words } from './planWords';

/**
 * pip as administrator: through UAC on Windows, pkexec elsewhere. Where no
 * pkexec exists the plan only shows the sudo command for the user to run:
 * the app never types a password for anyone. Refusing the prompt is an
 * answer (`declined`), not an error.
 */
export function elevatedInstallPlan(ctx: PlanContext): Recipe {
  const install = installFromScan(ctx, ctx.request.installId);
  if (install.externallyManaged) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.elevatedInstall.externallyManaged',
          defaultMessage:
            "{python} is managed by your operating system; installing into it as administrator can break the system's own tools. Use a virtual environment instead.",
        }),
        { python: install.executable },
      ),
      'elevated-install refused: externally managed',
    );
  }
  const pkg = requiredPackage(ctx);
  const command = pipInstall(install.executable, [], pkg, ctx);
  const title = msg(words.title, { package: pkg });
  const warnings = [msg(words.againWarning)];
  const admin = administratorRun(
    command,
    ctx.elevation,
    elevatedOutputDir(ctx.runFolder, 'install', ctx.os.platform),
    'utf8',
    PIP_TIMEOUT_MS,
  );
  if (admin === null) {
    return sudoInsteadRecipe(ctx, { title, installId: install.id, commands: [command], warnings });
  }
  return recipeOf(ctx, {
    title,
    installId: install.id,
    steps: [
      // The check needs no administrator rights: a dry run writes nothing.
      ...dryRunStep(ctx, install.executable, [], pkg, 'environment'),
      {
        step: shownStep({
          id: 'install',
          title,
          command: admin.run.command,
          script: admin.script,
          readable: admin.readable,
          elevated: admin.elevated,
          changes: msg(words.changes, { package: pkg, python: install.executable }),
        }),
        spec: {
          kind: 'pip-install',
          run: admin.run,
          python: install.executable,
          scope: 'environment',
          dryRun: false,
        },
      },
    ],
    verify: elevatedInstallChecks(install.executable, pkg),
    undoable: true,
    warnings,
  });
}
