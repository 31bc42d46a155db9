import { readFileSync, realpathSync } from 'node:fs';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  formatCommandLine,
  parseStat,
  readProcessDetails,
  readProcessSummaries,
} from '../../../../electron/platform/posix/procProcessTable';

/** Every process with its details, read the way a scan reads them: summaries, then details. */
async function readProcessTable(options: { signal?: AbortSignal } = {}) {
  const summaries = await readProcessSummaries(options);
  return readProcessDetails(summaries, [...summaries.keys()], options);
}

describe('parseStat', () => {
  it('finds the fields after a comm that contains spaces and parentheses', () => {
    // Fields 3..22 after the comm; 22 (starttime) is 4242.
    const after = 'S 77 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 4242 0 0';
    expect(parseStat(`1234 (tmux: server) ${after}`)).toEqual({
      name: 'tmux: server',
      ppid: 77,
      startTicks: 4242,
    });
    expect(parseStat(`1234 (a) b (c)) ${after}`)).toEqual({
      name: 'a) b (c)',
      ppid: 77,
      startTicks: 4242,
    });
  });

  it('reads this very process as the kernel writes it', () => {
    const fields = parseStat(readFileSync('/proc/self/stat', 'utf8'))!;
    expect(fields.ppid).toBe(process.ppid);
    expect(fields.startTicks).toBeGreaterThan(0);
  });

  it('refuses text that is not a stat line', () => {
    expect(parseStat('')).toBeNull();
  });
});

describe('formatCommandLine', () => {
  it('joins NUL-separated arguments, quoting those with spaces', () => {
    expect(formatCommandLine('python3\0-m\0pip\0install\0my pkg\0')).toBe(
      'python3 -m pip install "my pkg"',
    );
  });

  it('escapes what would make a quoted argument ambiguous', () => {
    expect(formatCommandLine('sh\0-c\0echo "$HOME" \\ `x`\0')).toBe(
      'sh -c "echo \\"\\$HOME\\" \\\\ \\`x\\`"',
    );
    expect(formatCommandLine('prog\0\0last\0')).toBe('prog "" last');
  });

  it('shows a rewritten process title (one argument with spaces) as written', () => {
    expect(formatCommandLine('postgres: checkpointer ')).toBe('postgres: checkpointer ');
    expect(formatCommandLine('')).toBe('');
  });
});

describe('readProcessTable', () => {
  it('lists this process with its parent, binary, command line, user and start time', async () => {
    const before = Date.now();
    const table = await readProcessTable();
    const self = table.get(process.pid)!;
    expect(self).toMatchObject({
      pid: process.pid,
      ppid: process.ppid,
      executable: realpathSync(process.execPath),
      uid: process.geteuid!(),
      user: userInfo().username,
    });
    expect(self.commandLine.length).toBeGreaterThan(0);
    const started = Date.parse(self.startTime);
    expect(started).toBeLessThanOrEqual(before + 1000);
    expect(started).toBeGreaterThan(before - process.uptime() * 1000 - 2000);
    expect(table.get(process.ppid)).toBeDefined();
  });

  it('gives the same start time on every read, so pid + start time identifies a process', async () => {
    const [first, second] = [await readProcessTable(), await readProcessTable()];
    expect(second.get(process.pid)!.startTime).toBe(first.get(process.pid)!.startTime);
  });

  it('shows kernel threads the way ps does', async () => {
    const table = await readProcessTable();
    const kthreadd = table.get(2);
    // Absent in a container's own pid namespace; a kernel thread everywhere else.
    if (kthreadd?.name === 'kthreadd') {
      expect(kthreadd).toMatchObject({ commandLine: '[kthreadd]', executable: null });
    }
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readProcessTable({ signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
