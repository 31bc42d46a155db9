import type { PlannedRun } from '../../platform/elevation';
import { administratorRun, elevatedOutputDir } from '../../platform/elevation';
import { handBackRequest, isHandBackRootInHome } from '../../platform/posix/foreignOwners';
import { isStrictlyInside } from '../../shared/paths';
import { handBackCommand, handBackInput } from '../../platform/posix/handBack';
import { systemProgram, whyNotUsable } from '../../platform/posix/systemProgram';
import { scriptOf } from '../../platform/windows/powershell';
import type { RunHistory } from '../run/replayJournal';
import type { SpecOf } from '../planning/recipe';
import type { StepUndo, UndoContext, UndoStep } from '../planning/undoSteps';
import { undoStep } from '../planning/undoSteps';
import { RecordedOwnersSchema } from './specs';

/** ACL systems: the permissions saved before the grant are put back exactly (icacls /restore). */
export const grantAclUndo: StepUndo<'grant-acl'> = {
  canUndo: () => true,
  async plan(_run, stepId, spec) {
    const planned: PlannedRun = {
      run: spec.restore,
      script: scriptOf(spec.restore.command),
      elevated: spec.restore.elevation !== 'none',
    };
    return [
      {
        step: undoStep(
          `undo-${stepId}`,
          'Put the saved permissions back',
          planned,
          'Restores the permissions saved before access was granted, exactly as they were.',
        ),
        spec: { kind: 'command', run: spec.restore },
        verify: [],
      },
    ];
  },
};

/** Owner systems: each file goes back to the owner recorded before the change, through the same helper. */
export const chownUndo: StepUndo<'chown'> = {
  canUndo: () => true,
  plan: (run, stepId, spec, ctx, warnings) => chownBack(run, stepId, spec, ctx, warnings),
};

async function chownBack(
  run: RunHistory,
  stepId: string,
  spec: SpecOf<'chown'>,
  ctx: UndoContext,
  warnings: string[],
): Promise<UndoStep[]> {
  const id = `undo-${stepId}`;
  const recorded = RecordedOwnersSchema.safeParse(run.results.get(spec.recordStepId)?.data);
  if (!recorded.success) {
    warnings.push('The former owners were not recorded, so the files stay yours.');
    return [];
  }
  // The journal is the user's file: root acts only inside the home folder, below the recorded root.
  const root = recorded.data.root.path;
  const home = ctx.homeDir;
  if (home === undefined || !(await isHandBackRootInHome(root, home))) {
    warnings.push(
      `${root} is not a folder inside your home folder (${home ?? 'unknown'}), so Pip Doctor will not change owners there; the files stay as they are.`,
    );
    return [];
  }
  const mine = new Set(spec.paths);
  const entries = recorded.data.entries.filter(
    (entry) => mine.has(entry.path) && (entry.path === root || isStrictlyInside(entry.path, root)),
  );
  // Found again now, from the system's folders: never the program the journal names.
  const python = systemProgram('python3');
  const planned =
    python.kind === 'found'
      ? administratorRun(
          handBackCommand(python.path),
          ctx.elevation,
          elevatedOutputDir(ctx.runFolder, id, run.recipe.platform),
          'utf8',
          spec.run.timeoutMs,
        )
      : null;
  if (planned === null) {
    warnings.push(
      python.kind === 'found'
        ? `${ctx.elevation.pkexecProblem ?? 'Pip Doctor cannot ask for administrator rights here (pkexec is not installed)'}, so the files stay yours.`
        : `${whyNotUsable(python)}, so the files stay yours.`,
    );
    return [];
  }
  // Each file's recorded device and inode: a file swapped since is refused, not given away.
  const request = handBackRequest(recorded.data.root, entries, (entry) => ({
    uid: entry.uid,
    gid: entry.gid,
  }));
  const owners = [...new Set(entries.map((entry) => `${entry.uid}:${entry.gid}`))];
  const whom =
    owners.length === 1
      ? owners[0] === '0:0'
        ? 'root'
        : `uid:gid ${owners[0]}`
      : 'their former owners';
  const files = `${entries.length} file${entries.length === 1 ? '' : 's'}`;
  return [
    {
      step: undoStep(
        id,
        `Give ${files} back to ${whom}`,
        planned,
        `Makes each of ${files} belong again to the owner recorded before the change (${owners.join(', ')}).`,
      ),
      spec: {
        kind: 'chown' as const,
        run: { ...planned.run, stdin: handBackInput(request) },
        paths: entries.map((entry) => entry.path),
        recordStepId: spec.recordStepId,
      },
      verify: [],
    },
  ];
}
