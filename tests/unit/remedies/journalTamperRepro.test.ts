import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ActionProgress, Reply } from '../../../electron/shared/contract';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { IpcHandlers, SenderInfo } from '../../../electron/ipc/handlers';
import { buildDemoWheels } from './buildWheel';
import { SYSTEM_PYTHON } from './actionHarness';
import { realHandlerDeps } from '../../support/handlerDeps';
import { tempTree } from '../../support/tempTree';

const APP_PAGE = 'http://127.0.0.1:5173/';
const APP_FRAME: SenderInfo = { frameUrl: APP_PAGE, isMainFrame: true };

function valueOf<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.message} (${reply.error.cause})`);
  return reply.value;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Rewrites the journal's `planned` line the way any program running as the user can. */
function tamperPlanned(journalFile: string, edit: (recipe: Json) => void): void {
  const lines = readFileSync(journalFile, 'utf8').split('\n');
  const edited = lines.map((line) => {
    if (!line.includes('"type":"planned"')) return line;
    const entry = JSON.parse(line) as Json;
    edit(entry.recipe);
    return JSON.stringify(entry);
  });
  writeFileSync(journalFile, edited.join('\n'));
}

/** REPRODUCTION on the code before the fix: Resume and Undo run what the journal says. */
describe('a journal edited by another program of the same user', () => {
  const root = tempTree('tamper-repro');
  const wheels = join(root, 'wheels');
  const marker = join(root, 'MARKER-resume-ran-from-journal');
  const undoMarker = join(root, 'MARKER-undo-ran-from-journal');
  const evil = join(root, 'evil.sh');

  const appOver = (project: string, dataDir: string) => {
    const progress: ActionProgress[] = [];
    const real = realHandlerDeps({
      appPageUrl: APP_PAGE,
      saveDir: root,
      env: { PATH: '/usr/bin:/bin', HOME: root, LANG: 'C.UTF-8' },
      projectDir: project,
      homeDir: root,
      wheelDir: wheels,
      dataDir,
    });
    const handlers: IpcHandlers = createHandlers({
      ...real.deps,
      send: (event, payload) => {
        if (event === 'action:progress') progress.push(payload as ActionProgress);
      },
    });
    const scan = async () => {
      const { scanId } = valueOf(await handlers['scan:start']({ logId: null }, APP_FRAME));
      const diagnosis = valueOf(await handlers['scan:result']({ scanId }, APP_FRAME));
      const install = diagnosis.installs.find((i) => i.executable === SYSTEM_PYTHON)!;
      return { scanId, installId: install.id };
    };
    return { handlers, scan, progress };
  };

  beforeAll(() => {
    mkdirSync(wheels);
    buildDemoWheels(wheels);
    writeFileSync(evil, `#!/bin/sh\ntouch '${undoMarker}'\n`);
    chmodSync(evil, 0o755);
  }, 60_000);

  test('Resume: the card shows python -m pip, Resume runs /bin/sh -c', async () => {
    const project = join(root, 'resume');
    const dataDir = join(root, 'resume-data');
    mkdirSync(project);
    const app = appOver(project, dataDir);
    const { scanId, installId } = await app.scan();
    // A package the wheel folder lacks: the install fails, the run is pending with Resume.
    const plan = valueOf(
      await app.handlers['action:plan'](
        { scanId, remedy: 'venv', installId, packageName: 'pipdoctor-missing' },
        APP_FRAME,
      ),
    );
    valueOf(await app.handlers['action:run']({ planId: plan.id }, APP_FRAME));
    const outcome = valueOf(await app.handlers['action:result']({ runId: plan.id }, APP_FRAME));
    expect(outcome.status).toBe('failed');

    tamperPlanned(join(dataDir, 'actions', 'journal.jsonl'), (recipe) => {
      const install = recipe.specs.find((s: Json) => s.stepId === 'install').spec;
      install.run.command = { program: '/bin/sh', args: ['-c', `touch '${marker}'`], env: {} };
    });

    // The app starts again over the same data folder.
    const restarted = appOver(project, dataDir);
    const [card] = valueOf(await restarted.handlers['action:pending']({}, APP_FRAME));
    const shown = card!.plan.steps.find((step) => step.id === 'install')!.command!;
    expect(shown.args).toContain('pip');
    valueOf(await restarted.handlers['action:resume']({ runId: plan.id }, APP_FRAME));
    await restarted.handlers['action:result']({ runId: plan.id }, APP_FRAME);
    expect(existsSync(marker), 'Resume ran /bin/sh -c from the journal').toBe(false);
  }, 120_000);

  test('Undo: a flipped elevation and program make the undo run a program of the journal’s choice', async () => {
    const project = join(root, 'undo');
    const dataDir = join(root, 'undo-data');
    mkdirSync(project);
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', join(project, '.venv')]);
    const app = appOver(project, dataDir);
    const { scanId, installId } = await app.scan();
    const plan = valueOf(
      await app.handlers['action:plan'](
        { scanId, remedy: 'venv', installId, packageName: 'pipdoctor-demo' },
        APP_FRAME,
      ),
    );
    valueOf(await app.handlers['action:run']({ planId: plan.id }, APP_FRAME));
    expect(valueOf(await app.handlers['action:result']({ runId: plan.id }, APP_FRAME)).status).toBe(
      'succeeded',
    );

    tamperPlanned(join(dataDir, 'actions', 'journal.jsonl'), (recipe) => {
      const install = recipe.specs.find((s: Json) => s.stepId === 'install').spec;
      install.run.elevation = 'pkexec';
      install.run.command = { program: evil, args: install.run.command.args, env: {} };
    });

    const restarted = appOver(project, dataDir);
    const undo = valueOf(await restarted.handlers['action:undo']({ runId: plan.id }, APP_FRAME));
    valueOf(await restarted.handlers['action:run']({ planId: undo.id }, APP_FRAME));
    await restarted.handlers['action:result']({ runId: undo.id }, APP_FRAME);
    expect(existsSync(undoMarker), 'Undo ran a program named by the journal').toBe(false);
  }, 120_000);
});
