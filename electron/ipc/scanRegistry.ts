import { randomBytes } from 'node:crypto';
import type { Diagnosis } from '../shared/model/diagnosis';
import type { ProgressListener } from '../engine/diagnose/progress';
import type { ScanProgressEvent } from '../shared/contract';
import { ReplyError } from './replyError';

/** Runs one scan; it must stop soon after `signal` aborts (the runner kills its probes). */
export type RunScan = (signal: AbortSignal, onProgress: ProgressListener) => Promise<Diagnosis>;

export interface ScanRegistryOptions {
  /** Where progress goes: main sends it to the window, tests collect it. */
  onProgress: (event: ScanProgressEvent) => void;
  /** Aborting it cancels every scan: the app is quitting. */
  signal?: AbortSignal;
  /** How many scans are remembered; starting one more forgets (and stops) the oldest. */
  keep?: number;
  /** Told of each scan that finished without being cancelled: it is now the one fixes are planned from. */
  onDiagnosis?: (scanId: string, diagnosis: Diagnosis) => void;
}

type Outcome = { ok: true; diagnosis: Diagnosis } | { ok: false; error: ReplyError };

interface ScanEntry {
  controller: AbortController;
  /** Never rejects: nobody may be waiting for a scan that fails. */
  outcome: Promise<Outcome>;
  finished: boolean;
}

const DEFAULT_KEEP = 4;

export const SCAN_CANCELLED_MESSAGE = 'The scan was cancelled.';

/**
 * The scans main is running or has run, by the ids it gave the renderer
 * (DESIGN.md rule 2: the renderer names a scan only by such an id). Results
 * stay in memory for the last few scans, for the report and the next steps.
 */
export class ScanRegistry {
  private readonly scans = new Map<string, ScanEntry>();
  private readonly keep: number;

  constructor(private readonly options: ScanRegistryOptions) {
    this.keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
    options.signal?.addEventListener('abort', () => this.cancelAll(), { once: true });
  }

  start(run: RunScan): string {
    const scanId = `scan-${randomBytes(8).toString('hex')}`;
    const controller = new AbortController();
    if (this.options.signal?.aborted) controller.abort();
    this.forgetOldest();

    const onProgress: ProgressListener = (progress) => {
      // A cancelled scan may still report while its probes wind down; the UI has moved on.
      if (!controller.signal.aborted) this.options.onProgress({ scanId, ...progress });
    };
    const cancelled = new Promise<Outcome>((resolve) => {
      const settle = () => resolve({ ok: false, error: new ReplyError(SCAN_CANCELLED_MESSAGE) });
      if (controller.signal.aborted) settle();
      else controller.signal.addEventListener('abort', settle, { once: true });
    });
    const ran = Promise.resolve()
      .then(() => run(controller.signal, onProgress))
      .then(
        (diagnosis): Outcome => {
          // A cancelled scan's late result is nobody's latest: the UI moved on without it.
          if (!controller.signal.aborted) this.options.onDiagnosis?.(scanId, diagnosis);
          return { ok: true, diagnosis };
        },
        (error: unknown): Outcome => ({
          ok: false,
          error: new ReplyError(
            'The scan stopped with an error. Try again; if it keeps failing, report the details.',
            error instanceof Error ? error.message : String(error),
          ),
        }),
      );
    // A cancel answers at once: the scan's last steps may still be winding down.
    const entry: ScanEntry = {
      controller,
      outcome: Promise.race([cancelled, ran]),
      finished: false,
    };
    void entry.outcome.then(() => {
      entry.finished = true;
    });
    this.scans.set(scanId, entry);
    return scanId;
  }

  /** True when the scan was still running and is now stopping. */
  cancel(scanId: string): boolean {
    const entry = this.entry(scanId);
    if (entry.finished || entry.controller.signal.aborted) return false;
    entry.controller.abort();
    return true;
  }

  /** The scan's Diagnosis once it ends; a cancelled or failed scan throws a ReplyError. */
  async result(scanId: string): Promise<Diagnosis> {
    const outcome = await this.entry(scanId).outcome;
    if (!outcome.ok) throw outcome.error;
    return outcome.diagnosis;
  }

  cancelAll(): void {
    for (const entry of this.scans.values()) entry.controller.abort();
  }

  private entry(scanId: string): ScanEntry {
    const entry = this.scans.get(scanId);
    if (!entry) {
      throw new ReplyError(
        'That scan is not known (it may be too old). Start a new scan.',
        `unknown scanId ${scanId}`,
      );
    }
    return entry;
  }

  private forgetOldest(): void {
    while (this.scans.size >= this.keep) {
      const [oldestId, oldest] = this.scans.entries().next().value!;
      oldest.controller.abort();
      this.scans.delete(oldestId);
    }
  }
}
