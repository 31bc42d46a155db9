import { blockedFolder } from '../../engine/recommend/settleCause';
import type { Command } from '../../shared/actionModel';
import { plainRun } from '../../platform/elevation';
import type { Recipe } from '../planning/recipe';
import type { DraftStep, PlanContext } from '../planning/planContext';
import { PIP_ENV } from '../planning/pipEnvironment';
import {
  holderRootsOf,
  installFromScan,
  PIP_TIMEOUT_MS,
  recipeOf,
  shownStep,
} from '../planning/planContext';
import { repairInstallChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';
import { repairPlanWords as words } from './planWords';

/**
 * Clears what a pip run that stopped half-way left: `~` stash folders and
 * `*.deleteme` launchers, once no program holds them, and a pip lost in a
 * failed self-upgrade (`python -m ensurepip --upgrade`). ensurepip runs
 * first: a stashed `~ip` may be the only copy of pip until it has.
 */
export function repairInstallPlan(ctx: PlanContext): Recipe {
  const install = installFromScan(ctx, ctx.request.installId);
  const leftovers = install.leftovers;
  if (leftovers.length === 0) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.repair.nothingFound',
          defaultMessage: 'The latest scan found nothing to repair in this Python.',
        }),
      ),
      'no leftovers',
    );
  }
  const blocked = blockedFolder(install);
  if (blocked) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.repair.notWritable',
          defaultMessage:
            'The leftovers are in {folder}, which you cannot change; remove them as administrator, or use a virtual environment.',
        }),
        { folder: blocked.path },
      ),
      'repair-install: site-packages not writable',
    );
  }
  const files = leftovers.filter((leftover) => leftover.kind !== 'pip-missing').map((l) => l.path);
  const pipMissing = leftovers.some((leftover) => leftover.kind === 'pip-missing');

  const steps: DraftStep[] = [
    {
      step: shownStep({
        id: 'check-holders',
        title: msg(words.checkStep),
        changes: null,
      }),
      spec: { kind: 'check-unheld', roots: holderRootsOf(install), paths: files },
    },
  ];
  if (pipMissing) {
    const ensurepip: Command = {
      program: install.executable,
      args: ['-m', 'ensurepip', '--upgrade'],
      env: PIP_ENV,
    };
    const run = plainRun(ensurepip, PIP_TIMEOUT_MS);
    steps.push({
      step: shownStep({
        id: 'ensurepip',
        title: msg(words.ensurepipStep),
        command: run.run.command,
        changes: msg(words.ensurepipChanges, { python: install.executable }),
      }),
      spec: { kind: 'command', run: run.run },
    });
  }
  if (files.length > 0) {
    steps.push({
      step: shownStep({
        id: 'remove-leftovers',
        title: msg(words.removeStep),
        changes: msg(words.removeChanges, { paths: listOf(files) }),
      }),
      spec: { kind: 'remove-paths', paths: files },
    });
  }
  return recipeOf(ctx, {
    title: msg(words.title, { python: install.executable }),
    installId: install.id,
    steps,
    verify: repairInstallChecks(install.executable, files),
    undoable: false,
    warnings: [msg(words.noBackWarning)],
  });
}
