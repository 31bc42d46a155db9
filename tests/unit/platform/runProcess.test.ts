import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../../electron/platform/runProcess';

// Real processes only: node itself (always present) and /bin/sh for process trees.
const node = process.execPath;
const scratch = mkdtempSync(join(tmpdir(), 'pip-doctor-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Gone, or a zombie nobody has reaped yet (container init may never reap it). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !isAlive(pid);
}

describe('runProcess', () => {
  it('passes every argument literally, with no shell in between', async () => {
    const args = [
      'two words',
      '"double" and \'single\' quotes',
      'a & b | c > d',
      '%PATH% !PATH! ^',
      '$(echo injected) `echo injected` $HOME',
      'Ünïcödé 日本語 🐍',
      '',
      '*',
    ];
    const result = await runProcess(
      node,
      ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...args],
      { timeoutMs: 10_000 },
    );
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(args);
  });

  it('reports exit codes and the signal that ended the child', async () => {
    const three = await runProcess(node, ['-e', 'process.exit(3)'], { timeoutMs: 10_000 });
    expect(three).toMatchObject({ exitCode: 3, signal: null, timedOut: false, spawnError: null });

    const killed = await runProcess('/bin/sh', ['-c', 'kill -TERM $$'], { timeoutMs: 10_000 });
    expect(killed).toMatchObject({ exitCode: null, signal: 'SIGTERM' });
  });

  it('captures stdout and stderr separately and feeds stdin', async () => {
    const result = await runProcess(
      node,
      [
        '-e',
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{process.stdout.write(s.toUpperCase());process.stderr.write("err")})',
      ],
      { timeoutMs: 10_000, stdin: 'héllo' },
    );
    expect(result).toMatchObject({ exitCode: 0, stdout: 'HÉLLO', stderr: 'err' });
  });

  it('keeps a character whose UTF-8 bytes arrive in separate chunks', async () => {
    const result = await runProcess(
      node,
      [
        '-e',
        'process.stdout.write(Buffer.from([0xe2, 0x82]), () => setTimeout(() => process.stdout.write(Buffer.from([0xac])), 100))',
      ],
      { timeoutMs: 10_000 },
    );
    expect(result.stdout).toBe('€');
  });

  it('kills the whole process tree on timeout', async () => {
    const result = await runProcess('/bin/sh', ['-c', 'sleep 100 & echo $!; sleep 100'], {
      timeoutMs: 500,
    });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(result.durationMs).toBeLessThan(5_000);
    const grandchild = Number(result.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    expect(await waitUntilGone(grandchild, 2_000)).toBe(true);
  });

  it('kills a grandchild that a forking python started', async () => {
    const script = [
      'import os, sys, time',
      'pid = os.fork()',
      'if pid == 0:',
      '    time.sleep(100)',
      "sys.stdout.write('%d\\n' % pid)",
      'sys.stdout.flush()',
      'time.sleep(100)',
    ].join('\n');
    const result = await runProcess('python3', ['-c', script], { timeoutMs: 1_000 });
    expect(result.timedOut).toBe(true);
    const grandchild = Number(result.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    expect(await waitUntilGone(grandchild, 2_000)).toBe(true);
  });

  it('does not wait past the timeout for a child that closed its output but keeps running', async () => {
    const result = await runProcess('/bin/sh', ['-c', 'exec >&- 2>&-; sleep 100'], {
      timeoutMs: 500,
    });
    expect(result.timedOut).toBe(true);
    expect(result.durationMs).toBeLessThan(3_000);
  });

  it('returns soon after exit when a background grandchild still holds the pipes', async () => {
    const result = await runProcess('/bin/sh', ['-c', 'sleep 30 & echo $!'], {
      timeoutMs: 20_000,
    });
    const grandchild = Number(result.stdout.trim());
    try {
      expect(result).toMatchObject({ exitCode: 0, timedOut: false });
      expect(result.durationMs).toBeLessThan(3_000);
    } finally {
      process.kill(grandchild, 'SIGKILL');
    }
  });

  it('cancels through an AbortSignal and kills the tree', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await runProcess('/bin/sh', ['-c', 'sleep 100 & echo $!; sleep 100'], {
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    expect(result).toMatchObject({ cancelled: true, timedOut: false, exitCode: null });
    expect(result.durationMs).toBeLessThan(5_000);
    expect(await waitUntilGone(Number(result.stdout.trim()), 2_000)).toBe(true);
  });

  it('does not start anything when the signal is already aborted', async () => {
    const marker = join(scratch, 'should-not-exist');
    const result = await runProcess('/bin/sh', ['-c', `touch '${marker}'`], {
      timeoutMs: 10_000,
      signal: AbortSignal.abort(),
    });
    expect(result.cancelled).toBe(true);
    expect(() => readFileSync(marker)).toThrow();
  });

  it('caps captured output and still drains a child printing 50 MB', async () => {
    const result = await runProcess(
      node,
      ['-e', 'process.stdout.write("x".repeat(50 * 1024 * 1024)); process.stderr.write("done")'],
      { timeoutMs: 30_000 },
    );
    expect(result).toMatchObject({ exitCode: 0, truncated: true, timedOut: false, stderr: 'done' });
    expect(result.stdout.length).toBe(1024 * 1024);
  });

  it('honours a smaller cap without splitting a character into U+FFFD', async () => {
    const result = await runProcess(node, ['-e', 'process.stdout.write("€".repeat(10))'], {
      timeoutMs: 10_000,
      maxOutputBytes: 8,
    });
    expect(result).toMatchObject({ truncated: true, stdout: '€€' });
  });

  it('survives binary garbage on stdout', async () => {
    const result = await runProcess(
      node,
      ['-e', 'process.stdout.write(require("node:crypto").randomBytes(200000))'],
      { timeoutMs: 10_000 },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
  });

  it('reports a missing program as ENOENT instead of rejecting', async () => {
    const result = await runProcess(join(scratch, 'no-such-program'), ['x'], { timeoutMs: 5_000 });
    expect(result.spawnError?.code).toBe('ENOENT');
    expect(result.exitCode).toBeNull();
  });

  it('reports a file that is not executable as EACCES', async () => {
    const file = join(scratch, 'not-executable');
    writeFileSync(file, '#!/bin/sh\necho hi\n');
    chmodSync(file, 0o644);
    const result = await runProcess(file, [], { timeoutMs: 5_000 });
    expect(result.spawnError?.code).toBe('EACCES');
  });

  it('passes output on as it arrives, before the program ends, and keeps it all too', async () => {
    const seen: Array<{ text: string; at: number }> = [];
    const started = Date.now();
    const script = `process.stdout.write('first ü\\n'); setTimeout(() => { process.stderr.write('second\\n'); }, 1500);`;
    const result = await runProcess(node, ['-e', script], {
      timeoutMs: 10_000,
      onOutput: (text) => seen.push({ text, at: Date.now() - started }),
    });
    const ended = Date.now() - started;
    expect(seen.map((chunk) => chunk.text).join('')).toBe('first ü\nsecond\n');
    expect(seen[0]!.text).toBe('first ü\n');
    // The first line was shown while the program still ran.
    expect(ended - seen[0]!.at).toBeGreaterThan(1000);
    expect(result.stdout).toBe('first ü\n');
    expect(result.stderr).toBe('second\n');
  });

  it('reports an argument that cannot be passed (NUL byte) instead of throwing', async () => {
    const result = await runProcess(node, ['a\0b'], { timeoutMs: 5_000 });
    expect(result.spawnError?.code).toBe('ERR_INVALID_ARG_VALUE');
  });
});
