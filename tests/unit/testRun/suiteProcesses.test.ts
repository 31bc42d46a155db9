import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { RUN_MARKER, suiteProcesses } from '../../support/suiteProcesses';
import { tempTree } from '../../support/tempTree';
import { asNobodyTitle, canSwitchUser } from '../platform/accessAsUser';

/**
 * The end-of-run guard (tests/support/testRun.ts) is only as good as what
 * it finds: these start real processes the ways the suite does, check
 * whether the guard would name them, and end them.
 */
const SLEEP_PY = 'import time; time.sleep(60)';
const BARE_ENV = { PATH: '/usr/bin:/bin' };
const started: ChildProcess[] = [];

function start(argv: string[], env: NodeJS.ProcessEnv, cwd = '/'): number {
  const child = spawn(argv[0]!, argv.slice(1), { env, cwd, stdio: 'ignore' });
  started.push(child);
  return child.pid!;
}

afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
});

/** Why the guard names `pid` once it runs the program (until the exec, /proc shows Node's fork). */
async function reasonFor(runId: string, folders: string[], pid: number): Promise<string | null> {
  for (let tries = 0; tries < 50; tries++) {
    const entry = suiteProcesses(runId, folders).find((process) => process.pid === pid);
    if (entry?.commandLine.includes(SLEEP_PY)) return entry.reason;
    await sleep(50);
  }
  return null;
}

describe('which processes the guard counts as the run’s', () => {
  const folder = tempTree('suite-processes');
  const runId = `probe-${process.pid}`;
  const python = ['/usr/bin/python3', '-c', SLEEP_PY];

  test('one that inherited the marker; not one of another run, nor the runner', async () => {
    const ours = start(python, { ...process.env, [RUN_MARKER]: runId });
    const others = start(python, { ...process.env, [RUN_MARKER]: 'another-run' });
    expect(await reasonFor(runId, [], ours)).toBe(`${RUN_MARKER}=${runId}`);
    const listed = suiteProcesses(runId, []).map((entry) => entry.pid);
    expect(listed).not.toContain(others);
    expect(listed).not.toContain(process.pid);
    expect(listed).not.toContain(process.ppid);
  });

  test('one given an environment of its own: by the folder it runs in, or names', async () => {
    const inside = start(python, BARE_ENV, folder);
    const naming = start([...python, join(folder, 'job.json')], BARE_ENV);
    const elsewhere = start(python, BARE_ENV);
    expect(await reasonFor(runId, [folder], inside)).toBe(`working folder under ${folder}`);
    expect(await reasonFor(runId, [folder], naming)).toBe(`argument under ${folder}`);
    expect(suiteProcesses(runId, [folder]).map((entry) => entry.pid)).not.toContain(elsewhere);
  });

  test.skipIf(!canSwitchUser)(
    asNobodyTitle('one running as uid 65534, found by the marker root reads in its environment'),
    async () => {
      const nobodys = start(
        ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', ...python],
        { ...BARE_ENV, [RUN_MARKER]: runId },
      );
      expect(await reasonFor(runId, [], nobodys)).toBe(`${RUN_MARKER}=${runId}`);
    },
  );
});
