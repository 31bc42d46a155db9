import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type {
  ProcessInfo,
  ProcessSummary,
  SystemProbe,
} from '../../../../electron/platform/systemProbe';
import { createSystemProbe } from '../../../../electron/platform/createSystemProbe';
import type { ProbeMessage, ProbeRequest, RemoteMethod } from './probeWire';

const REPO = join(__dirname, '..', '..', '..', '..');
const TSX_CLI = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SERVER = join(__dirname, 'probeServer.ts');

/** Debian's unprivileged account: root may write anywhere, so "not writable" needs another user. */
export const NOBODY = 65534;

export interface ProbeAsUser {
  probe: SystemProbe;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onFound?: (identity: string, executable: string) => void;
}

/**
 * A SystemProbe whose every look at the machine (discovery, interpreter
 * probes, write checks, the process table, open files) runs in a child
 * process under `setpriv --reuid=UID --regid=UID --clear-groups`, while
 * diagnose() and the IPC handlers run in the test process as usual. Needs
 * root and setpriv(1), as .ci/run provides.
 */
export async function startProbeAsUser(env: NodeJS.ProcessEnv, uid = NOBODY): Promise<ProbeAsUser> {
  const child = spawn(
    'setpriv',
    [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', process.execPath, TSX_CLI, SERVER],
    { cwd: REPO, env, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let user: { name: string; uid: number | null } | null = null;
  const hello = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`probe server exited (${code}) before saying hello`)),
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as ProbeMessage;
      if ('hello' in message) {
        user = message.hello;
        resolve();
      } else if ('found' in message) pending.get(message.id)?.onFound?.(...message.found);
      else {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error(message.error));
      }
    });
  });
  child.on('exit', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('probe server exited'));
    pending.clear();
  });
  await hello;

  const remote = <T>(
    method: RemoteMethod,
    args: unknown[],
    options: { signal?: AbortSignal; onFound?: Pending['onFound'] } = {},
  ): Promise<T> => {
    const id = nextId++;
    const request: ProbeRequest = { id, method, args };
    const answer = new Promise<T>((resolve, reject) => {
      pending.set(id, {
        resolve: (value) => resolve(value as T),
        reject,
        onFound: options.onFound,
      });
    });
    child.stdin.write(`${JSON.stringify(request)}\n`);
    options.signal?.addEventListener(
      'abort',
      () => child.stdin.writable && child.stdin.write(`${JSON.stringify({ cancel: id })}\n`),
      { once: true },
    );
    return answer;
  };

  // Pure functions of the facts: nothing to gain from asking them across the wire.
  const local = createSystemProbe(env);
  const probe: SystemProbe = {
    platform: local.platform,
    currentUser: () => user!,
    userSid: async () => null,
    systemDirectory: async () => null,
    installKind: (facts) => local.installKind(facts),
    isElevated: () => remote('isElevated', []),
    systemSettings: () => remote('systemSettings', []),
    discoverInterpreters: (options, onFound) =>
      remote('discoverInterpreters', [options], { onFound }),
    probeInterpreter: (executable, signal) => remote('probeInterpreter', [executable], { signal }),
    checkFolder: (role, path) => remote('checkFolder', [role, path]),
    foreignTree: (folder) => remote('foreignTree', [folder]),
    checkTempDir: (scanEnv) => remote('checkTempDir', [scanEnv]),
    fileOwner: (sitePackagesDirs, file) => remote('fileOwner', [sitePackagesDirs, file]),
    findLeftovers: (sitePackagesDirs, scriptsDirs, options) =>
      remote('findLeftovers', [sitePackagesDirs, scriptsDirs, options]),
    listProcesses: async () =>
      new Map(await remote<Array<[number, ProcessSummary]>>('listProcesses', [])),
    describeProcesses: async (summaries, pids) =>
      new Map(
        await remote<Array<[number, ProcessInfo]>>('describeProcesses', [[...summaries], pids]),
      ),
    findHolders: (prefixes, priorityPaths, signal) =>
      remote('findHolders', [prefixes, priorityPaths], { signal }),
  };
  return {
    probe,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
}
