import { readdir, readFile, stat } from 'node:fs/promises';
import { parseAclBackup } from '../../platform/windows/icacls';
import { parseLongPathsQuery } from '../../platform/windows/longPaths';
import { parseUserPathResult } from '../../platform/windows/userPathScript';
import { commandOutcome } from './commandOutcome';
import { outputTail, runPlanned } from './runPlanned';
import type { StepExecutor } from './stepContext';
import { outcome } from './stepContext';

/** Steps that are one planned command, read by its exit code and, for some, its output. */

export const commandStep: StepExecutor<'command'> = {
  async execute(spec, ctx) {
    return commandOutcome(await runPlanned(spec.run, ctx), 'The command', 'Done.');
  },
};

export const createVenvStep: StepExecutor<'create-venv'> = {
  /** Whether the folder was there before: Undo removes only a folder this action made. */
  async prepare(spec) {
    const info = await stat(spec.folder).catch(() => null);
    if (info === null) return { existedBefore: false, wasEmpty: false };
    return {
      existedBefore: true,
      wasEmpty: info.isDirectory() && (await readdir(spec.folder)).length === 0,
    };
  },
  async execute(spec, ctx) {
    return commandOutcome(
      await runPlanned(spec.run, ctx),
      'Creating the virtual environment',
      `Created ${spec.folder}.`,
    );
  },
};

export const saveAclStep: StepExecutor<'save-acl'> = {
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    const ended = commandOutcome(result, 'Saving the permissions', `Saved to ${spec.backupFile}.`);
    if (ended.status !== 'done' && ended.status !== 'failed') return ended;
    // icacls /C goes on past files it cannot read and then exits non-zero; the backup decides.
    const backup = await readFile(spec.backupFile).catch(() => null);
    const entries = backup ? parseAclBackup(backup) : null;
    if (entries === null || entries.length === 0) {
      return outcome(
        'failed',
        'The saved permissions could not be read back, so nothing was changed: without a backup there would be no Undo.',
        { output: ended.output },
      );
    }
    return outcome(
      'done',
      `Saved the permissions of ${entries.length} files and folders to ${spec.backupFile}.`,
      {
        output: ended.output,
        data: { entries: entries.length },
      },
    );
  },
};

export const grantAclStep: StepExecutor<'grant-acl'> = {
  async execute(spec, ctx) {
    return commandOutcome(
      await runPlanned(spec.run, ctx),
      'Granting access',
      'Your account can now change the folder.',
    );
  },
};

export const readLongPathsStep: StepExecutor<'read-long-paths'> = {
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    if (result.kind !== 'ran') return commandOutcome(result, 'Reading the setting', '');
    const previous = parseLongPathsQuery(result.exitCode, result.stdout);
    if (previous === undefined) {
      return outcome(
        'failed',
        'reg.exe printed something Pip Doctor does not understand; nothing was changed.',
        {
          output: outputTail(result),
        },
      );
    }
    return outcome(
      'done',
      previous === null ? 'LongPathsEnabled is not set.' : `LongPathsEnabled is ${previous}.`,
      {
        output: outputTail(result),
        data: { previous },
      },
    );
  },
};

export const setLongPathsStep: StepExecutor<'set-long-paths'> = {
  async execute(spec, ctx) {
    return commandOutcome(
      await runPlanned(spec.run, ctx),
      'Enabling long paths',
      'Long paths are enabled.',
    );
  },
};

export const userPathStep: StepExecutor<'user-path'> = {
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    const parsed = result.kind === 'ran' ? parseUserPathResult(result.stdout) : null;
    const ended = commandOutcome(result, 'Changing your PATH', '', parsed);
    if (ended.status !== 'done') return ended;
    if (parsed === null)
      return outcome('failed', 'The PATH script did not report what it did.', {
        output: ended.output,
      });
    const detail =
      spec.mode === 'add'
        ? parsed.changed
          ? `Added ${spec.entry} to your PATH. Terminals opened from now on find it.`
          : `${spec.entry} was on your PATH already.`
        : parsed.changed
          ? `Took ${spec.entry} off your PATH.`
          : `${spec.entry} was not on your PATH any more.`;
    return { ...ended, detail };
  },
};

export const chownStep: StepExecutor<'chown'> = {
  async execute(spec, ctx) {
    return commandOutcome(
      await runPlanned(spec.run, ctx),
      'Changing the owner',
      `${spec.paths.length} file${spec.paths.length === 1 ? ' is' : 's are'} yours now.`,
    );
  },
};
