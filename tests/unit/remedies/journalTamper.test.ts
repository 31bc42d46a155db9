import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Reply } from '../../../electron/shared/contract';
import { ActionJournal } from '../../../electron/remedies/run/journal';
import { buildDemoWheels } from './buildWheel';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import type { Harness } from './actionHarness';
import { APP_FRAME, ipcApp, valueOf } from './ipcApp';
import { tempTree } from '../../support/tempTree';
import { refusalOf } from '../../support/refusal';
import { english } from '../../support/english';

function refusal(reply: Reply<unknown>): string {
  expect(reply.ok, JSON.stringify(reply)).toBe(false);
  return reply.ok ? '' : english(reply.error.message);
}

/** A journal line as JSON, to be edited the way any program of the same user can. */
type Line = { type: string; runId: string; facts?: Facts } & Record<string, unknown>;
type Facts = {
  scannedAt: string;
  installId: string | null;
  request: Record<string, unknown>;
  steps: Array<
    { id: string; kind: string; facts: Record<string, unknown> } & Record<string, unknown>
  >;
} & Record<string, unknown>;

function editJournal(dataDir: string, edit: (line: Line) => Line | Line[]): void {
  const file = join(dataDir, 'actions', 'journal.jsonl');
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const edited = lines.flatMap((text) => edit(JSON.parse(text) as Line));
  writeFileSync(file, `${edited.map((line) => JSON.stringify(line)).join('\n')}\n`);
}

function editPlanned(dataDir: string, edit: (facts: Facts) => void): void {
  editJournal(dataDir, (line) => {
    if (line.type === 'planned' && line.facts) edit(line.facts);
    return line;
  });
}

const stepOf = (facts: Facts, id: string) => facts.steps.find((step) => step.id === id)!;

/**
 * The journal is a file any program running as the user can rewrite. These
 * tests edit it on disk between a run and its Resume or Undo, then go
 * through the real ActionService (and the IPC handlers as main wires them):
 * each edit is refused or rebuilt from the remedies' own builders, and no
 * program the edit names ever runs (each would create its marker file).
 */
