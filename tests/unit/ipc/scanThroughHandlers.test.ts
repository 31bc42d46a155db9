import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCAN_STEPS } from '../../../electron/engine/diagnose/progress';
import { DiagnosisSchema } from '../../../electron/shared/model/diagnosis';
import { ScanProgressSchema } from '../../../electron/shared/contract';
import type { ScanProgressEvent } from '../../../electron/shared/contract';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { SenderInfo } from '../../../electron/ipc/handlers';
import { realHandlerDeps } from '../../support/handlerDeps';
import { tempTree } from '../../support/tempTree';
import { english } from '../../support/english';

const APP_PAGE = 'http://127.0.0.1:5173/';
const HANG_SECONDS = 987;

/** Processes running `sleep 987`: the hanging interpreter after its exec. */
function hangingProbes(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8') === `sleep\0${HANG_SECONDS}\0`;
      } catch {
        return false;
      }
    })
    .map(Number);
}
const APP_FRAME: SenderInfo = { frameUrl: APP_PAGE, isMainFrame: true };

describe('a real scan of this machine through the IPC handlers', () => {
  const root = tempTree('ipc-scan');

  test('scan:start streams progress for every step, and scan:result gives a valid Diagnosis', async () => {
    const progress: ScanProgressEvent[] = [];
    const { deps } = realHandlerDeps({ appPageUrl: APP_PAGE, saveDir: root });
    const handlers = createHandlers({
      ...deps,
      send: (event, payload) => {
        if (event === 'scan:progress') progress.push(ScanProgressSchema.parse(payload));
      },
    });

    const started = await handlers['scan:start']({ logId: null }, APP_FRAME);
    if (!started.ok) throw new Error(english(started.error.message));
    const { scanId } = started.value;
    expect(scanId).toMatch(/^scan-[0-9a-f]{16}$/);

    const result = await handlers['scan:result']({ scanId }, APP_FRAME);
    if (!result.ok) throw new Error(`${english(result.error.message)} ${result.error.cause}`);
    const diagnosis = DiagnosisSchema.parse(result.value);
    expect(diagnosis.platform).toBe(process.platform);
    expect(diagnosis.installs.some((install) => install.status === 'ok')).toBe(true);

    for (const event of progress) expect(ScanProgressSchema.parse(event).scanId).toBe(scanId);
    for (const step of SCAN_STEPS) {
      expect(
        progress.some((e) => e.step === step && e.state === 'done'),
        step,
      ).toBe(true);
    }

    // Asking again gives the same remembered result, not a new scan.
    const again = await handlers['scan:result']({ scanId }, APP_FRAME);
    expect(again.ok && again.value.scannedAt).toBe(diagnosis.scannedAt);
    // A finished scan has nothing to cancel.
    expect(await handlers['scan:cancel']({ scanId }, APP_FRAME)).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  }, 60_000);

  test('a pasted log reaches the scan: the Diagnosis carries its finding', async () => {
    const { deps } = realHandlerDeps({ appPageUrl: APP_PAGE, saveDir: root });
    const handlers = createHandlers({ ...deps, send: () => undefined });
    const logText = [
      'Collecting requests',
      'error: externally-managed-environment',
      '× This environment is externally managed',
    ].join('\n');
    // The text crosses once, to be classified; the scan names that reading by its id.
    const classified = await handlers['log:classify']({ text: logText }, APP_FRAME);
    if (!classified.ok) throw new Error(english(classified.error.message));
    const started = await handlers['scan:start']({ logId: classified.value.logId }, APP_FRAME);
    if (!started.ok) throw new Error(english(started.error.message));
    const result = await handlers['scan:result']({ scanId: started.value.scanId }, APP_FRAME);
    expect(result.ok && result.value.log?.category).toBe('pep668');
  }, 60_000);

  test('scan:cancel stops a scan stuck on a hanging interpreter, and scan:result says so at once', async () => {
    // A `python3` first on PATH that never answers: its probe would wait out the 10 s timeout.
    // No shebang, so discovery takes it for a binary; the kernel refuses it and spawn falls
    // back to /bin/sh, which runs it. The odd duration makes it findable in the process table.
    const slowBin = join(root, 'slow bin');
    mkdirSync(slowBin);
    writeFileSync(join(slowBin, 'python3'), `exec sleep ${HANG_SECONDS}\n`);
    chmodSync(join(slowBin, 'python3'), 0o755);
    const env = { ...process.env, PATH: `${slowBin}:${process.env.PATH ?? '/usr/bin:/bin'}` };

    const progress: ScanProgressEvent[] = [];
    const { deps } = realHandlerDeps({ appPageUrl: APP_PAGE, saveDir: root, env });
    const handlers = createHandlers({
      ...deps,
      send: (event, payload) => {
        if (event === 'scan:progress') progress.push(ScanProgressSchema.parse(payload));
      },
    });
    const started = await handlers['scan:start']({ logId: null }, APP_FRAME);
    if (!started.ok) throw new Error(english(started.error.message));
    const { scanId } = started.value;

    // Wait until discovery is over: the probes, the hanging one among them, are running.
    await expect
      .poll(() => progress.some((e) => e.step === 'installs' && e.state === 'done'), {
        timeout: 20_000,
      })
      .toBe(true);
    if (process.platform === 'linux') expect(hangingProbes()).not.toEqual([]);
    const pending = handlers['scan:result']({ scanId }, APP_FRAME);

    const cancelledAt = performance.now();
    expect(await handlers['scan:cancel']({ scanId }, APP_FRAME)).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const result = await pending;
    expect(performance.now() - cancelledAt).toBeLessThan(1_000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(english(result.error.message)).toBe('The scan was cancelled.');
      expect(result.error.cause).toBeNull();
    }

    // The runner killed the probe's whole process tree.
    if (process.platform === 'linux')
      await expect.poll(hangingProbes, { timeout: 5_000 }).toEqual([]);

    // A cancelled scan stays cancelled: asking again, or for its report, says so too.
    const report = await handlers['report:markdown']({ scanId, includePersonal: false }, APP_FRAME);
    expect(!report.ok && english(report.error.message)).toBe('The scan was cancelled.');
    // And it no longer reports progress to a UI that has moved on.
    const eventsAfterCancel = progress.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(progress).toHaveLength(eventsAfterCancel);
  }, 60_000);
});
