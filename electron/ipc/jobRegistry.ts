import type { UserFacingError } from '../shared/userFacingError';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserFacingError };

interface Job<T> {
  /** Never rejects: nobody may be waiting for a job that fails, and anyone may ask later. */
  outcome: Promise<Outcome<T>>;
  finished: boolean;
  /** Stops the job when it is forgotten; jobs that cannot be stopped have none. */
  stop?: () => void;
}

export interface JobRegistryOptions {
  /** How many jobs are remembered; the oldest (finished ones first, when asked) are forgotten. */
  keep: number;
  /** Only finished jobs are forgotten: a running one stays until it ends. */
  keepRunning: boolean;
  /** What a result request for an unknown id says. */
  unknown: (id: string) => UserFacingError;
  /** A job's failure as the user reads it: refusals pass through, faults get words. */
  asError: (error: unknown) => UserFacingError;
}

/**
 * The long jobs main runs for the renderer (scans, fixes), by the ids main
 * gave it (DESIGN.md rule 2): started once, answered once they end, for
 * whoever asks, and forgotten past a few so memory stays small.
 */
export class JobRegistry<T> {
  private readonly jobs = new Map<string, Job<T>>();

  constructor(private readonly options: JobRegistryOptions) {}

  /** Starts `work` under `id`; `stop` is how a forgotten job is stopped. */
  start(id: string, work: () => Promise<T>, stop?: () => void): void {
    const job: Job<T> = {
      outcome: Promise.resolve()
        .then(work)
        .then(
          (value): Outcome<T> => ({ ok: true, value }),
          (error: unknown): Outcome<T> => ({ ok: false, error: this.options.asError(error) }),
        ),
      finished: false,
      stop,
    };
    void job.outcome.then(() => {
      job.finished = true;
    });
    this.jobs.delete(id);
    this.jobs.set(id, job);
    this.forgetOldest();
  }

  /** The job's value once it ends; its failure is thrown as the user's error. */
  async result(id: string): Promise<T> {
    const outcome = await this.job(id).outcome;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  isFinished(id: string): boolean {
    return this.job(id).finished;
  }

  /** Ids of the jobs still running. */
  running(): string[] {
    return [...this.jobs].filter(([, job]) => !job.finished).map(([id]) => id);
  }

  private job(id: string): Job<T> {
    const job = this.jobs.get(id);
    if (!job) throw this.options.unknown(id);
    return job;
  }

  private forgetOldest(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.options.keep) return;
      if (this.options.keepRunning && !job.finished) continue;
      job.stop?.();
      this.jobs.delete(id);
    }
  }
}
