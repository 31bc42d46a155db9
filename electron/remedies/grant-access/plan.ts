import { stat } from 'node:fs/promises';
import type { AccessCheck, PythonInstall } from '../../shared/model/diagnosis';
import { administratorRun, elevatedOutputDir } from '../../platform/elevation';
import { chownCommands } from '../../platform/posix/chown';
import {
  findForeignOwned,
  handBackRequest,
  handBackRoot,
  MAX_HANDED_BACK,
} from '../../platform/posix/foreignOwners';
import { handBackCommand, handBackInput } from '../../platform/posix/handBack';
import { systemProgram, whyNotUsable } from '../../platform/posix/systemProgram';
import type { Recipe } from '../planning/recipe';
import { saveThenGrantCommand } from '../../platform/windows/aclBackupScripts';
import { adminFolderName } from '../../platform/windows/elevatedWindows';
import { foldersToGrant } from './folders';
import type { DraftStep, PlanContext } from '../planning/planContext';
import {
  installFromScan,
  recipeOf,
  shownStep,
  sudoInsteadRecipe,
  TOOL_TIMEOUT_MS,
} from '../planning/planContext';
import { aclGrantChecks, handBackChecks } from './verify';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';
import { grantPlanWords as words } from './planWords';

/**
 * Gives the user the right to change the folder pip cannot write.
 * Windows: the folder's ACL is saved first (`icacls /save`, by the elevated
 * side into its administrators-only folder, its hash recorded), then the
 * user's SID gets Modify, inherited; Undo restores the saved ACL exactly,
 * once its hash is checked (aclBackupScripts.ts). POSIX: only inside the user's own
 * home, files someone else (root, after a sudo pip) left there are handed
 * back; their owners are written to the journal first, and Undo gives each
 * file back to its recorded owner. System folders are refused.
 */
export async function grantAccessPlan(ctx: PlanContext): Promise<Recipe> {
  const install = installFromScan(ctx, ctx.request.installId);
  const folders = chosenFolders(ctx, install);
  return ctx.os.grantModel === 'acl'
    ? windowsGrant(ctx, install, folders)
    : posixHandBack(ctx, install, folders[0]!);
}

/** The folder asked for, or else every folder pip may not write (foldersToGrant). */
function chosenFolders(ctx: PlanContext, install: PythonInstall): AccessCheck[] {
  const role = ctx.request.folderRole;
  const folders = role
    ? install.folders.filter((candidate) => candidate.role === role).slice(0, 1)
    : foldersToGrant(install.folders);
  if (folders.length === 0) {
    throw new UserFacingError(
      role
        ? msg(
            defineMessage({
              id: 'error.grantAccess.noRoleFolder',
              defaultMessage: 'This Python has no {role} folder in the latest scan.',
              description:
                '{role}: a folder kind as pip names it: site-packages, Scripts, prefix...',
            }),
            { role },
          )
        : msg(
            defineMessage({
              id: 'error.grantAccess.nothingToGrant',
              defaultMessage:
                'Every folder of this Python is writable for you already; nothing to grant.',
            }),
          ),
      `grant-access: no folder (role ${role ?? 'any blocked'})`,
    );
  }
  return folders;
}

function windowsGrant(ctx: PlanContext, install: PythonInstall, folders: AccessCheck[]): Recipe {
  if (ctx.userSid === null) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.grantAccess.noSid',
          defaultMessage:
            'Pip Doctor could not find out which Windows account you use, so it cannot grant it access.',
        }),
      ),
      'grant-access: user SID unknown',
    );
  }
  const sid = ctx.userSid;
  const { elevation } = ctx;
  const dirs = folders.map((folder) => folder.path.replace(/[\\/]+$/, ''));
  const grantDir = elevatedOutputDir(ctx.runFolder, 'grant', ctx.os.platform);
  // One UAC prompt: the elevated side saves each folder's ACL into its own folder, then grants.
  const grant = administratorRun(
    saveThenGrantCommand(elevation.systemRoot, dirs, sid, adminFolderName(grantDir)),
    elevation,
    grantDir,
    'oem',
    TOOL_TIMEOUT_MS,
  )!;
  const named = { folders: listOf(dirs), count: dirs.length };
  return recipeOf(ctx, {
    title: msg(words.aclTitle, named),
    installId: install.id,
    steps: [
      {
        step: shownStep({
          id: 'grant',
          title: msg(words.aclStep),
          command: grant.run.command,
          script: grant.script,
          readable: grant.readable,
          elevated: grant.elevated,
          changes: msg(words.aclChanges, named),
        }),
        spec: { kind: 'grant-acl', run: grant.run, folders: dirs },
      },
    ],
    verify: dirs.flatMap((dir) => aclGrantChecks(dir)),
    undoable: true,
    warnings: [msg(words.aclSharedWarning, named)],
  });
}

