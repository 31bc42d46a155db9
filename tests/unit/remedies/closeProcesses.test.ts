import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ActionOutcome, StepItem } from '../../../electron/shared/actionModel';
import type { CloseGrace } from '../../../electron/remedies/run/liveTargets';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import { runActionInChild } from '../../support/childAction';
import { killAll, startHolder } from '../../support/pythonHolder';
import type { HolderProcess } from '../../support/pythonHolder';
import { refusalOf } from '../../support/refusal';
import { english, englishOf } from '../../support/english';

const isRoot = process.geteuid?.() === 0;
const SETPRIV = '/usr/bin/setpriv';
const canSwitchUser = isRoot && existsSync(SETPRIV);
const AS_NOBODY = [SETPRIV, '--reuid=65534', '--regid=65534', '--clear-groups'];
/** Another unprivileged account: the action runs as it and may not signal nobody's processes. */
const AS_OTHER = [SETPRIV, '--reuid=65533', '--regid=65533', '--clear-groups'];

const root = tempTree('close-processes');
const venv = join(root, 'venv');
const python = join(venv, 'bin', 'python');
const held = join(venv, 'lib', 'held', 'données.txt');
const holders: HolderProcess[] = [];

beforeAll(() => {
  execFileSync(SYSTEM_PYTHON, ['-m', 'venv', venv]);
  mkdirSync(join(venv, 'lib', 'held'), { recursive: true });
  writeFileSync(held, 'held by a running program');
  chmodSync(held, 0o644);
}, 60_000);

afterAll(() => killAll(holders));

async function hold(mode: 'polite' | 'stubborn', via: string[] = []): Promise<HolderProcess> {
  const holder = await startHolder([`open:${held}`], {
    python,
    via,
    onSigterm: mode === 'stubborn' ? 'ignore' : 'end',
  });
  holders.push(holder);
  return holder;
}

/**
 * The graceful step's time is up once every program asked has answered:
 * closed, or (a stubborn one) said it ignores the request. An event, not
 * the app's fixed wait, so a loaded machine cannot turn "closed when
 * asked" into "still running".
 */
const untilAnswered: CloseGrace = async (asked) => {
  await Promise.all(
    asked.map((target) => holders.find((holder) => holder.pid === target.pid)?.answeredSigterm),
  );
};

function itemsOf(outcome: ActionOutcome, stepId: string): StepItem[] {
  return outcome.steps.find((step) => step.stepId === stepId)?.items ?? [];
}

function itemFor(outcome: ActionOutcome, stepId: string, pid: number): StepItem | undefined {
  // "python3.11 (pid 4862)" or "python3.11 (pid 4862, Jupyter kernel started by VS Code)"
  return itemsOf(outcome, stepId).find((item) =>
    new RegExp(`\\(pid ${pid}[,)]`).test(english(item.label)),
  );
}

