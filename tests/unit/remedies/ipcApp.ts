import type { ActionProgress, Reply, RerunOutput } from '../../../electron/shared/contract';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { IpcHandlers, SenderInfo } from '../../../electron/ipc/handlers';
import { SYSTEM_PYTHON } from './actionHarness';
import { realHandlerDeps } from '../../support/handlerDeps';
import { english } from '../../support/english';

/**
 * The app as main wires it, over real handlers and a real data folder: what
 * a test talks to when it means "the user clicks", and what it starts again
 * over the same data folder when it means "the app restarts".
 */

const APP_PAGE = 'http://127.0.0.1:5173/';
export const APP_FRAME: SenderInfo = { frameUrl: APP_PAGE, isMainFrame: true };

export function valueOf<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${english(reply.error.message)} (${reply.error.cause})`);
  return reply.value;
}

export interface IpcAppFolders {
  /** Where reports are saved. */
  saveDir: string;
  home: string;
  project: string;
  dataDir: string;
  wheelDir: string;
}

export function ipcApp(folders: IpcAppFolders) {
  const progress: ActionProgress[] = [];
  const rerunOutput: RerunOutput[] = [];
  const real = realHandlerDeps({
    appPageUrl: APP_PAGE,
    saveDir: folders.saveDir,
    env: { PATH: '/usr/bin:/bin', HOME: folders.home, LANG: 'C.UTF-8' },
    projectDir: folders.project,
    homeDir: folders.home,
    wheelDir: folders.wheelDir,
    dataDir: folders.dataDir,
  });
  const handlers: IpcHandlers = createHandlers({
    ...real.deps,
    send: (event, payload) => {
      if (event === 'action:progress') progress.push(payload as ActionProgress);
      if (event === 'rerun:output') rerunOutput.push(payload as RerunOutput);
    },
  });
  /** A scan without a log, and the system Python's install id in it. */
  const scan = async () => {
    const { scanId } = valueOf(await handlers['scan:start']({ logId: null }, APP_FRAME));
    const diagnosis = valueOf(await handlers['scan:result']({ scanId }, APP_FRAME));
    const install = diagnosis.installs.find((i) => i.executable === SYSTEM_PYTHON)!;
    return { scanId, installId: install.id };
  };
  /** Scans, plans a venv with this package, runs it as shown and waits for its outcome. */
  const runVenvFix = async (packageName: string) => {
    const { scanId, installId } = await scan();
    const plan = valueOf(
      await handlers['action:plan']({ scanId, remedy: 'venv', installId, packageName }, APP_FRAME),
    );
    valueOf(await handlers['action:run']({ planId: plan.id }, APP_FRAME));
    const outcome = valueOf(await handlers['action:result']({ runId: plan.id }, APP_FRAME));
    return { plan, outcome };
  };
  return { handlers, scan, runVenvFix, progress, rerunOutput };
}
