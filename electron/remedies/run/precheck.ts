import { readdir, stat } from 'node:fs/promises';
import type { ElevatedRun } from '../../platform/elevation';
import type { Recipe } from '../planning/recipe';
import { isInside } from '../../shared/paths';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessages } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

const refusals = defineMessages({
  changed: {
    id: 'error.precheck.changed',
    defaultMessage:
      'This computer changed since the scan ({changes}). Scan again, then choose the fix again.',
    description:
      '{changes}: a list of what changed, such as "C:\\Python312\\python.exe is not there any more"',
  },
  programGone: {
    id: 'error.precheck.programGone',
    defaultMessage: '{program} is not there any more',
    description: 'One item of the list in error.precheck.changed; {program}: a program file path',
  },
  folderExists: {
    id: 'error.precheck.folderExists',
    defaultMessage: '{folder} exists now',
    description: 'One item of the list in error.precheck.changed; {folder}: a folder path',
  },
});

/**
 * Right before a plan runs: the programs it names and the folders it would
 * create must still be as the plan saw them. Anything else means the machine
 * changed since the scan, and the user approved a plan for a different one.
 */
export async function precheckRecipe(
  recipe: Recipe,
  finished: ReadonlySet<string> = new Set(),
): Promise<void> {
  // Each change in words for the user, and as the cause the details view shows.
  const problems: { message: Message; cause: string }[] = [];
  // A venv's own python does not exist until the plan's first step makes it.
  const created = recipe.specs.flatMap(({ spec }) =>
    spec.kind === 'create-venv' ? [spec.folder] : [],
  );
  // A resumed run's finished steps do not run again: what they made is there now, as it should be.
  for (const { spec } of recipe.specs.filter(({ stepId }) => !finished.has(stepId))) {
    if ('run' in spec && spec.run !== null) {
      const program = programOf(spec.run);
      const later = program !== null && created.some((folder) => isInside(program, folder));
      if (program !== null && !later && !(await isFile(program))) {
        problems.push({
          message: msg(refusals.programGone, { program }),
          cause: `${program} is not there any more`,
        });
      }
    }
    if (spec.kind === 'create-venv') {
      const info = await stat(spec.folder).catch(() => null);
      if (info !== null && !(info.isDirectory() && (await readdir(spec.folder)).length === 0)) {
        problems.push({
          message: msg(refusals.folderExists, { folder: spec.folder }),
          cause: `${spec.folder} exists now`,
        });
      }
    }
  }
  if (problems.length > 0) {
    throw new UserFacingError(
      msg(refusals.changed, { changes: listOf(problems.map((problem) => problem.message)) }),
      `precheck: ${problems.map((problem) => problem.cause).join('; ')}`,
    );
  }
}

/** The program that really runs: pkexec's first argument, or the program itself (PowerShell for UAC). */
function programOf(run: ElevatedRun): string | null {
  const program = run.elevation === 'pkexec' ? (run.command.args[0] ?? null) : run.command.program;
  return program !== null && (program.startsWith('/') || /^[A-Za-z]:\\/.test(program))
    ? program
    : null;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