async function posixHandBack(
  ctx: PlanContext,
  install: PythonInstall,
  folder: AccessCheck,
): Promise<Recipe> {
  const uid = ctx.diagnosis.user.uid;
  const refuse = (why: 'unchecked' | 'notYourHome' | 'outside') =>
    new UserFacingError(
      msg(
        defineMessage({
          id: 'error.grantAccess.outsideHome',
          defaultMessage:
            'Pip Doctor only hands back files inside your own home folder ({home}); {path} {why, select, unchecked {cannot be checked from here} notYourHome {is not in a home folder that belongs to you} other {is outside it, or already yours}}. Use a virtual environment instead.',
          description: "{home}: the user's home folder; {path}: the folder pip could not write",
        }),
        { home: ctx.homeDir, path: folder.path, why },
      ),
      `grant-access refused: ${folder.path} ${why}`,
    );
  if (uid === null || !ctx.local) throw refuse('unchecked');
  const home = await stat(ctx.homeDir).catch(() => null);
  if (home === null || home.uid !== uid) throw refuse('notYourHome');
  const root = await handBackRoot(folder.path, ctx.homeDir, uid);
  if (root === null) throw refuse('outside');

  const scan = await findForeignOwned(root, uid);
  if (scan.truncated) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.grantAccess.tooMany',
          defaultMessage:
            '{max, plural, one {More than # file in {folder} belongs to someone else; that is not what a stray sudo pip leaves. Pip Doctor will not change them.} other {More than # files in {folder} belong to someone else; that is not what a stray sudo pip leaves. Pip Doctor will not change them.}}',
        }),
        { max: MAX_HANDED_BACK, folder: root },
      ),
      'grant-access refused: too many foreign-owned files',
    );
  }
  if (scan.entries.length === 0) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.grantAccess.allYours',
          defaultMessage: 'Every file in {folder} is yours already.',
        }),
        { folder: root },
      ),
      'grant-access: nothing foreign-owned',
    );
  }
  const warnings = scan.skipped.map((skip) =>
    msg(words.skippedWarning, { path: skip.path, reason: skip.reason }),
  );
  const files = { count: scan.entries.length, folder: root };
  const paths = scan.entries.map((entry) => entry.path);

  const python = systemProgram('python3');
  const helper = python.kind === 'found' ? handBackCommand(python.path) : null;
  const admin =
    helper &&
    administratorRun(
      helper,
      ctx.elevation,
      elevatedOutputDir(ctx.runFolder, 'chown', ctx.os.platform),
      'utf8',
      TOOL_TIMEOUT_MS,
    );
  if (admin === null || python.kind !== 'found') {
    // No way to ask for root here (or no system Python for the helper): the user runs chown with sudo.
    const chown = systemProgram('chown');
    if (chown.kind !== 'found')
      throw new UserFacingError(
        msg(
          defineMessage({
            id: 'error.grantAccess.chownUnusable',
            defaultMessage: '{why}.',
            description: '{why}: why the system program chown cannot be used (not translated yet)',
          }),
          { why: whyNotUsable(chown) },
        ),
        `chown unusable: ${chown.kind}`,
      );
    return sudoInsteadRecipe(ctx, {
      title: msg(words.sudoTitle, files),
      installId: install.id,
      commands: chownCommands(chown.path, `${uid}:${home.gid}`, paths),
      warnings,
      ...(python.kind === 'found'
        ? {}
        : { why: msg(words.cannotItself, { reason: whyNotUsable(python) }) }),
    });
  }
  // The files and their device and inode as this scan saw them go on the helper's stdin.
  const request = handBackRequest(scan.root, scan.entries, () => ({ uid, gid: home.gid }));
  const chownStep: DraftStep = {
    step: shownStep({
      id: 'chown',
      title: msg(words.chownStep),
      command: admin.run.command,
      elevated: admin.elevated,
      changes: msg(words.chownChanges, files),
    }),
    spec: {
      kind: 'chown',
      run: { ...admin.run, stdin: handBackInput(request) },
      paths,
      recordStepId: 'record-owners',
    },
  };

  return recipeOf(ctx, {
    title: msg(words.ownerTitle, files),
    installId: install.id,
    steps: [
      {
        step: shownStep({
          id: 'record-owners',
          title: msg(words.recordStep),
          changes: null,
        }),
        spec: { kind: 'record-owners', root, targetUid: uid, planned: scan.entries },
      },
      chownStep,
    ],
    verify: handBackChecks('record-owners', uid, folder.path),
    undoable: true,
    warnings,
  });
}
