import { afterAll, describe, expect, it } from 'vitest';
import { START_TIME_TOLERANCE_MS } from '../../../electron/platform/processGuard';
import { signalPosix } from '../../../electron/platform/signalProcesses';
import { isRunning, reusePid, startSleeper } from '../../support/liveProcesses';
import type { Live } from '../../support/liveProcesses';

/**
 * Closing processes on Linux, for real: each target is checked by its
 * start time, read from /proc right before the signal, so a pid that now
 * belongs to another program is never signalled.
 */
const started: Live[] = [];
afterAll(() => {
  for (const live of started) live.child.kill('SIGKILL');
});
const sleeper = async () => {
  const live = await startSleeper();
  started.push(live);
  return live;
};

describe.skipIf(process.platform !== 'linux')('signalPosix on Linux', () => {
  it('ends the process the scan found, when its start time still matches', async () => {
    const live = await sleeper();
    const [answer] = signalPosix([{ pid: live.pid, startTime: live.startTime }], true);
    expect(answer!.answer).toBe('sent');
    expect(await live.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('says a process that ended before it was closed is gone, and sends nothing', async () => {
    const live = await sleeper();
    live.child.kill('SIGKILL');
    await live.exited;
    const [answer] = signalPosix([{ pid: live.pid, startTime: live.startTime }], true);
    expect(answer).toMatchObject({ answer: 'gone' });
  });

  it('leaves alone a program that got the pid of the one the scan found', async () => {
    const first = await sleeper();
    const second = await reusePid(first, START_TIME_TOLERANCE_MS);
    // Said, not skipped: without root (ns_last_pid) this case proves nothing, and must not pass.
    if (second === null)
      return expect.fail('could not reuse a pid here (needs root for ns_last_pid)');
    started.push(second);
    expect(second.pid).toBe(first.pid);
    const [answer] = signalPosix([{ pid: first.pid, startTime: first.startTime }], true);
    expect(answer!.answer).toBe('reused');
    expect(answer!.text).toContain(`started at ${second.startTime.slice(0, 19)}`);
    expect(isRunning(second.pid)).toBe(true);
  }, 20_000);

  it('leaves alone a program that got the pid between the check and the signal (the pidfd re-checks)', async () => {
    const first = await sleeper();
    const second = await reusePid(first, START_TIME_TOLERANCE_MS);
    if (second === null)
      return expect.fail('could not reuse a pid here (needs root for ns_last_pid)');
    started.push(second);
    // The check read /proc while the scanned program still had the pid; the pid changed
    // hands right after. The reader stands for that moment: it answers with the old start.
    const readBeforeTheSwap = () => first.startTime;
    const [answer] = signalPosix(
      [{ pid: first.pid, startTime: first.startTime }],
      true,
      readBeforeTheSwap,
    );
    expect(answer!.answer).toBe('reused');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(second.pid)).toBe(true);
  }, 20_000);

  it('leaves alone a process whose start time differs from the scan’s (read through the real /proc reader)', async () => {
    const live = await sleeper();
    const scanned = new Date(Date.parse(live.startTime) - 60_000).toISOString();
    for (const force of [false, true]) {
      const [answer] = signalPosix([{ pid: live.pid, startTime: scanned }], force);
      expect(answer!.answer).toBe('reused');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(live.pid)).toBe(true);
  });
});
