import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/**
 * The one child-process runner (DESIGN rule 3): a program and an argument
 * array, never a shell, so nothing in a path or a package name is ever
 * interpreted. Every run has a timeout, a cap on captured output and can be
 * cancelled; on timeout or cancel the whole process tree is killed.
 */

export interface RunOptions {
  timeoutMs: number;
  /** Per stream; default 1 MiB. Past it output is drained and dropped. */
  maxOutputBytes?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to the child's stdin, which is then closed; without it stdin is the null device. */
  stdin?: string;
  /**
   * Each piece of output as it arrives, decoded (stdout and stderr alike,
   * interleaved as they come): for a run the user watches live. Past the
   * cap nothing more is passed on, as nothing more is kept.
   */
  onOutput?: (text: string) => void;
}

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  cancelled: boolean;
  /** True when either stream reached maxOutputBytes. */
  truncated: boolean;
  /** The program could not be started (ENOENT, EACCES, EINVAL for a .bat on Windows...). */
  spawnError: { code: string; message: string } | null;
  durationMs: number;
}

const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
/**
 * After 'exit', how long to wait for the pipes to close. A grandchild that
 * inherited them (or a daemon the child started) can keep them open forever.
 */
const STREAM_CLOSE_GRACE_MS = 250;
/** After a kill, how long to wait for 'exit' before giving up on the process. */
const KILL_GRACE_MS = 2000;

const isWindows = process.platform === 'win32';

/** Collects one output stream up to a byte cap, decoding UTF-8 across chunk boundaries. */
class CappedText {
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private bytes = 0;
  truncated = false;

  constructor(
    private readonly cap: number,
    private readonly onText?: (text: string) => void,
  ) {}

  /** Keeps reading past the cap so the child never blocks on a full pipe. */
  attach(stream: Readable | null): void {
    stream?.on('data', (chunk: Buffer) => this.add(chunk));
    // A destroyed pipe after a kill may report EPIPE/ECONNRESET; the run's outcome already says why.
    stream?.on('error', () => undefined);
  }

  private add(chunk: Buffer): void {
    if (this.truncated) return;
    const room = this.cap - this.bytes;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.bytes += kept.length;
    const text = this.decoder.write(kept);
    this.text += text;
    if (text !== '') this.onText?.(text);
    if (kept.length < chunk.length) this.truncated = true;
  }

  /** A cut in the middle of a character is dropped rather than shown as U+FFFD. */
  result(): string {
    return this.truncated ? this.text : this.text + this.decoder.end();
  }
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'UNKNOWN';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Kills the child and everything it started. */
function killTree(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (isWindows) {
    // taskkill /T walks the tree by parent pid, so it must run while the child is alive.
    // Absolute path: a taskkill.exe in the working folder or early on PATH must not be picked.
    const taskkill = `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\taskkill.exe`;
    const killer = spawn(taskkill, ['/T', '/F', '/PID', String(pid)], {
      windowsHide: true,
      stdio: 'ignore',
    });
    killer.on('error', () => child.kill('SIGKILL'));
    return;
  }
  try {
    // The child was started detached, so it leads its own process group: -pid reaches its descendants.
    process.kill(-pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export function runProcess(
  program: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const started = performance.now();
  const stdout = new CappedText(
    options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    options.onOutput,
  );
  const stderr = new CappedText(
    options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    options.onOutput,
  );

  const outcome = (fields: Partial<RunResult>): RunResult => ({
    exitCode: null,
    signal: null,
    stdout: stdout.result(),
    stderr: stderr.result(),
    timedOut: false,
    cancelled: false,
    truncated: stdout.truncated || stderr.truncated,
    spawnError: null,
    durationMs: Math.round(performance.now() - started),
    ...fields,
  });

  if (options.signal?.aborted) return Promise.resolve(outcome({ cancelled: true }));

  let child: ChildProcess;
  try {
    child = spawn(program, [...args], {
      shell: false,
      windowsHide: true,
      detached: !isWindows,
      env: options.env,
      cwd: options.cwd,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    // Invalid arguments (a NUL byte) and Windows' refusal to start .bat/.cmd files throw synchronously.
    const spawnError = { code: errorCode(error), message: errorMessage(error) };
    return Promise.resolve(outcome({ spawnError }));
  }

  return new Promise<RunResult>((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let finished = false;
    const timers: NodeJS.Timeout[] = [];

    const finish = (fields: Partial<RunResult> = {}): void => {
      if (finished) return;
      finished = true;
      timers.forEach(clearTimeout);
      options.signal?.removeEventListener('abort', onAbort);
      // Stop reading: pipes still held open by a grandchild must not keep this process busy.
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve(
        outcome({
          exitCode: exited?.code ?? null,
          signal: exited?.signal ?? null,
          timedOut,
          cancelled,
          ...fields,
        }),
      );
    };

    const stop = (): void => {
      killTree(child);
      // A process that survives SIGKILL/TerminateProcess (stuck in the kernel, access denied)
      // must not hang the caller.
      timers.push(setTimeout(() => finish(), KILL_GRACE_MS));
    };

    function onAbort(): void {
      if (exited || finished) return;
      cancelled = true;
      stop();
    }

    stdout.attach(child.stdout);
    stderr.attach(child.stderr);
    if (child.stdin) {
      // The child may exit without reading its input (EPIPE); that is its answer, not our error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.stdin);
    }

    child.on('error', (error) => {
      // Without a pid the program never started; other errors (a failed kill) change nothing.
      if (child.pid === undefined) {
        finish({ spawnError: { code: errorCode(error), message: errorMessage(error) } });
      }
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      timers.push(setTimeout(() => finish(), STREAM_CLOSE_GRACE_MS));
    });
    child.on('close', () => finish());

    timers.push(
      setTimeout(() => {
        if (exited || finished) return;
        timedOut = true;
        stop();
      }, options.timeoutMs),
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
