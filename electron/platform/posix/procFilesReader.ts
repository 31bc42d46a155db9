import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/**
 * The main thread's side of procFilesWorker.js: worker threads, started once
 * (a thread costs tens of milliseconds to start, a scan a few) and kept,
 * idle, without keeping the process alive. The processes are shared out by
 * pid among up to two of them: the reading is system calls on /proc, which
 * run in parallel on separate cores. A worker that does not answer in time is
 * presumed stuck in the kernel: it is abandoned, the scan says so, and the
 * next scan gets a new one.
 */

export interface OpenFilesRequest {
  /** Only paths containing one of these come back. */
  needles: readonly string[];
  /** Processes not to look at (this app itself). */
  skipPids: readonly number[];
  signal?: AbortSignal;
  /** Default 20 s: a healthy scan of a busy desktop takes well under a second. */
  timeoutMs?: number;
}

export type OpenFilesReading =
  | {
      timedOut: false;
      /** Processes with at least one open or mapped path that contains a needle. */
      processes: Array<{ pid: number; paths: string[] }>;
      /** Processes whose files could not be read (other users', hardened ones). */
      denied: number;
    }
  | { timedOut: true; timeoutMs: number };

const DEFAULT_TIMEOUT_MS = 20_000;
/** Beyond two, the main thread's merging and the threads' start-up outweigh what they save. */
const WORKERS = Math.max(1, Math.min(2, availableParallelism()));
/** Beside this module in the sources; beside the bundle electron-vite writes to out/main. */
const WORKER_FILE = join(__dirname, 'procFilesWorker.js');

const AnswerSchema = z.union([
  z.object({
    id: z.number(),
    processes: z.array(z.object({ pid: z.number().int(), paths: z.array(z.string()) })),
    denied: z.number().int(),
  }),
  z.object({ id: z.number(), error: z.string() }),
]);
type Answer = z.infer<typeof AnswerSchema>;

/** This worker reads the pids for which pid % count === index. */
interface Shard {
  index: number;
  count: number;
}

interface Pending {
  settle(answer: Answer): void;
  fail(error: Error): void;
  /** The worker is presumed stuck: the scan goes on without open files. */
  expire(): void;
}

/** One worker thread and the requests waiting on it. */
class OpenFilesWorker {
  private readonly thread: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Set once it failed or was abandoned: the next scan starts a new one. */
  retired = false;
  /** Resolves when the thread runs, or has failed to start. */
  readonly online: Promise<void>;

  constructor() {
    // No execArgv: the worker is plain JavaScript and needs none of the loaders (tsx)
    // the parent may have been started with.
    this.thread = new Worker(WORKER_FILE, { execArgv: [] });
    this.thread.unref();
    this.online = new Promise((resolve) => {
      this.thread.once('online', resolve);
      this.thread.once('exit', () => resolve());
    });
    this.thread.on('message', (message: unknown) => {
      const answer = AnswerSchema.safeParse(message);
      if (answer.success) this.pending.get(answer.data.id)?.settle(answer.data);
    });
    this.thread.on('error', (error) => this.failAll(error));
    this.thread.on('exit', (code) =>
      this.failAll(new Error(`The open-files reader stopped unexpectedly (exit code ${code}).`)),
    );
  }

  read(request: OpenFilesRequest, shard: Shard): Promise<OpenFilesReading> {
    const { signal } = request;
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const id = this.nextId++;
    return new Promise<OpenFilesReading>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.pending.delete(id);
        // Referenced only while a scan waits on it: an idle worker must not keep the CLI alive.
        if (this.pending.size === 0) this.thread.unref();
      };
      const onAbort = () => {
        // The worker finishes its pass (milliseconds); its answer is then ignored.
        done();
        reject(signal!.reason);
      };
      const timer = setTimeout(() => this.abandon(), timeoutMs);
      this.pending.set(id, {
        expire() {
          done();
          resolve({ timedOut: true, timeoutMs });
        },
        settle(answer) {
          done();
          if ('error' in answer) reject(new Error(`Reading open files failed: ${answer.error}`));
          else resolve({ timedOut: false, processes: answer.processes, denied: answer.denied });
        },
        fail(error) {
          done();
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.thread.ref();
      this.thread.postMessage({
        id,
        needles: request.needles,
        skipPids: request.skipPids,
        shard,
      });
    });
  }

  private failAll(error: Error): void {
    this.retired = true;
    for (const waiting of [...this.pending.values()]) waiting.fail(error);
  }

  /**
   * Gives up on a worker that did not answer in time, for every scan waiting
   * on it. terminate() takes effect only once the thread leaves the system
   * call it may be stuck in; until then it is merely forgotten.
   */
  private abandon(): void {
    this.retired = true;
    for (const waiting of [...this.pending.values()]) waiting.expire();
    void this.thread.terminate();
  }
}

const pool: Array<OpenFilesWorker | null> = Array.from({ length: WORKERS }, () => null);

/**
 * Starts the worker threads ahead of the first holder scan, so that it does
 * not wait for them; called when a scan begins. Idle threads cost a few MB each.
 * Resolves once every thread runs (it never rejects: a thread that fails to
 * start is replaced by the scan that needs it).
 */
export function prepareOpenFilesReader(): Promise<void> {
  return Promise.all(workers().map((worker) => worker.online)).then(() => undefined);
}

export async function readOpenFiles(request: OpenFilesRequest): Promise<OpenFilesReading> {
  request.signal?.throwIfAborted();
  const readings = await Promise.all(
    workers().map((worker, index) => worker.read(request, { index, count: WORKERS })),
  );
  const unanswered = readings.find((reading) => reading.timedOut);
  if (unanswered) return unanswered;
  return {
    timedOut: false,
    processes: readings.flatMap((reading) => (reading.timedOut ? [] : reading.processes)),
    denied: readings.reduce((sum, reading) => sum + (reading.timedOut ? 0 : reading.denied), 0),
  };
}

function workers(): OpenFilesWorker[] {
  return pool.map((worker, index) => {
    if (worker && !worker.retired) return worker;
    const fresh = new OpenFilesWorker();
    pool[index] = fresh;
    return fresh;
  });
}
