import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A real Python process that keeps a file open, the way an editor's
 * interpreter holds a package's files. `stubborn` ignores SIGTERM, as a
 * program busy in native code effectively does. Each exits when its stdin
 * closes, so a failed test cannot leave it behind.
 */
const CODE = [
  'import signal, sys',
  "if sys.argv[2] == 'stubborn': signal.signal(signal.SIGTERM, signal.SIG_IGN)",
  "held = open(sys.argv[1], 'rb')",
  "print('ready', flush=True)",
  'sys.stdin.read()',
].join('\n');

export interface Holder {
  child: ChildProcess;
  pid: number;
  alive(): boolean;
  /** Ends it by closing its stdin (the polite way a test cleans up). */
  stop(): Promise<void>;
}

export async function startHolder(
  python: string,
  file: string,
  mode: 'polite' | 'stubborn',
  via: string[] = [],
): Promise<Holder> {
  const command = [...via, python, '-c', CODE, file, mode];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], cwd: '/' });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) =>
      reject(new Error(`holder exited (${code}) before holding: ${stderr}`)),
    );
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    pid: child.pid!,
    alive,
    async stop() {
      if (!alive()) return;
      const exited = once(child, 'exit');
      child.stdin!.end();
      await exited;
    },
  };
}

/** Kills what is left of the holders (a stubborn one, one of another user). */
export async function killAll(holders: readonly Holder[]): Promise<void> {
  for (const holder of holders) {
    if (!holder.alive()) continue;
    const exited = once(holder.child, 'exit');
    holder.child.kill('SIGKILL');
    await exited;
  }
}