describe('a journal edited by another program of the same user', () => {
  const root = tempTree('tamper');
  const wheels = join(root, 'wheels');
  const markers = join(root, 'markers');
  /** A program that leaves a file named after its first argument's test: proof it ran. */
  const evil = join(root, 'evil.sh');
  const marker = (name: string) => join(markers, name);
  const touch = (name: string) => ({
    program: '/bin/sh',
    args: ['-c', `touch '${marker(name)}'`],
    env: {},
  });

  beforeAll(() => {
    mkdirSync(wheels);
    mkdirSync(markers);
    buildDemoWheels(wheels);
    writeFileSync(evil, `#!/bin/sh\ntouch '${marker('evil')}'\n`);
    chmodSync(evil, 0o755);
  }, 60_000);
  afterAll(() =>
    expect(existsSync(marker('evil')), 'a program named by the journal ran').toBe(false),
  );

  /** A venv fix run to its end (or failed at its install) in one process; a second one over its data. */
  async function ranVenvFix(
    name: string,
    packageName: string,
    options: { existingVenv?: boolean } = {},
  ): Promise<{ project: string; dataDir: string; runId: string; again: () => Harness }> {
    const project = join(root, name);
    mkdirSync(project);
    if (options.existingVenv) execFileSync(SYSTEM_PYTHON, ['-m', 'venv', join(project, '.venv')]);
    const first = createHarness(root, { wheelDir: wheels, projectDir: project, homeDir: project });
    const scan = await first.scan([SYSTEM_PYTHON]);
    const plan = await first.service.plan(
      scan.request({ remedy: 'venv', installId: scan.installOf(SYSTEM_PYTHON).id, packageName }),
    );
    await first.service.run(plan.id);
    const again = () =>
      createHarness(root, {
        wheelDir: wheels,
        projectDir: project,
        homeDir: project,
        extra: { dataDir: first.dataDir },
      });
    return { project, dataDir: first.dataDir, runId: plan.id, again };
  }

  describe('through the IPC handlers, as the app wires them', () => {
    const appOver = (project: string, dataDir: string) =>
      ipcApp({ saveDir: root, home: project, project, dataDir, wheelDir: wheels });

    test('Resume: a command put into the record is refused; the untouched record resumes as the plan shown', async () => {
      const project = join(root, 'ipc-resume');
      const dataDir = join(root, 'ipc-resume-data');
      mkdirSync(project);
      const app = appOver(project, dataDir);
      // A package the wheel folder lacks: the install fails, the run is pending with Resume.
      const { plan, outcome } = await app.runVenvFix('pipdoctor-missing');
      expect(outcome.status).toBe('failed');
      // The journal holds no command to swap.
      const journalText = readFileSync(join(dataDir, 'actions', 'journal.jsonl'), 'utf8');
      expect(journalText).not.toContain('"program"');
      expect(journalText).not.toContain('"args"');

      // Another program adds a command to the install step, and a field that says to elevate it.
      editPlanned(dataDir, (facts) => {
        stepOf(facts, 'install').facts.run = {
          command: touch('ipc-resume'),
          elevation: 'pkexec',
        };
      });

      // The app starts again over the same data folder.
      const restarted = appOver(project, dataDir);
      const [card] = valueOf(await restarted.handlers['action:pending']({}, APP_FRAME));
      // The card shows words, never a command from the file.
      expect(card!.plan.steps.map((step) => step.command)).toEqual([null, null]);
      await restarted.scan();
      expect(
        refusal(await restarted.handlers['action:resume-plan']({ runId: plan.id }, APP_FRAME)),
      ).toMatch(/record of this fix does not match/);
      valueOf(await restarted.handlers['action:resume']({ runId: plan.id }, APP_FRAME));
      expect(
        refusal(await restarted.handlers['action:result']({ runId: plan.id }, APP_FRAME)),
      ).toMatch(/Choose Resume again/);
      expect(existsSync(marker('ipc-resume'))).toBe(false);

      // Put back as it was, the record resumes: the plan shown is built by the venv remedy, and it is what runs.
      editPlanned(dataDir, (facts) => {
        delete stepOf(facts, 'install').facts.run;
      });
      const shown = valueOf(
        await restarted.handlers['action:resume-plan']({ runId: plan.id }, APP_FRAME),
      );
      const install = shown.steps.find((step) => step.id === 'install')!;
      expect(install.command!.program).toBe(join(project, '.venv', 'bin', 'python'));
      expect(install.command!.args.slice(0, 3)).toEqual(['-m', 'pip', 'install']);
      expect(install.elevated).toBe(false);
      valueOf(await restarted.handlers['action:resume']({ runId: plan.id }, APP_FRAME));
      const resumed = valueOf(
        await restarted.handlers['action:result']({ runId: plan.id }, APP_FRAME),
      );
      // It ran the shown step (the package is still missing from the wheels, so pip says so).
      expect(resumed.steps.map((step) => [step.stepId, step.status])).toEqual([
        ['create-venv', 'done'],
        ['install', 'failed'],
      ]);
      expect(resumed.steps[1]!.output).toContain('pipdoctor-missing');
    }, 120_000);

    test('Undo: a program and an elevation put into the record never run; the undo is built from facts', async () => {
      const project = join(root, 'ipc-undo');
      const dataDir = join(root, 'ipc-undo-data');
      mkdirSync(project);
      execFileSync(SYSTEM_PYTHON, ['-m', 'venv', join(project, '.venv')]);
      const app = appOver(project, dataDir);
      const { plan, outcome } = await app.runVenvFix('pipdoctor-demo');
      expect(outcome.status).toBe('succeeded');

      // Not a command anywhere, nor a line to paste (the activation lines stay out too).
      const journalText = readFileSync(join(dataDir, 'actions', 'journal.jsonl'), 'utf8');
      expect(journalText).not.toMatch(/"program"|"args"|activate/);

      editPlanned(dataDir, (facts) => {
        stepOf(facts, 'install').facts.python = evil;
      });
      const restarted = appOver(project, dataDir);
      await restarted.scan();
      expect(
        refusal(await restarted.handlers['action:undo']({ runId: plan.id }, APP_FRAME)),
      ).toMatch(/does not show as a Python/);

      // The same with a field that asks for pkexec: not a fact of a pip-install step, so nothing to undo by it.
      editPlanned(dataDir, (facts) => {
        const install = stepOf(facts, 'install').facts;
        install.python = join(project, '.venv', 'bin', 'python');
        install.run = { command: { program: evil, args: [], env: {} }, elevation: 'pkexec' };
      });
      expect(
        refusal(await restarted.handlers['action:undo']({ runId: plan.id }, APP_FRAME)),
      ).toMatch(/changed nothing that Pip Doctor can undo/);

      // The true facts, but options slipped in among the names of what pip added.
      editPlanned(dataDir, (facts) => {
        delete stepOf(facts, 'install').facts.run;
      });
      editJournal(dataDir, (line) => {
        const data = line.data as { added?: string[] } | null | undefined;
        if (line.type === 'step-result' && line.stepId === 'install' && data?.added)
          data.added.push('-r', `--target=${markers}`);
        return line;
      });
      // The undo is pip uninstall of the names only, by the venv's own python, as the user.
      const undo = valueOf(await restarted.handlers['action:undo']({ runId: plan.id }, APP_FRAME));
      expect(undo.steps.map((step) => [step.command?.program, step.elevated])).toEqual([
        [join(project, '.venv', 'bin', 'python'), false],
      ]);
      expect(undo.steps[0]!.command!.args).toEqual([
        '-m',
        'pip',
        'uninstall',
        '-y',
        'pipdoctor-demo',
        'pipdoctor-helper',
      ]);
      expect(undo.warnings.map(english)).toContain(
        'Some names in the record are not package names, so they are left out.',
      );
      valueOf(await restarted.handlers['action:run']({ planId: undo.id }, APP_FRAME));
      expect(
        valueOf(await restarted.handlers['action:result']({ runId: undo.id }, APP_FRAME)).status,
      ).toBe('succeeded');
    }, 120_000);
  });

  test('paths: a venv folder changed to another one is refused by Resume and by Undo, and that folder stays', async () => {
    const run = await ranVenvFix('paths', 'pipdoctor-missing');
    const victim = join(root, 'someone-elses-venv');
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', victim]);
    editPlanned(run.dataDir, (facts) => {
      stepOf(facts, 'create-venv').facts.folder = victim;
    });
    const app = run.again();
    await app.scan([SYSTEM_PYTHON]);
    expect(await refusalOf(app.service.planResume(run.runId))).toMatch(/does not match/);
    expect(await refusalOf(app.service.planUndo(run.runId))).toMatch(
      /names .*someone-elses-venv, which the latest scan does not show as a folder of yours/,
    );
    expect(existsSync(join(victim, 'pyvenv.cfg'))).toBe(true);
  }, 120_000);

  test('a line from an older scan: a Python the scan no longer shows, a plan too old, or no fresh scan at all', async () => {
    const run = await ranVenvFix('older', 'pipdoctor-missing');
    const app = run.again();
    // No scan in this process: nothing is built from the record alone.
    expect(await refusalOf(app.service.planResume(run.runId))).toMatch(
      /Scan, then choose it again/,
    );
    expect(await refusalOf(app.service.planUndo(run.runId))).toMatch(/Scan, then choose it again/);

    await app.scan([SYSTEM_PYTHON]);
    const original = readFileSync(join(run.dataDir, 'actions', 'journal.jsonl'), 'utf8');
    editPlanned(run.dataDir, (facts) => {
      facts.installId = 'py-0123456789ab';
      facts.request.installId = 'py-0123456789ab';
    });
    expect(await refusalOf(app.service.planResume(run.runId))).toMatch(
      /not on this computer any more/,
    );
    expect(await refusalOf(app.service.planUndo(run.runId))).toMatch(
      /not on this computer any more/,
    );

    writeFileSync(join(run.dataDir, 'actions', 'journal.jsonl'), original);
    editPlanned(run.dataDir, (facts) => {
      facts.scannedAt = '2026-01-01T00:00:00.000Z';
    });
    expect(await refusalOf(app.service.planResume(run.runId))).toMatch(
      /will not continue a plan that old/,
    );

    // A scan older than half an hour is no fresh scan.
    const later = createHarness(root, {
      wheelDir: wheels,
      projectDir: run.project,
      extra: { dataDir: run.dataDir, now: () => new Date(Date.now() + 31 * 60_000) },
    });
    writeFileSync(join(run.dataDir, 'actions', 'journal.jsonl'), original);
    await later.scan([SYSTEM_PYTHON]);
    expect(await refusalOf(later.service.planResume(run.runId))).toMatch(
      /Scan, then choose it again/,
    );
  }, 120_000);

  test('pids: a made-up close of a running program, with a start time that is not its own, is refused', async () => {
    const sleeper = spawn('/bin/sleep', ['60'], { stdio: 'ignore' });
    try {
      const app = createHarness(root);
      const scan = await app.scan([SYSTEM_PYTHON]);
      const install = scan.installOf(SYSTEM_PYTHON);
      const runId = 'act-00000000000000c1';
      const at = new Date().toISOString();
      const target = { pid: sleeper.pid!, startTime: '2000-01-01T00:00:00.000Z', label: 'sleep' };
      const facts: Facts = {
        remedy: 'close-processes',
        title: 'Close sleep',
        platform: 'linux',
        scanId: scan.scanId,
        scannedAt: scan.diagnosis.scannedAt,
        installId: install.id,
        request: {
          installId: install.id,
          processes: [{ pid: target.pid, startTime: target.startTime }],
        },
        undoOf: null,
        steps: [
          {
            id: 'close-gracefully',
            title: 'Ask the programs to close',
            changes: 'Sends sleep the signal to end (SIGTERM).',
            kind: 'close-gracefully',
            facts: { targets: [target], systemRoot: null },
          },
        ],
      };
      const journal = new ActionJournal(app.dataDir);
      mkdirSync(journal.folder, { recursive: true });
      appendFileSync(
        journal.file,
        `${JSON.stringify({ v: 1, at, runId, type: 'planned', facts })}\n${JSON.stringify({
          v: 1,
          at,
          runId,
          type: 'step-intent',
          stepId: 'close-gracefully',
          attempt: 1,
          data: null,
        })}\n`,
      );
      const [pending] = await app.service.pendingActions();
      expect(pending).toMatchObject({ runId, choices: ['resume', 'mark-resolved'] });
      // The close-processes builder itself looks the pid up in the fresh scan, by its start time.
      expect(await refusalOf(app.service.planResume(runId))).toMatch(
        `The program with process id ${sleeper.pid} is not in the latest scan`,
      );
      expect(sleeper.exitCode).toBeNull();
      expect(sleeper.signalCode).toBeNull();
    } finally {
      sleeper.kill();
    }
  }, 60_000);

  test('an old-format line that carries commands is read without a crash and offered only for dismissal', async () => {
    const run = await ranVenvFix('legacy', 'pipdoctor-missing');
    // What an older Pip Doctor wrote: the recipe, commands and all (here with a swapped one).
    editJournal(run.dataDir, (line) => {
      if (line.type !== 'planned') return line;
      const rest: Line = { ...line };
      delete rest.facts;
      return {
        ...rest,
        recipe: {
          plan: { id: run.runId, title: 'Create a virtual environment and install it' },
          platform: 'linux',
          specs: [
            { stepId: 'install', spec: { kind: 'command', run: { command: touch('legacy') } } },
          ],
        },
      };
    });
    const app = run.again();
    await app.scan([SYSTEM_PYTHON]);
    const [card, ...others] = await app.service.pendingActions();
    expect(others).toEqual([]);
    expect(card).toMatchObject({ runId: run.runId, choices: ['mark-resolved'], stoppedAt: null });
    expect(card!.plan.steps).toEqual([]);
    expect(english(card!.explanation)).toContain('older version of Pip Doctor');
    expect(english(card!.explanation)).toContain('will not continue or undo it. Dismiss it');
    expect(await refusalOf(app.service.planResume(run.runId))).toMatch(/nothing to continue/);
    expect(await refusalOf(app.service.planUndo(run.runId))).toMatch(/older version of Pip Doctor/);
    expect((await app.service.recentActions()).map((action) => action.runId)).toEqual([]);
    await app.service.markResolved(run.runId);
    expect(await app.service.pendingActions()).toEqual([]);
    expect(existsSync(marker('legacy'))).toBe(false);
  }, 120_000);
});
