import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { START_TIME_TOLERANCE_MS } from '../../../../electron/platform/processGuard';
import { answersFor } from '../../../../electron/platform/signalProcesses';
import { closeProcessesCommand } from '../../../../electron/platform/windows/closeProcessesScript';
import type { CloseTarget } from '../../../../electron/platform/windows/closeProcessesScript';
import { findPwsh, pwshTitle, runPwsh } from '../../../support/pwsh';
import { dated, isRunning, reusePid, startSleeper } from '../../../support/liveProcesses';
import type { Live } from '../../../support/liveProcesses';

/**
 * The script that closes Windows processes, run by the real PowerShell
 * against real processes: [Diagnostics.Process] opens, dates and ends a
 * Linux process through the same members it uses on Windows. What only
 * Windows has is said so: CloseMainWindow finds no window here (as for a
 * console python.exe there), and "access denied" is Windows' error 5.
 */
const pwsh = findPwsh();
const started: Live[] = [];
afterAll(() => {
  for (const live of started) live.child.kill('SIGKILL');
});

async function close(targets: CloseTarget[], force: boolean) {
  const command = closeProcessesCommand('C:\\Windows', targets, force);
  const result = await runPwsh(pwsh!, command.args);
  expect(result.stderr).toBe('');
  return answersFor(targets, result);
}

describe.skipIf(pwsh === null || process.platform !== 'linux')(
  pwshTitle('Closing processes through one handle each', pwsh),
  () => {
    it('ends the one process by force, and leaves running the child it started (no /T)', async () => {
      const parent = spawn('sh', ['-c', 'sleep 300 & echo $!; wait'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const childPid = await new Promise<number>((resolve) =>
        parent.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))),
      );
      const live = await dated(parent);
      started.push(live);
      try {
        const [answer] = await close([{ pid: live.pid, startTime: live.startTime }], true);
        expect(answer).toMatchObject({ answer: 'sent', text: 'ended by force' });
        expect((await live.exited).signal).toBe('SIGKILL');
        expect(isRunning(childPid)).toBe(true);
      } finally {
        process.kill(childPid, 'SIGKILL');
      }
    }, 30_000);

    it('sends nothing to a process that is gone, to one whose pid another program got, or to one the scan could not date', async () => {
      const gone = await startSleeper();
      gone.child.kill('SIGKILL');
      await gone.exited;
      const first = await startSleeper();
      const second = await reusePid(first, START_TIME_TOLERANCE_MS);
      if (second === null)
        return expect.fail('could not reuse a pid here (needs root for ns_last_pid)');
      started.push(second);
      const undated = await startSleeper();
      started.push(undated);
      const answers = await close(
        [
          { pid: gone.pid, startTime: gone.startTime },
          { pid: first.pid, startTime: first.startTime },
          { pid: undated.pid, startTime: 'unknown' },
        ],
        true,
      );
      expect(answers.map((answer) => answer.answer)).toEqual(['gone', 'reused', 'refused']);
      expect(answers[1]!.text).toContain('the process id now belongs to a program started at');
      expect(answers[2]!.text).toContain('start time was not known');
      expect(isRunning(second.pid)).toBe(true);
      expect(isRunning(undated.pid)).toBe(true);
    }, 30_000);

    it('asks politely first: a process without a window is left for the forced step', async () => {
      const live = await startSleeper();
      started.push(live);
      const [answer] = await close([{ pid: live.pid, startTime: live.startTime }], false);
      expect(answer).toMatchObject({
        answer: 'refused',
        text: 'it has no window to close; only closing by force ends it',
      });
      expect(isRunning(live.pid)).toBe(true);
    }, 30_000);
  },
);
