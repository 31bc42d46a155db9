import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ActionProgress, Reply } from '../../../electron/shared/contract';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { IpcHandlers, SenderInfo } from '../../../electron/ipc/handlers';
import { buildDemoWheels } from '../remedies/buildWheel';
import { SYSTEM_PYTHON, startHolder } from '../../support/pythonHolder';
import type { HolderProcess } from '../../support/pythonHolder';
import { realHandlerDeps } from '../../support/handlerDeps';
import { tempTree } from '../../support/tempTree';
import { english } from '../../support/english';

const APP_PAGE = 'http://127.0.0.1:5173/';
const APP_FRAME: SenderInfo = { frameUrl: APP_PAGE, isMainFrame: true };

function valueOf<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${english(reply.error.message)} (${reply.error.cause})`);
  return reply.value;
}

function expectRefused(reply: Reply<unknown>, message: RegExp): void {
  expect(reply.ok, JSON.stringify(reply)).toBe(false);
  if (!reply.ok) expect(english(reply.error.message)).toMatch(message);
}

/**
 * The action channels with the real ActionService behind them, on a small
 * known machine: a project with a venv, Debian's Python, a local wheel folder
 * (no network), and a real Python process holding a file in that venv.
 */
describe('IPC action handlers on this machine', () => {
  const root = tempTree('ipc-actions');
  const project = join(root, 'project');
  const venv = join(project, 'held-venv');
  const wheels = join(root, 'wheels');
  const picked = join(root, 'picked folder');
  const env = { PATH: `${join(venv, 'bin')}:/usr/bin:/bin`, HOME: root, LANG: 'C.UTF-8' };
  let heldFile: string;
  let holder: HolderProcess;
  let handlers: IpcHandlers;
  let record: ReturnType<typeof realHandlerDeps>['record'];
  const progress: ActionProgress[] = [];

  const scan = async (logText: string | null = null) => {
    const logId =
      logText === null
        ? null
        : valueOf(await handlers['log:classify']({ text: logText }, APP_FRAME)).logId;
    const { scanId } = valueOf(await handlers['scan:start']({ logId }, APP_FRAME));
    return { scanId, diagnosis: valueOf(await handlers['scan:result']({ scanId }, APP_FRAME)) };
  };
  const lockLog = () =>
    `Installing collected packages: held-module\nERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`;

  beforeAll(async () => {
    mkdirSync(project);
    mkdirSync(wheels);
    mkdirSync(picked);
    buildDemoWheels(wheels);
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', venv]);
    const sitePackages = execFileSync(
      join(venv, 'bin', 'python'),
      ['-c', 'import sysconfig; print(sysconfig.get_path("purelib"))'],
      { encoding: 'utf8' },
    ).trim();
    heldFile = join(sitePackages, 'held_module.py');
    writeFileSync(heldFile, '# held open\n');
    holder = await startHolder([`open:${heldFile}`]);
    const real = realHandlerDeps({
      appPageUrl: APP_PAGE,
      saveDir: root,
      env,
      projectDir: project,
      homeDir: root,
      wheelDir: wheels,
      pickedFolder: picked,
    });
    record = real.record;
    handlers = createHandlers({
      ...real.deps,
      send: (event, payload) => {
        if (event === 'action:progress') progress.push(payload as ActionProgress);
      },
    });
  }, 30_000);
  afterAll(() => holder?.stop());

  test('a plan request that names a path or a command, or a package that is not a name, is refused by the contract', async () => {
    const { scanId, diagnosis } = await scan();
    const installId = diagnosis.targetInstallId!;
    const base = { scanId, remedy: 'venv', installId };
    for (const request of [
      { ...base, command: 'rm -rf /' },
      { ...base, folder: '/etc' },
      { ...base, venvFolder: { path: '/etc' } },
      { ...base, packageName: 'requests; rm -rf ~' },
      { ...base, packageName: '--index-url=https://evil.example/' },
      { ...base, packageName: 'requests==2.0' },
      { ...base, scanId: '../scan' },
      { ...base, remedy: 'format-disk' },
      { ...base, processes: [{ pid: 1, startTime: 'x', command: 'kill' }] },
    ]) {
      expectRefused(await handlers['action:plan'](request, APP_FRAME), /could not understand/);
    }
    for (const [channel, request] of [
      ['action:run', { planId: 'plan-1' }],
      ['action:run', { planId: 'act-0123456789abcdef', command: 'sh' }],
      ['action:consent', { runId: 'act-0123456789abcdef', stepId: 'close-by-force' }],
      ['action:undo', { runId: '../../journal' }],
      ['folder:choose', { path: '/tmp' }],
    ] as const) {
      expectRefused(await handlers[channel](request, APP_FRAME), /could not understand/);
    }
    // A plan id main never gave runs nothing, and its result says so.
    const unknown = { planId: 'act-0123456789abcdef' };
    expect(valueOf(await handlers['action:run'](unknown, APP_FRAME))).toEqual({
      runId: unknown.planId,
    });
    expectRefused(
      await handlers['action:result']({ runId: unknown.planId }, APP_FRAME),
      /no longer known/,
    );
    expect(progress.filter((event) => event.runId === unknown.planId)).toEqual([]);
  }, 60_000);

  test('plans come only from the latest finished scan', async () => {
    const older = await scan();
    const latest = await scan();
    const installId = latest.diagnosis.targetInstallId!;
    expectRefused(
      await handlers['action:plan']({ scanId: older.scanId, remedy: 'venv', installId }, APP_FRAME),
      /not the latest/,
    );
    expectRefused(
      await handlers['action:plan'](
        { scanId: latest.scanId, remedy: 'venv', installId: 'py-000000000000' },
        APP_FRAME,
      ),
      /not in the latest scan/,
    );
    // A scan cancelled before it ended never becomes the one plans are made from.
    const { scanId: cancelled } = valueOf(await handlers['scan:start']({ logId: null }, APP_FRAME));
    valueOf(await handlers['scan:cancel']({ scanId: cancelled }, APP_FRAME));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    valueOf(
      await handlers['action:plan'](
        { scanId: latest.scanId, remedy: 'venv', installId },
        APP_FRAME,
      ),
    );
  }, 60_000);

  test('close-processes names only the holders the scan showed, by pid and start time, then closes and verifies', async () => {
    const { scanId, diagnosis } = await scan(lockLog());
    const installId = diagnosis.targetInstallId!;
    const { holders } = valueOf(await handlers['action:holders']({ scanId, installId }, APP_FRAME));
    const shown = holders.find((candidate) => candidate.pid === holder.pid);
    expect(english(shown!.description)).toContain(`pid ${holder.pid}`);

    const request = { scanId, remedy: 'close-processes', installId } as const;
    // The app itself is in the scan's process table, but it holds nothing: not closable through here.
    const self = { pid: process.pid, startTime: shown!.startTime };
    for (const processes of [
      [{ pid: holder.pid, startTime: '2001-01-01T00:00:00.000Z' }],
      [self],
    ]) {
      expectRefused(
        await handlers['action:plan']({ ...request, processes }, APP_FRAME),
        /not one that holds/,
      );
    }

    const plan = valueOf(
      await handlers['action:plan'](
        { ...request, processes: [{ pid: shown!.pid, startTime: shown!.startTime }] },
        APP_FRAME,
      ),
    );
    // The title names the program as the user knows it; the list of holders above it has the pid.
    expect(english(plan.title)).toMatch(/^Close the Python program/);
    const { runId } = valueOf(await handlers['action:run']({ planId: plan.id }, APP_FRAME));
    // The same plan cannot be run twice, even while the first run is going.
    expectRefused(await handlers['action:run']({ planId: plan.id }, APP_FRAME), /running already/);
    const outcome = valueOf(await handlers['action:result']({ runId }, APP_FRAME));
    expect(outcome.status, english(outcome.summary)).toBe('succeeded');
    expect(outcome.verification.ok).toBe(true);
    await expect.poll(() => holder.child.signalCode).toBe('SIGTERM');
    expect(progress.filter((event) => event.runId === runId).map((event) => event.type)).toEqual([
      'step-started',
      'step-finished',
      'step-started',
      'step-finished',
      'verifying',
    ]);
    expectRefused(await handlers['action:run']({ planId: plan.id }, APP_FRAME), /run already/);
  }, 60_000);

  test('a venv from a local wheel, in a folder picked in main’s dialog, verified, then undone', async () => {
    const { scanId, diagnosis } = await scan();
    const installId = diagnosis.targetInstallId!;
    const folder = valueOf(await handlers['folder:choose']({}, APP_FRAME));
    expect(record.folderDialogs).toBe(1);
    expect(folder).toEqual({ folderId: expect.stringMatching(/^folder-/), displayPath: picked });

    const plan = valueOf(
      await handlers['action:plan'](
        {
          scanId,
          remedy: 'venv',
          installId,
          packageName: 'pipdoctor-demo',
          venvFolder: { pickedFolderId: folder!.folderId },
        },
        APP_FRAME,
      ),
    );
    expect(english(plan.title)).toContain(picked);
    const { runId } = valueOf(await handlers['action:run']({ planId: plan.id }, APP_FRAME));
    const outcome = valueOf(await handlers['action:result']({ runId }, APP_FRAME));
    expect(outcome.status, english(outcome.summary)).toBe('succeeded');
    expect(english(outcome.verification.detail)).toContain('`import demo_module` works');
    expect(existsSync(join(picked, 'pyvenv.cfg'))).toBe(true);
    expect(valueOf(await handlers['action:pending']({}, APP_FRAME))).toEqual([]);

    const undo = valueOf(await handlers['action:undo']({ runId }, APP_FRAME));
    expect(undo.undoOf).toBe(runId);
    const undone = valueOf(
      await handlers['action:result'](
        valueOf(await handlers['action:run']({ planId: undo.id }, APP_FRAME)),
        APP_FRAME,
      ),
    );
    expect(undone.status, english(undone.summary)).toBe('succeeded');
    // The folder existed (empty) before: it is emptied, not removed.
    expect(existsSync(join(picked, 'pyvenv.cfg'))).toBe(false);
    expect(existsSync(picked)).toBe(true);
    expectRefused(await handlers['action:undo']({ runId }, APP_FRAME), /undone already/);
  }, 120_000);

  test('a cancelled run is pending until dismissed; the folder dialog’s Cancel gives no id', async () => {
    const { scanId, diagnosis } = await scan();
    const installId = diagnosis.targetInstallId!;
    const plan = valueOf(
      await handlers['action:plan'](
        { scanId, remedy: 'venv', installId, packageName: 'pipdoctor-demo' },
        APP_FRAME,
      ),
    );
    const cancelAtInstall = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const started = progress.some(
          (event) =>
            event.runId === plan.id && event.type === 'step-started' && event.stepId === 'install',
        );
        if (!started) return;
        clearInterval(poll);
        resolve();
      }, 5);
    });
    const { runId } = valueOf(await handlers['action:run']({ planId: plan.id }, APP_FRAME));
    await cancelAtInstall;
    expect(valueOf(await handlers['action:cancel']({ runId }, APP_FRAME))).toEqual({
      cancelled: true,
    });
    const outcome = valueOf(await handlers['action:result']({ runId }, APP_FRAME));
    expect(outcome.status).toBe('cancelled');

    const [pending] = valueOf(await handlers['action:pending']({}, APP_FRAME));
    expect(pending).toMatchObject({ runId, choices: ['resume', 'undo', 'mark-resolved'] });
    expect(valueOf(await handlers['action:dismiss']({ runId }, APP_FRAME))).toEqual({});
    expect(valueOf(await handlers['action:pending']({}, APP_FRAME))).toEqual([]);
    // Resuming it now runs nothing: there is no plan to show, and none to run.
    expectRefused(
      await handlers['action:resume-plan']({ runId }, APP_FRAME),
      /nothing to continue/,
    );
    valueOf(await handlers['action:resume']({ runId }, APP_FRAME));
    expectRefused(await handlers['action:result']({ runId }, APP_FRAME), /Choose Resume again/);

    const cancelling = realHandlerDeps({ appPageUrl: APP_PAGE, saveDir: root, pickedFolder: null });
    const withoutFolder = createHandlers({ ...cancelling.deps, send: () => undefined });
    expect(valueOf(await withoutFolder['folder:choose']({}, APP_FRAME))).toBeNull();
    expect(cancelling.record.folderDialogs).toBe(1);
  }, 120_000);
});
