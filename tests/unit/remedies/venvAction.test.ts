import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import { buildDemoWheels } from './buildWheel';
import { refusalOf } from '../../support/refusal';
import { english } from '../../support/english';

describe('venv: a real virtual environment, a real install, verified by importing, undone', () => {
  const root = tempTree('venv-action');
  const wheels = join(root, 'wheels');
  const project = join(root, 'my project ü');

  beforeAll(() => {
    mkdirSync(wheels);
    mkdirSync(project);
    buildDemoWheels(wheels);
    // A module of the same name in the project folder must not pass for the installed one.
    writeFileSync(
      join(project, 'demo_module.py'),
      'raise ImportError("the project file, not the package")\n',
    );
  });

  test('creates .venv in the project, installs the package and its dependency, imports it, then undo removes the folder', async () => {
    const harness = createHarness(root, { wheelDir: wheels, projectDir: project });
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const base = scan.installOf(SYSTEM_PYTHON);
    const plan = await harness.service.plan(
      scan.request({
        remedy: 'venv',
        installId: base.id,
        packageName: 'pipdoctor-demo',
        dryRunFirst: true,
      }),
    );
    const venv = join(project, '.venv');
    expect(plan.steps.map((step) => step.id)).toEqual(['create-venv', 'dry-run', 'install']);
    expect(plan.steps[0]!.command).toEqual({
      program: base.executable,
      args: ['-m', 'venv', venv],
      env: {},
    });
    expect(plan.steps[2]!.command?.program).toBe(join(venv, 'bin', 'python'));
    expect(plan.steps[2]!.command?.args).toEqual([
      '-m',
      'pip',
      'install',
      '--no-index',
      '--find-links',
      wheels,
      'pipdoctor-demo',
    ]);
    expect(plan.steps[1]!.command?.args).toContain('--dry-run');
    expect(plan.undoable).toBe(true);
    expect(plan.instructions.map((i) => i.text)).toEqual(
      expect.arrayContaining([
        `source '${join(venv, 'bin', 'activate')}'`,
        `source '${join(venv, 'bin', 'activate.fish')}'`,
      ]),
    );
    const vscode = plan.instructions.find((i) => i.where === 'vscode');
    expect(vscode && typeof vscode.text !== 'string' ? english(vscode.text) : null).toContain(
      'Python: Select Interpreter',
    );

    const outcome = await harness.service.run(plan.id);
    expect(outcome.status, english(outcome.summary)).toBe('succeeded');
    expect(outcome.verification.ok).toBe(true);
    expect(english(outcome.verification.detail)).toContain('`import demo_module` works');
    expect(existsSync(join(venv, 'pyvenv.cfg'))).toBe(true);
    expect(outcome.undoAvailable).toBe(true);
    expect(
      harness.events
        .filter((e) => e.type === 'step-finished')
        .map((e) => e.type === 'step-finished' && e.report.status),
    ).toEqual(['done', 'done', 'done']);

    // The journal bracketed every step: planned, then intent and result per step, then the outcome.
    const lines = readFileSync(join(harness.dataDir, 'actions', 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((line) => JSON.parse(line).type)).toEqual([
      'planned',
      'step-intent',
      'step-result',
      'step-intent',
      'step-result',
      'step-intent',
      'step-result',
      'finished',
    ]);
    expect(JSON.parse(lines[1]!).data).toEqual({ existedBefore: false, wasEmpty: false });
    expect(await harness.service.pendingActions()).toEqual([]);

    const undo = await harness.service.planUndo(outcome.runId);
    expect(undo.undoOf).toBe(outcome.runId);
    expect(undo.steps.map((step) => step.id)).toEqual(['undo-create-venv']);
    const undone = await harness.service.run(undo.id);
    expect(undone.status, english(undone.summary)).toBe('succeeded');
    expect(existsSync(venv)).toBe(false);
    expect(existsSync(join(project, 'demo_module.py'))).toBe(true);
    expect(await refusalOf(harness.service.planUndo(outcome.runId))).toMatch(/undone already/);
    expect(await harness.service.recentActions()).toEqual([
      expect.objectContaining({ runId: outcome.runId, undone: true, undoAvailable: false }),
    ]);
  }, 120_000);

  test('into an existing venv it installs only; undo uninstalls what it added and keeps the folder', async () => {
    const harness = createHarness(root, { wheelDir: wheels, projectDir: project });
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const base = scan.installOf(SYSTEM_PYTHON);
    const picked = join(root, 'picked env');
    const first = await harness.service.plan(
      scan.request({
        remedy: 'venv',
        installId: base.id,
        venvFolder: { pickedFolderId: harness.service.registerPickedFolder(picked) },
      }),
    );
    expect(first.steps.map((step) => step.id)).toEqual(['create-venv']);
    expect((await harness.service.run(first.id)).status).toBe('succeeded');

    const again = await harness.scan([SYSTEM_PYTHON]);
    const plan = await harness.service.plan(
      again.request({
        remedy: 'venv',
        installId: base.id,
        packageName: 'pipdoctor-demo',
        venvFolder: { pickedFolderId: harness.service.registerPickedFolder(picked) },
      }),
    );
    expect(plan.steps.map((step) => step.id)).toEqual(['install']);
    expect(plan.warnings.map(english).join(' ')).toContain('already is a virtual environment');
    const outcome = await harness.service.run(plan.id);
    expect(outcome.status, english(outcome.summary)).toBe('succeeded');

    const undo = await harness.service.planUndo(outcome.runId);
    expect(undo.steps[0]?.command?.args).toEqual([
      '-m',
      'pip',
      'uninstall',
      '-y',
      'pipdoctor-demo',
      'pipdoctor-helper',
    ]);
    expect((await harness.service.run(undo.id)).status).toBe('succeeded');
    expect(existsSync(join(picked, 'pyvenv.cfg'))).toBe(true);
    expect(existsSync(join(picked, 'lib'))).toBe(true);
  }, 120_000);

  test('never over the project’s own .venv when that is the environment pip failed in', async () => {
    const failing = join(root, 'failing project');
    mkdirSync(failing);
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', join(failing, '.venv')]);
    const harness = createHarness(root, { wheelDir: wheels, projectDir: failing });
    const failingPython = join(failing, '.venv', 'bin', 'python');
    const scan = await harness.scan([failingPython]);
    const plan = await harness.service.plan(
      scan.request({
        remedy: 'venv',
        installId: scan.installOf(failingPython).id,
        packageName: 'pipdoctor-demo',
      }),
    );
    expect(plan.steps[0]!.command?.args).toEqual(['-m', 'venv', join(failing, '.venv-new')]);
  }, 60_000);

  test('refuses a folder that exists and is not a virtual environment', async () => {
    const harness = createHarness(root, { wheelDir: wheels, projectDir: project });
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const occupied = join(root, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'notes.txt'), 'mine');
    expect(
      await refusalOf(
        harness.service.plan(
          scan.request({
            remedy: 'venv',
            installId: scan.installOf(SYSTEM_PYTHON).id,
            venvFolder: { pickedFolderId: harness.service.registerPickedFolder(occupied) },
          }),
        ),
      ),
    ).toMatch(/not a virtual environment/);
  }, 60_000);
});
