import { describe, expect, test } from 'vitest';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import type { ScanProgressEvent } from '../../../electron/shared/contract';
import { ScanRegistry } from '../../../electron/ipc/scanRegistry';
import type { RunScan } from '../../../electron/ipc/scanRegistry';
import { posixDiagnosis } from '../engine/report/diagnosisFixtures';
import { refusalOf } from '../../support/refusal';

/** A scan that waits until told to finish, or until it is aborted. */
function controllableScan() {
  let finish: (diagnosis: Diagnosis) => void = () => undefined;
  let scanSignal: AbortSignal | null = null;
  const run: RunScan = (signal, onProgress) =>
    new Promise((resolve) => {
      onProgress({ step: 'installs', state: 'running', detail: null });
      finish = resolve;
      scanSignal = signal;
    });
  return {
    run,
    finish: (d: Diagnosis) => finish(d),
    aborted: () => scanSignal?.aborted === true,
  };
}

describe('the scan registry', () => {
  test('ids are unguessable and progress is tagged with them', async () => {
    const progress: ScanProgressEvent[] = [];
    const registry = new ScanRegistry({ onProgress: (event) => progress.push(event) });
    const scan = controllableScan();
    const first = registry.start(scan.run);
    const second = registry.start(controllableScan().run);
    expect(first).toMatch(/^scan-[0-9a-f]{16}$/);
    expect(second).not.toBe(first);
    await Promise.resolve();
    await Promise.resolve();
    expect(progress.map((event) => event.scanId)).toEqual([first, second]);
    scan.finish(posixDiagnosis());
    await expect(registry.result(first)).resolves.toMatchObject({ cause: 'pep668' });
  });

  test('a failing scan gives an error with its cause, for every caller', async () => {
    const registry = new ScanRegistry({ onProgress: () => undefined });
    const scanId = registry.start(() => Promise.reject(new Error('EMFILE: too many open files')));
    for (let i = 0; i < 2; i++) {
      const refused = registry.result(scanId);
      await expect(refused).rejects.toMatchObject({
        technicalCause: 'EMFILE: too many open files',
      });
      expect(await refusalOf(refused)).toMatch(/stopped with an error/);
    }
  });

  test('only the last few scans are kept; the oldest is stopped and forgotten', async () => {
    const registry = new ScanRegistry({ onProgress: () => undefined, keep: 2 });
    const oldest = controllableScan();
    const oldestId = registry.start(oldest.run);
    await Promise.resolve();
    registry.start(controllableScan().run);
    registry.start(controllableScan().run);
    expect(oldest.aborted()).toBe(true);
    expect(await refusalOf(registry.result(oldestId))).toMatch(/not known/);
  });

  test('quitting the app cancels every running scan', async () => {
    const quitting = new AbortController();
    const registry = new ScanRegistry({ onProgress: () => undefined, signal: quitting.signal });
    const scan = controllableScan();
    const scanId = registry.start(scan.run);
    await Promise.resolve();
    quitting.abort();
    expect(scan.aborted()).toBe(true);
    expect(await refusalOf(registry.result(scanId))).toMatch('The scan was cancelled.');
    // After quitting, a new scan starts already cancelled.
    expect(await refusalOf(registry.result(registry.start(controllableScan().run)))).toMatch(
      'The scan was cancelled.',
    );
  });

  test('each scan that finishes is handed on for planning; a cancelled one never is, even if it ends later', async () => {
    const finished: string[] = [];
    const registry = new ScanRegistry({
      onProgress: () => undefined,
      onDiagnosis: (scanId) => finished.push(scanId),
    });
    const cancelled = controllableScan();
    const cancelledId = registry.start(cancelled.run);
    const completed = controllableScan();
    const completedId = registry.start(completed.run);
    await Promise.resolve();
    registry.cancel(cancelledId);
    // Its probes still deliver a result after the cancel: too late to count.
    cancelled.finish(posixDiagnosis());
    completed.finish(posixDiagnosis());
    await registry.result(completedId);
    expect(await refusalOf(registry.result(cancelledId))).toMatch('The scan was cancelled.');
    expect(finished).toEqual([completedId]);
  });
});
