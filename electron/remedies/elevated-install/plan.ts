import { sudoInstead } from '../planning/instructions';
import { administratorRun, elevatedOutputDir, plainRun } from '../../platform/elevation';
import type { Recipe } from '../planning/recipe';
import type { PlanContext } from '../planning/planContext';
import {
  installFromScan,
  pipInstall,
  PIP_TIMEOUT_MS,
  recipeOf,
  requiredPackage,
  shownStep,
} from '../planning/planContext';
import { elevatedInstallChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';

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
      `${install.executable} is managed by your operating system; installing into it as administrator can break the system's own tools. Use a virtual environment instead.`,
      'elevated-install refused: externally managed',
    );
  }
  const pkg = requiredPackage(ctx);
  const command = pipInstall(install.executable, [], pkg, ctx);
  const title = `Install ${pkg} as administrator`;
  const warnings = [
    'Every later install or upgrade of this package needs administrator rights again.',
  ];
  const admin = administratorRun(
    command,
    ctx.elevation,
    elevatedOutputDir(ctx.runFolder, 'install', ctx.os.platform),
    'utf8',
    PIP_TIMEOUT_MS,
  );
  if (admin === null) {
    const sudo = sudoInstead([command]);
    return recipeOf(ctx, {
      title,
      installId: install.id,
      steps: [],
      verify: [],
      instructions: sudo.instructions,
      undoable: false,
      warnings: [sudo.warning, ...warnings],
    });
  }
  // The check needs no administrator rights: a dry run writes nothing.
  const dryRun = ctx.request.dryRunFirst
    ? plainRun(pipInstall(install.executable, ['--dry-run'], pkg, ctx), PIP_TIMEOUT_MS)
    : null;
  return recipeOf(ctx, {
    title,
    installId: install.id,
    steps: [
      ...(dryRun
        ? [
            {
              step: shownStep({
                id: 'dry-run',
                title: `Check that ${pkg} can be installed`,
                command: dryRun.run.command,
                changes: null,
              }),
              spec: {
                kind: 'pip-install' as const,
                run: dryRun.run,
                python: install.executable,
                scope: 'environment' as const,
                dryRun: true,
              },
            },
          ]
        : []),
      {
        step: shownStep({
          id: 'install',
          title,
          command: admin.run.command,
          script: admin.script,
          elevated: admin.elevated,
          changes: `Installs ${pkg} (and what it needs) into ${install.executable}'s own folders, as administrator.`,
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
