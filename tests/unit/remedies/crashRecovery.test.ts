import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ActionJournal } from '../../../electron/remedies/run/journal';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import { buildDemoWheels } from './buildWheel';
import { runActionInChild } from '../../support/childAction';
import { errorCodeOf } from '../../support/errorCode';
import { refusalOf } from '../../support/refusal';
import { english } from '../../support/english';

describe('the journal survives a crash, a torn line and a cancel', () => {
  const root = tempTree('crash');
  const wheels = join(root, 'wheels');

  beforeAll(() => {
    mkdirSync(wheels);
    buildDemoWheels(wheels);
  });

  test('an app killed between a step’s intent and its result: replay says where, resume finishes, undo still works', async () => {
    const project = join(root, 'killed');
    mkdirSync(project);
    const harness = createHarness(root, { wheelDir: wheels, projectDir: project });
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const dataDir = join(root, 'killed-data');
    const run = runActionInChild(
      {
        dataDir,
        homeDir: project,
        pipSourceArgs: ['--no-index', '--find-links', wheels],
        scanId: scan.scanId,
        diagnosis: scan.diagnosis,
        request: scan.request({
          remedy: 'venv',
          installId: scan.installOf(SYSTEM_PYTHON).id,
          packageName: 'pipdoctor-demo',
        }),
        pauseAt: 'install',
        consent: false,
      },
      join(root, 'killed-job.json'),
    );
    const plan = await run.plan;
    const paused = await run.paused;
    // The process killed is the one that ran the action and paused in it, and it is gone before the journal is read.
    expect(paused).toBe(run.child.pid);
    const group = await run.killGroup();
    expect(group).toContain(paused);
    expect(errorCodeOf(() => process.kill(paused, 0))).toBe('ESRCH');
    // And the power went while the next line was half written.
    const journalFile = join(dataDir, 'actions', 'journal.jsonl');
    appendFileSync(
      journalFile,
      `{"v":1,"at":"2026-11-24T08:00:00.000Z","runId":"${plan.id}","type":"step-res`,
    );

    const journal = new ActionJournal(dataDir);
    expect((await journal.read()).skippedLines).toBe(1);
    const [pending, ...others] = await journal.pendingActions();
    expect(others).toEqual([]);
    expect(pending).toMatchObject({
      runId: plan.id,
      status: null,
      stoppedAt: { stepId: 'install', state: 'started' },
      completedSteps: ['create-venv'],
      choices: ['resume', 'undo', 'mark-resolved'],
    });
    expect(english(pending!.explanation)).toContain('whether that step finished is not known');

    // The next start of the app: a new service over the same data folder.
    // The app as it starts again: the same settings (where pip finds packages), nothing else carried over.
    const restarted = createHarness(root, {
      wheelDir: wheels,
      projectDir: project,
      extra: { dataDir },
    });
    // No scan in the new process yet: Resume asks for one before it builds anything.
    expect(await refusalOf(restarted.service.planResume(plan.id))).toMatch(/Scan, then choose it/);
    await restarted.scan([SYSTEM_PYTHON]);
    const shown = await restarted.service.planResume(plan.id);
    expect(shown.steps.map((step) => step.id)).toEqual(['create-venv', 'install']);
    const outcome = await restarted.service.resume(plan.id);
    expect(outcome.status, english(outcome.summary)).toBe('succeeded');
    expect(english(outcome.verification.detail)).toContain('`import demo_module` works');
    expect(await restarted.service.pendingActions()).toEqual([]);
    // The torn line stays torn, and every entry written after it is whole.
    const lines = readFileSync(journalFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    expect(lines.filter((line) => !line.endsWith('}'))).toHaveLength(1);
    expect((await journal.read()).skippedLines).toBe(1);

    // The record from before the first attempt still decides the undo: the venv was made by this action.
    const undo = await restarted.service.planUndo(plan.id);
    expect((await restarted.service.run(undo.id)).status).toBe('succeeded');
    expect(existsSync(join(project, '.venv'))).toBe(false);
  }, 120_000);

  test('a cancel mid-way is remembered: pending with resume and undo, until resumed', async () => {
    const project = join(root, 'cancelled');
    mkdirSync(project);
    const harness = createHarness(root, {
      wheelDir: wheels,
      projectDir: project,
      onProgress(event, service) {
        if (event.type === 'step-started' && event.stepId === 'install')
          service.cancel(event.runId);
      },
    });
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const plan = await harness.service.plan(
      scan.request({
        remedy: 'venv',
        installId: scan.installOf(SYSTEM_PYTHON).id,
        packageName: 'pipdoctor-demo',
      }),
    );
    const outcome = await harness.service.run(plan.id);
    expect(outcome.status).toBe('cancelled');
    expect(outcome.steps.map((step) => step.status)).toEqual(['done', 'cancelled']);
    expect(outcome.undoAvailable).toBe(true);

    const [pending] = await harness.service.pendingActions();
    expect(pending).toMatchObject({
      runId: plan.id,
      status: 'cancelled',
      stoppedAt: { stepId: 'install', state: 'cancelled' },
    });
    expect(pending!.choices).toEqual(['resume', 'undo', 'mark-resolved']);

    const quiet = createHarness(root, {
      wheelDir: wheels,
      projectDir: project,
      extra: { dataDir: harness.dataDir },
    });
    await quiet.scan([SYSTEM_PYTHON]);
    await quiet.service.planResume(plan.id);
    expect((await quiet.service.resume(plan.id)).status).toBe('succeeded');
    expect(await quiet.service.pendingActions()).toEqual([]);
  }, 120_000);
});
