import type { ElevationFacts, PlannedRun } from '../../platform/elevation';
import { administratorRun, elevatedOutputDir, plainRun } from '../../platform/elevation';
import type { OsTraits } from '../../platform/osTraits';
import type { OutputEncoding } from '../../platform/windows/elevatedWindows';
import type { ActionStep, Command } from '../../shared/actionModel';
import { isInside } from '../../shared/paths';
import type { RunHistory } from '../run/replayJournal';
import type { FactsOf } from '../run/planFacts';
import type { StepKind, StepSpec, VerifySpec } from './recipe';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

/**
 * The pieces every step kind's undo is made of. Undo is an action of its
 * own: a plan built from what the journal recorded, shown before it runs,
 * run and journaled like any other (planning/undoPlan.ts puts it together).
 * The journal gives facts only (a folder, an interpreter, paths, a backup's
 * hash); each kind builds its commands itself, with the rights it decides,
 * after checking those facts against a fresh scan (UndoContext.scan).
 */

export interface UndoContext {
  runId: string;
  runFolder: string;
  elevation: ElevationFacts;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** The folder of the run being undone: its backups are there, and nowhere else. */
  originalRunFolder: string;
  scan: ScanFacts;
}

/** What a fresh scan and main's own settings vouch for; a fact of the journal must agree with it. */
export interface ScanFacts {
  os: OsTraits;
  /** The interpreters of the scan an undo may run pip with (besides a venv's in the user's own folders). */
  pythons: ReadonlySet<string>;
  /** Of those, the ones whose own site-packages the user cannot write: pip runs as administrator there. */
  adminPythons: ReadonlySet<string>;
  /** The user's own folders: the project, the home folder, a folder picked in main's dialog. */
  userFolders: readonly string[];
  /** The folders of the scanned installs (site-packages, Scripts, the prefix). */
  installFolders: readonly string[];
  homeDir: string;
}

/** What a fact of the journal claims a path to be, for refuseUnvouched's words. */
export type UnvouchedKind = 'installFolder' | 'homeFile' | 'ownFolder' | 'python' | 'scriptsFolder';

/** Refuses a fact the fresh scan does not vouch for: the journal is a file anyone running as the user can edit. */
export function refuseUnvouched(what: UnvouchedKind, path: string): UserFacingError {
  return new UserFacingError(
    msg(
      defineMessage({
        id: 'error.undo.unvouched',
        defaultMessage:
          "Pip Doctor's record of this action names {path}, which the latest scan does not show as {what, select, installFolder {a folder of this Python} homeFile {a file in your home folder} ownFolder {a folder of yours} python {a Python} other {a Scripts folder of yours}}. The record may have been changed, so Pip Doctor will not undo it. Dismiss it, or undo the change by hand.",
        description: '{path}: a file or folder path from the record of an earlier fix',
      }),
      { path, what },
    ),
    `undo: ${path} is not a known ${what}`,
  );
}

export function isVouchedPath(folders: readonly string[], path: string): boolean {
  return folders.some((folder) => isInside(path, folder));
}

/** One step of an undo plan, with the checks that prove it worked. */
export interface UndoStep {
  step: ActionStep;
  spec: StepSpec;
  verify: VerifySpec[];
}

/** What the other steps of the same run mean for this one's undo. */
export interface UndoScope {
  /** Another step's undo removes the whole environment, and what was installed into it with it. */
  removesEnvironment: boolean;
}

export interface StepUndo<K extends StepKind> {
  /** Whether the step changed something its undo can take back, from the journal alone (sync). */
  canUndo(run: RunHistory, stepId: string, facts: FactsOf<K>, scope: UndoScope): boolean;
  /**
   * The steps that take it back, commands built here from the facts; none,
   * with a warning, when the journal recorded too little. Throws when a
   * fact is not what the fresh scan shows.
   */
  plan(
    run: RunHistory,
    stepId: string,
    facts: FactsOf<K>,
    ctx: UndoContext,
    warnings: Message[],
  ): Promise<UndoStep[]>;
  /** Undoing this step removes everything installed into its environment too. */
  removesEnvironment?: boolean;
}

/** A step of an undo plan as the user sees it. */
export function undoStep(
  id: string,
  title: Message,
  planned: PlannedRun | null,
  changes: Message,
): ActionStep {
  return {
    id,
    title,
    command: planned?.run.command ?? null,
    script: planned?.script ?? null,
    readable: planned?.readable ?? null,
    byUser: false,
    changes,
    confirmation: null,
    elevated: planned?.elevated ?? false,
  };
}

/**
 * The undo command as administrator (a change made as administrator is
 * taken back as one): pkexec as main found it, or UAC. The kind decides
 * this, never the journal.
 */
export function asAdministrator(
  command: Command,
  stepId: string,
  ctx: UndoContext,
  timeoutMs: number,
  encoding: OutputEncoding = 'utf8',
): PlannedRun {
  const admin = administratorRun(
    command,
    ctx.elevation,
    elevatedOutputDir(ctx.runFolder, stepId, ctx.scan.os.platform),
    encoding,
    timeoutMs,
  );
  if (admin === null) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.undo.noPkexec',
          defaultMessage:
            'Pip Doctor cannot ask for administrator rights on this system (pkexec is not installed), so it cannot undo this change.',
        }),
      ),
      'undo needs administrator rights: no pkexec',
    );
  }
  return admin;
}

export { plainRun };
