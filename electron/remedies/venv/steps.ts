import { lstat, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runPlanned } from '../../platform/runElevated';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { msg } from '../../shared/i18n/message';
import { venvStepWords } from './stepWords';
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
      msg(venvStepWords.creating),
      msg(venvStepWords.created, { folder: spec.folder }),
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
    if (folder === null)
      return outcome('done', msg(venvStepWords.goneAlready, { folder: spec.folder }));
    const marker = await stat(join(spec.folder, 'pyvenv.cfg')).catch(() => null);
    if (!folder.isDirectory() || !marker?.isFile()) {
      return outcome('failed', msg(venvStepWords.notVenv, { folder: spec.folder }));
    }
    if (spec.keepFolder) {
      for (const name of await readdir(spec.folder))
        await rm(join(spec.folder, name), { recursive: true, force: true });
      return outcome('done', msg(venvStepWords.emptied, { folder: spec.folder }));
    }
    await rm(spec.folder, { recursive: true, force: true });
    return outcome('done', msg(venvStepWords.removed, { folder: spec.folder }));
  },
};
