import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Real Python processes that hold files the way an IDE's interpreter does:
 * `open:PATH` keeps a file open, `map:PATH` loads a shared library (the fd is
 * closed after mmap, so only /proc/<pid>/maps shows it). They print "ready"
 * once everything is held and exit when their stdin closes, so a crashed
 * test run cannot leave them behind.
 */

/** The system interpreter: readable by every user, unlike a pyenv under /root. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

// No double quotes, backslashes or $ in it: the tests spell out the command line /proc shows.
export const HOLDER_CODE = [
  'import ctypes, sys',
  'held = []',
  'for arg in sys.argv[1:]:',
  "    kind, _, path = arg.partition(':')",
  "    held.append(open(path, 'rb') if kind == 'open' else ctypes.CDLL(path))",
  "print('ready', flush=True)",
  'sys.stdin.read()',
].join('\n');

export interface HolderProcess {
  child: ChildProcess;
  pid: number;
  /** Date.now() just before the spawn, to check the start time /proc reports. */
  spawnedAt: number;
  stop(): Promise<void>;
}

/** Starts a holder (optionally through a prefix command such as setpriv) and waits until it holds. */
export async function startHolder(
  holds: string[],
  options: { via?: string[]; cwd?: string } = {},
): Promise<HolderProcess> {
  const [program, ...args] = [...(options.via ?? []), SYSTEM_PYTHON, '-c', HOLDER_CODE, ...holds];
  const spawnedAt = Date.now();
  const child = spawn(program!, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd ?? '/' });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) =>
      reject(new Error(`holder exited (${code}) before holding: ${stderr}`)),
    );
  });
  await ready;
  return {
    child,
    pid: child.pid!,
    spawnedAt,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin!.end();
      await exited;
    },
  };
}
