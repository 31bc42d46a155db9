import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Real Python processes that hold files the way an IDE's interpreter does:
 * `open:PATH` keeps a file open, `map:PATH` loads a shared library (the fd is
 * closed after mmap, so only /proc/<pid>/maps shows it). They print "ready"
 * once everything is held and exit when their stdin closes, so a crashed
 * test run cannot leave them behind. A stubborn one (`onSigterm: 'ignore'`)
 * stays when asked to end, as a program busy in native code does, and says
 * so on stdout: a test waits for that, never for a span of time.
 */

/** The system interpreter: readable by every user, unlike a pyenv under /root. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

// No double quotes, backslashes or $ in it: the tests spell out the command line /proc shows.
export const HOLDER_CODE = [
  'import ctypes, signal, sys',
  'held = []',
  'for arg in sys.argv[1:]:',
  "    kind, _, path = arg.partition(':')",
  "    if kind == 'sigterm':",
  "        signal.signal(signal.SIGTERM, lambda *_: print('ignored SIGTERM', flush=True))",
  '    else:',
  "        held.append(open(path, 'rb') if kind == 'open' else ctypes.CDLL(path))",
  "print('ready', flush=True)",
  'sys.stdin.read()',
].join('\n');

export interface HolderOptions {
  /** The interpreter that holds (default the system one); a venv's, to look like its user. */
  python?: string;
  /** A prefix command that replaces itself with the holder (setpriv, to hold as another user). */
  via?: string[];
  cwd?: string;
  /** `ignore`: SIGTERM does not end it (default: it ends, as Python does). */
  onSigterm?: 'end' | 'ignore';
}

export interface HolderProcess {
  child: ChildProcess;
  pid: number;
  /** Date.now() just before the spawn, to check the start time /proc reports. */
  spawnedAt: number;
  alive(): boolean;
  /**
   * Resolves once the holder has answered a SIGTERM: it ended, or (a
   * stubborn one) it said it ignored it.
   */
  answeredSigterm: Promise<void>;
  /** Ends it by closing its stdin (the polite way a test cleans up). */
  stop(): Promise<void>;
  /** Ends it by force (a stubborn one, one of another user) and waits until it is gone. */
  kill(): Promise<void>;
}

/** Starts a holder and waits until it holds. */
export async function startHolder(
  holds: string[],
  options: HolderOptions = {},
): Promise<HolderProcess> {
  const stubborn = options.onSigterm === 'ignore' ? ['sigterm:ignore'] : [];
  const [program, ...args] = [
    ...(options.via ?? []),
    options.python ?? SYSTEM_PYTHON,
    '-c',
    HOLDER_CODE,
    ...stubborn,
    ...holds,
  ];
  const spawnedAt = Date.now();
  const child = spawn(program!, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd ?? '/' });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(() => undefined);
  const said = (line: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (stdout.split('\n').includes(line)) resolve();
      };
      child.stdout!.on('data', check);
      check();
    });
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  await Promise.race([
    said('ready'),
    exited.then(() => {
      throw new Error(
        `holder exited (${child.exitCode ?? child.signalCode}) before holding: ${stderr}`,
      );
    }),
  ]);
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    pid: child.pid!,
    spawnedAt,
    alive,
    answeredSigterm: Promise.race([exited, said('ignored SIGTERM')]),
    async stop() {
      if (!alive()) return;
      child.stdin!.end();
      await exited;
    },
    async kill() {
      if (!alive()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Kills what is left of the holders (a stubborn one, one of another user). */
export async function killAll(holders: readonly HolderProcess[]): Promise<void> {
  for (const holder of holders) await holder.kill();
}
