import { randomBytes } from 'node:crypto';
import type { Diagnosis } from '../shared/model/diagnosis';
import type { ProgressListener } from '../engine/diagnose/progress';
import type { ScanProgressEvent } from '../shared/contract';
import { UserFacingError } from '../shared/userFacingError';
import { JobRegistry } from './jobRegistry';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';

const refusals = defineMessages({
  unknownScan: {
    id: 'error.scan.unknown',
    defaultMessage: 'That scan is not known (it may be too old). Start a new scan.',
  },
  scanFailed: {
    id: 'error.scan.failed',
    defaultMessage:
      'The scan stopped with an error. Try again; if it keeps failing, report the details.',
  },
  scanCancelled: { id: 'error.scan.cancelled', defaultMessage: 'The scan was cancelled.' },
});

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

const DEFAULT_KEEP = 4;

/** What a cancelled scan answers: the renderer knows it by this id and shows no error for it. */
export const SCAN_CANCELLED_MESSAGE = msg(refusals.scanCancelled);

/**
 * The scans main is running or has run, by the ids it gave the renderer
 * (DESIGN.md rule 2: the renderer names a scan only by such an id). Results
 * stay in memory for the last few scans, for the report and the next steps.
 */
export class ScanRegistry {
  private readonly jobs: JobRegistry<Diagnosis>;
  private readonly controllers = new Map<string, AbortController>();

  constructor(private readonly options: ScanRegistryOptions) {
    this.jobs = new JobRegistry({
      keep: Math.max(1, options.keep ?? DEFAULT_KEEP),
      keepRunning: false,
      unknown: (scanId) =>
        new UserFacingError(msg(refusals.unknownScan), `unknown scanId ${scanId}`),
      asError: (error) =>
        error instanceof UserFacingError
          ? error
          : new UserFacingError(
              msg(refusals.scanFailed),
              error instanceof Error ? error.message : String(error),
            ),
    });
    options.signal?.addEventListener('abort', () => this.cancelAll(), { once: true });
  }

  start(run: RunScan): string {
    const scanId = `scan-${randomBytes(8).toString('hex')}`;
    const controller = new AbortController();
    if (this.options.signal?.aborted) controller.abort();

    const onProgress: ProgressListener = (progress) => {
      // A cancelled scan may still report while its probes wind down; the UI has moved on.
      if (!controller.signal.aborted) this.options.onProgress({ scanId, ...progress });
    };
    const cancelled = new Promise<never>((_, reject) => {
      const settle = () => reject(new UserFacingError(SCAN_CANCELLED_MESSAGE));
      if (controller.signal.aborted) settle();
      else controller.signal.addEventListener('abort', settle, { once: true });
    });
    const ran = Promise.resolve()
      .then(() => run(controller.signal, onProgress))
      .then((diagnosis) => {
        // A cancelled scan's late result is nobody's latest: the UI moved on without it.
        if (!controller.signal.aborted) this.options.onDiagnosis?.(scanId, diagnosis);
        return diagnosis;
      });
    // Neither may be left rejecting unheard when the other settles first.
    cancelled.catch(() => undefined);
    ran.catch(() => undefined);
    this.controllers.set(scanId, controller);
    // A cancel answers at once: the scan's last steps may still be winding down.
    this.jobs.start(
      scanId,
      () => Promise.race([cancelled, ran]),
      () => {
        controller.abort();
        this.controllers.delete(scanId);
      },
    );
    return scanId;
  }

  /** True when the scan was still running and is now stopping. */
  cancel(scanId: string): boolean {
    if (this.jobs.isFinished(scanId)) return false;
    const controller = this.controllers.get(scanId);
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  }

  /** The scan's Diagnosis once it ends; a cancelled or failed scan throws a UserFacingError. */
  result(scanId: string): Promise<Diagnosis> {
    return this.jobs.result(scanId);
  }

  cancelAll(): void {
    for (const controller of this.controllers.values()) controller.abort();
  }
}