describe('close-processes against real processes', () => {
  test('graceful first; force only with consent; gone and reused pids are reported, never signalled', async () => {
    const polite = await hold('polite');
    const stubborn = await hold('stubborn');
    const leaver = await hold('polite');
    const reused = await hold('polite');
    const consents: boolean[] = [];
    let answer = false;
    const harness = createHarness(root, {
      extra: { closeGrace: untilAnswered },
      onProgress(event, service) {
        if (event.type === 'consent-needed') {
          consents.push(answer);
          service.answerConsent(event.runId, event.stepId, answer);
        }
      },
    });
    // The scan as it would be had `reused`'s pid belonged to another program when it was taken.
    const scan = await harness.scan([python], (diagnosis) => ({
      ...diagnosis,
      processes: diagnosis.processes.map((process) =>
        process.pid === reused.pid
          ? {
              ...process,
              startTime: new Date(Date.parse(process.startTime) - 3_600_000).toISOString(),
            }
          : process,
      ),
    }));
    const venvInstall = scan.installOf(python);
    const found = scan.diagnosis.processes.filter((process) => process.holds.includes(held));
    expect(found.map((process) => process.pid).sort()).toEqual(
      [polite, stubborn, leaver, reused].map((holder) => holder.pid).sort(),
    );

    const plan = await harness.service.plan(
      scan.request({
        remedy: 'close-processes',
        installId: venvInstall.id,
        processes: found.map(({ pid, startTime }) => ({ pid, startTime })),
      }),
    );
    expect(plan.steps.map((step) => [step.id, step.confirmation !== null])).toEqual([
      ['close-gracefully', false],
      ['close-by-force', true],
    ]);
    expect(plan.undoable).toBe(false);

    // Exits by itself between the scan and the click.
    await leaver.stop();
    const first = await harness.service.run(plan.id);

    expect(itemFor(first, 'close-gracefully', polite.pid)?.status).toBe('done');
    expect(itemFor(first, 'close-gracefully', leaver.pid)).toMatchObject({ status: 'gone' });
    expect(itemFor(first, 'close-gracefully', reused.pid)).toMatchObject({ status: 'refused' });
    expect(englishOf(itemFor(first, 'close-gracefully', reused.pid)?.detail)).toMatch(
      /now belongs to a program that started at/,
    );
    expect(itemFor(first, 'close-gracefully', stubborn.pid)?.status).toBe('still-running');
    // Asked once, answered no: the stubborn one is not killed, and the reused pid was never signalled.
    expect(consents).toEqual([false]);
    expect(first.steps.find((step) => step.stepId === 'close-by-force')?.status).toBe('skipped');
    expect(polite.alive()).toBe(false);
    expect(stubborn.alive()).toBe(true);
    expect(reused.alive()).toBe(true);
    // Files are still held by a program the user chose to keep: not fixed yet, and not a restart's to fix.
    expect(first.status).toBe('failed');
    expect(english(first.summary)).toMatch(/^You chose to keep .*pid \d+\) running/);
    expect(first.verification.ok).toBe(false);

    await reused.stop();
    answer = true;
    const again = await harness.scan([python]);
    const second = await harness.service.plan(
      again.request({
        remedy: 'close-processes',
        installId: venvInstall.id,
        processes: again.diagnosis.processes
          .filter((process) => process.pid === stubborn.pid)
          .map(({ pid, startTime }) => ({ pid, startTime })),
      }),
    );
    const outcome = await harness.service.run(second.id);
    expect(consents).toEqual([false, true]);
    expect(itemFor(outcome, 'close-by-force', stubborn.pid)?.status).toBe('done');
    expect(englishOf(itemFor(outcome, 'close-by-force', stubborn.pid)?.detail)).toBe(
      'Closed by force.',
    );
    expect(stubborn.alive()).toBe(false);
    expect(outcome.status, english(outcome.summary)).toBe('succeeded');
    expect(english(outcome.verification.detail)).toBe('No program holds the files any more.');
  }, 60_000);

  test('refuses processes that are not in the latest scan, and the app itself', async () => {
    const harness = createHarness(root);
    const scan = await harness.scan([python]);
    const install = scan.installOf(python);
    expect(
      await refusalOf(
        harness.service.plan(
          scan.request({
            remedy: 'close-processes',
            installId: install.id,
            processes: [{ pid: process.pid, startTime: new Date().toISOString() }],
          }),
        ),
      ),
    ).toMatch(/not in the latest scan/);
  }, 30_000);

  describe.skipIf(!canSwitchUser)(
    canSwitchUser
      ? 'a kill the system denies'
      : 'a kill the system denies (skipped: needs root and setpriv(1) to run processes as other users)',
    () => {
      test('a process of uid 65534 targeted by an action running as uid 65533 is reported as denied, not closed', async () => {
        const nobodys = await hold('polite', AS_NOBODY);
        const harness = createHarness(root);
        // Scanned as root (privileged, so another user's process may be planned), run unprivileged.
        const scan = await harness.scan([python]);
        const target = scan.diagnosis.processes.find((process) => process.pid === nobodys.pid);
        expect(target?.sameUser).toBe(false);
        const dataDir = join(root, 'other-user-data');
        mkdirSync(dataDir);
        chmodSync(dataDir, 0o777);
        const run = runActionInChild(
          {
            dataDir,
            homeDir: root,
            pipSourceArgs: [],
            scanId: scan.scanId,
            diagnosis: scan.diagnosis,
            request: scan.request({
              remedy: 'close-processes',
              installId: scan.installOf(python).id,
              processes: [{ pid: target!.pid, startTime: target!.startTime }],
            }),
            pauseAt: null,
            consent: true,
          },
          join(dataDir, 'job.json'),
          AS_OTHER,
        );
        const outcome = await run.outcome;
        const item = itemFor(outcome, 'close-gracefully', nobodys.pid);
        expect(item?.status).toBe('denied');
        expect(englishOf(item?.detail)).toMatch(
          /did not allow Pip Doctor to close it \(operation not permitted \(EPERM\)\): it runs as nobody/,
        );
        expect(nobodys.alive()).toBe(true);
        // Nothing may force it either; and the files stay held, which the outcome says.
        expect(outcome.steps.find((step) => step.stepId === 'close-by-force')?.status).toBe(
          'skipped',
        );
        expect(outcome.status).toBe('needs-restart');
        expect(english(outcome.verification.detail)).toMatch(
          new RegExp(`\\(pid ${nobodys.pid}[,)]`),
        );
      }, 60_000);
    },
  );
});
