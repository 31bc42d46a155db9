import { lstat, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runPlanned } from '../../platform/runElevated';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { createVenvUndo } from './undo';

export const createVenvStep: StepExecutor<'create-venv'> = {
  undo: createVenvUndo,
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

/**
 * Undo of a venv this action made: removes it only while it still is a
 * virtual environment (pyvenv.cfg in it), and keeps a folder that existed
 * (empty) before, emptied again.
 */
export const removeVenvStep: StepExecutor<'remove-venv'> = {
  async execute(spec) {
    const folder = await lstat(spec.folder).catch(() => null);
    if (folder === null) return outcome('done', `${spec.folder} is gone already.`);
    const marker = await stat(join(spec.folder, 'pyvenv.cfg')).catch(() => null);
    if (!folder.isDirectory() || !marker?.isFile()) {
      return outcome(
        'failed',
        `${spec.folder} is no longer a virtual environment, so Pip Doctor leaves it alone.`,
      );
    }
    if (spec.keepFolder) {
      for (const name of await readdir(spec.folder))
        await rm(join(spec.folder, name), { recursive: true, force: true });
      return outcome('done', `Emptied ${spec.folder} again.`);
    }
    await rm(spec.folder, { recursive: true, force: true });
    return outcome('done', `Removed ${spec.folder}.`);
  },
};
