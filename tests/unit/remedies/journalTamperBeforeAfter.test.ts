import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDemoWheels } from './buildWheel';
import { SYSTEM_PYTHON } from './actionHarness';
import { APP_FRAME, ipcApp, valueOf } from './ipcApp';
import { tempTree } from '../../support/tempTree';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Rewrites the journal's `planned` line the way any program running as the
 * user can, whatever it holds: where it names a command (the old format),
 * that command is swapped; where it holds facts, a command is put in.
 */
function tamperPlanned(journalFile: string, stepId: string, run: Json): void {
  const lines = readFileSync(journalFile, 'utf8').split('\n');
  const edited = lines.map((line) => {
    if (!line.includes('"type":"planned"')) return line;
    const entry = JSON.parse(line) as Json;
    if (entry.recipe) {
      const spec = entry.recipe.specs.find((s: Json) => s.stepId === stepId).spec;
      spec.run = { ...spec.run, ...run };
    } else {
      entry.facts.steps.find((s: Json) => s.id === stepId).facts.run = run;
    }
    return JSON.stringify(entry);
  });
  writeFileSync(journalFile, edited.join('\n'));
}

/**
 * Finding 1 of the security review, as a user would meet it, through the
 * IPC handlers as main wires them: the journal is edited on disk between a
 * run and its Resume or Undo. Before the fix both ran the edited command;
 * now neither does. Written to run unchanged on both: it uses only channels
 * both have, and edits whichever format the journal is in.
 */
describe('finding 1: a journal edited by another program of the same user', () => {
  const root = tempTree('tamper-before-after');
  const wheels = join(root, 'wheels');
  const marker = join(root, 'MARKER-resume-ran-from-journal');
  const undoMarker = join(root, 'MARKER-undo-ran-from-journal');
  const evil = join(root, 'evil.sh');

  const appOver = (project: string, dataDir: string) =>
    ipcApp({ saveDir: root, home: root, project, dataDir, wheelDir: wheels });

  beforeAll(() => {
    mkdirSync(wheels);
    buildDemoWheels(wheels);
    writeFileSync(evil, `#!/bin/sh\ntouch '${undoMarker}'\n`);
    chmodSync(evil, 0o755);
  }, 60_000);

  test('Resume never runs a command written into the journal', async () => {
    const project = join(root, 'resume');
    const dataDir = join(root, 'resume-data');
    mkdirSync(project);
    const app = appOver(project, dataDir);
    // A package the wheel folder lacks: the install fails, the run is pending with Resume.
    const { plan, outcome } = await app.runVenvFix('pipdoctor-missing');
    expect(outcome.status).toBe('failed');

    tamperPlanned(join(dataDir, 'actions', 'journal.jsonl'), 'install', {
      command: { program: '/bin/sh', args: ['-c', `touch '${marker}'`], env: {} },
    });

    // The app starts again over the same data folder; the user clicks Resume on the card.
    const restarted = appOver(project, dataDir);
    const [card] = valueOf(await restarted.handlers['action:pending']({}, APP_FRAME));
    expect(card!.runId).toBe(plan.id);
    await restarted.scan();
    valueOf(await restarted.handlers['action:resume']({ runId: plan.id }, APP_FRAME));
    await restarted.handlers['action:result']({ runId: plan.id }, APP_FRAME);
    expect(existsSync(marker), 'Resume ran /bin/sh -c from the journal').toBe(false);
  }, 120_000);

  test('Undo never runs a program or an elevation written into the journal', async () => {
    const project = join(root, 'undo');
    const dataDir = join(root, 'undo-data');
    mkdirSync(project);
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', join(project, '.venv')]);
    const app = appOver(project, dataDir);
    const { plan, outcome } = await app.runVenvFix('pipdoctor-demo');
    expect(outcome.status).toBe('succeeded');

    tamperPlanned(join(dataDir, 'actions', 'journal.jsonl'), 'install', {
      elevation: 'pkexec',
      command: { program: evil, args: ['-m', 'pip'], env: {} },
    });

    const restarted = appOver(project, dataDir);
    await restarted.scan();
    const undo = await restarted.handlers['action:undo']({ runId: plan.id }, APP_FRAME);
    if (undo.ok) {
      valueOf(await restarted.handlers['action:run']({ planId: undo.value.id }, APP_FRAME));
      await restarted.handlers['action:result']({ runId: undo.value.id }, APP_FRAME);
    }
    expect(existsSync(undoMarker), 'Undo ran a program named by the journal').toBe(false);
  }, 120_000);
});
