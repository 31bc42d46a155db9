import { execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, test } from 'vitest';
import type { CommandResult } from '../../../../electron/platform/runElevated';
import { runPlanned } from '../../../../electron/platform/runElevated';
import { runProcess } from '../../../../electron/platform/runProcess';
import { chownCommands } from '../../../../electron/platform/posix/chown';
import type { HandBackReport } from '../../../../electron/platform/posix/handBack';
import {
  handBackCommand,
  handBackInput,
  parseHandBackOutput,
} from '../../../../electron/platform/posix/handBack';
import type { ForeignOwnedScan } from '../../../../electron/platform/posix/foreignOwners';
import {
  findForeignOwned,
  handBackRequest,
} from '../../../../electron/platform/posix/foreignOwners';
import type { Command } from '../../../../electron/shared/actionModel';
import { tempTree } from '../../../support/tempTree';
import { asNobodyTitle, canMountReadOnly, canSwitchUser, NOBODY } from '../accessAsUser';

/**
 * The privileged hand-back helper, run for real. The tests run it as root
 * directly, standing in for pkexec (which only adds the password prompt and
 * then runs the same program as root); the "user" who races it is a real
 * process as uid 65534 that owns the home folder the tree sits in.
 */
const PYTHON = '/usr/bin/python3';
const PKEXEC_ENV = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };
const FILES_PER_FOLDER = 40;
/** Travels in JSON both ways and through a UTF-8 Python under pkexec's empty environment. */
const ODD_NAME = 'ünï cødé \'q" $x.txt';

interface Machine {
  home: string;
  tree: string;
  /** Root's files outside the tree, laid out like it, where a followed symlink would land. */
  outside: string;
}

/** A home owned by uid 65534 holding a root-owned tree (what `sudo pip` leaves), and root's files beside it. */
function buildMachine(base: string, label: string): Machine {
  const dir = join(base, label);
  const home = join(dir, 'home');
  const machine = { home, tree: join(home, 'tree'), outside: join(dir, 'outside') };
  mkdirSync(home, { recursive: true });
  chownSync(home, NOBODY, NOBODY);
  for (const top of [machine.tree, machine.outside]) {
    mkdirSync(join(top, 'a', 'b'), { recursive: true });
    for (let index = 0; index < FILES_PER_FOLDER; index++) {
      const name = `f${String(index).padStart(3, '0')}`;
      writeFileSync(join(top, name), '');
      writeFileSync(join(top, 'a', name), '');
      writeFileSync(join(top, 'a', 'b', name), '');
    }
  }
  symlinkSync('/etc/passwd', join(machine.tree, 'a', 'passwd-link'));
  writeFileSync(join(machine.tree, ODD_NAME), '');
  return machine;
}

/** Everything under `dir` (itself included) that no longer belongs to root. */
function notRootOwned(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const info = lstatSync(path);
    if (info.uid !== 0) found.push(path);
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return found;
}

interface HelperRun {
  result: CommandResult;
  report: HandBackReport;
  stderr: string;
}

/** The helper as the plan runs it: its command, the request on stdin, through the one runner. */
async function runHelper(
  request: string,
  wrap: (command: Command) => Command = (c) => c,
): Promise<HelperRun> {
  const command = wrap(handBackCommand(PYTHON));
  const result = await runPlanned(
    {
      command,
      elevation: 'none',
      outputDir: null,
      outputEncoding: 'utf8',
      timeoutMs: 60_000,
      stdin: request,
    },
    // pkexec's environment: its safe PATH and nothing else (no LANG, so no UTF-8 locale).
    { signal: new AbortController().signal, env: PKEXEC_ENV },
  );
  const stdout = result.kind === 'ran' || result.kind === 'failed' ? result.stdout : '';
  const stderr = result.kind === 'ran' || result.kind === 'failed' ? result.stderr : '';
  return { result, report: parseHandBackOutput(stdout), stderr };
}

function handToNobody(scan: ForeignOwnedScan): string {
  return handBackInput(
    handBackRequest(scan.root, scan.entries, () => ({ uid: NOBODY, gid: NOBODY })),
  );
}

const exitCode = (run: HelperRun) => (run.result.kind === 'ran' ? run.result.exitCode : null);

/**
 * A process as uid 65534 that keeps swapping the tree, then `a`, then `a/b`
 * for a symlink to the same place in root's files outside, and back: what a
 * same-user program does while polkit waits for the password and while the
 * hand-back runs (a folder that became the user's can have its entries swapped).
 * `inside-only` leaves the tree itself alone, so the helper always starts and
 * only swaps in the middle of its walk can meet it: on a loaded machine the
 * tree's own swap otherwise wins nearly every round (seen: 33 of 40).
 */
const SWAPPER = String.raw`
import os, sys, time
tree, outside, stop, mode = sys.argv[1:5]
def swap(path, target, hold):
    hidden = path + ".real"
    try:
        os.rename(path, hidden)
    except OSError:
        return
    try:
        os.symlink(target, path)
        time.sleep(hold)
        os.unlink(path)
    except OSError:
        pass
    os.rename(hidden, path)
print("ready", flush=True)
while not os.path.exists(stop):
    if mode == "tree-too":
        swap(tree, outside, 0.002)
    for _ in range(10):
        swap(os.path.join(tree, "a"), os.path.join(outside, "a"), 0.0005)
        swap(os.path.join(tree, "a", "b"), os.path.join(outside, "a", "b"), 0.0005)
        time.sleep(0.0005)
`;

type SwapMode = 'tree-too' | 'inside-only';

async function whileSwapping<T>(
  machine: Machine,
  mode: SwapMode,
  work: () => Promise<T>,
): Promise<T> {
  const stop = join(machine.home, '..', 'stop');
  const swapper = spawn(
    'setpriv',
    [
      `--reuid=${NOBODY}`,
      `--regid=${NOBODY}`,
      '--clear-groups',
      PYTHON,
      '-c',
      SWAPPER,
      machine.tree,
      machine.outside,
      stop,
      mode,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => swapper.on('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: swapper.stdout }).once('line', () => resolve());
      swapper.once('exit', () => reject(new Error('the swapper ended before it started')));
    });
    return await work();
  } finally {
    writeFileSync(stop, '');
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
    ]);
    if (!stopped && swapper.pid !== undefined) process.kill(swapper.pid, 'SIGKILL');
  }
}

describe.skipIf(!canSwitchUser)(
  asNobodyTitle('the privileged hand-back helper (run as root, standing in for pkexec)'),
  () => {
    const base = tempTree('hand-back-helper');

    test('race: while uid 65534 keeps swapping folders of the tree for symlinks, no file outside the tree changes owner and the helper says what it refused', async () => {
      // Rounds until the swapper has won both ways: the tree itself swapped when the helper
      // started (whole run refused), and a folder inside swapped mid-walk (those entries refused).
      const seen = { rootRefused: 0, entriesRefused: 0, allChanged: 0 };
      // On a busy machine (CI beside other work) the swapper wins mid-walk rarely: up to 200
      // rounds or 60 s, ending as soon as both were seen (a quiet machine needs a few).
      const until = Date.now() + 60_000;
      for (
        let round = 0;
        round < 200 && Date.now() < until && !(seen.rootRefused && seen.entriesRefused);
        round++
      ) {
        const machine = buildMachine(base, `race-${round}`);
        const request = handToNobody(await findForeignOwned(machine.tree, NOBODY));
        const mode: SwapMode = round % 2 === 0 ? 'tree-too' : 'inside-only';
        const run = await whileSwapping(machine, mode, () => runHelper(request));
        expect(notRootOwned(machine.outside), `round ${round}: ${run.stderr}`).toEqual([]);
        expect(run.result.kind).toBe('ran');
        const code = exitCode(run);
        if (code === 2) {
          seen.rootRefused++;
          expect(run.stderr).toMatch(/^refused: .*nothing was changed$/m);
        } else if (code === 1) {
          seen.entriesRefused++;
          expect(run.report.refused.length).toBeGreaterThan(0);
          for (const { path } of run.report.refused)
            expect(run.stderr).toContain(`refused ${join(machine.tree, path)}: `);
        } else {
          expect(code, run.stderr).toBe(0);
          seen.allChanged++;
        }
        // What it says it changed is the tree's own file, now the user's.
        for (const path of run.report.changed)
          expect(lstatSync(join(machine.tree, path)).uid, path).toBe(NOBODY);
      }
      // Else the swapper never got in and the test proved nothing.
      expect(seen.rootRefused, JSON.stringify(seen)).toBeGreaterThan(0);
      expect(seen.entriesRefused, JSON.stringify(seen)).toBeGreaterThan(0);
    }, 120_000);

    test('the same race against the `chown -h` it replaces hands root’s files outside the tree to the user (why the helper exists)', async () => {
      let leaked: string[] = [];
      for (let round = 0; round < 12 && leaked.length === 0; round++) {
        const machine = buildMachine(base, `old-race-${round}`);
        const scan = await findForeignOwned(machine.tree, NOBODY);
        const commands = chownCommands(
          '/usr/bin/chown',
          `${NOBODY}:${NOBODY}`,
          scan.entries.map((entry) => entry.path),
        );
        await whileSwapping(machine, 'tree-too', async () => {
          for (const command of commands)
            await runProcess(command.program, command.args, { timeoutMs: 60_000 });
        });
        leaked = notRootOwned(machine.outside);
      }
      expect(leaked.length).toBeGreaterThan(0);
    }, 120_000);

    test('the tree swapped for a symlink while the password is asked: nothing changes, one plain line says why', async () => {
      const machine = buildMachine(base, 'held-swap');
      const request = handToNobody(await findForeignOwned(machine.tree, NOBODY));
      renameSync(machine.tree, `${machine.tree}.real`);
      symlinkSync(machine.outside, machine.tree);
      const run = await runHelper(request);
      expect(exitCode(run)).toBe(2);
      expect(run.stderr.trim()).toMatch(
        /^refused: .*tree could not be opened without following a symbolic link .*nothing was changed$/,
      );
      expect(run.report).toEqual({ changed: [], refused: [] });
      expect(notRootOwned(machine.outside)).toEqual([]);
      expect(notRootOwned(`${machine.tree}.real`)).toEqual([]);
    });

    test('a folder inside swapped for a symlink after the scan: it and all below are refused, the rest handed back', async () => {
      const machine = buildMachine(base, 'inner-swap');
      chownSync(machine.tree, NOBODY, NOBODY); // the user's own folder; `a` and below are root's
      const request = handToNobody(await findForeignOwned(machine.tree, NOBODY));
      renameSync(join(machine.tree, 'a'), join(machine.tree, 'a.real'));
      symlinkSync(join(machine.outside, 'a'), join(machine.tree, 'a'));
      const run = await runHelper(request);
      expect(exitCode(run)).toBe(1);
      const refused = run.report.refused.map((entry) => entry.path);
      expect(refused).toContain('a');
      expect(refused).toContain('a/b/f000');
      expect(refused.every((path) => path === 'a' || path.startsWith('a/'))).toBe(true);
      expect(run.report.changed).toContain('f000');
      expect(run.report.changed).toContain(ODD_NAME);
      expect(lstatSync(join(machine.tree, ODD_NAME)).uid).toBe(NOBODY);
      expect(run.stderr).toContain(
        `refused ${join(machine.tree, 'a')}: it is not the file that was recorded`,
      );
      expect(notRootOwned(machine.outside)).toEqual([]);
      expect(lstatSync(join(machine.tree, 'f000')).uid).toBe(NOBODY);
    });

    test('entries whose device and inode differ from the scan are refused (a replaced file, a replaced folder, a new hard link), and so is a device node', async () => {
      const machine = buildMachine(base, 'identity');
      // A device node root left among them: owning it would give the user the hardware.
      execFileSync('mknod', [join(machine.tree, 'null-device'), 'c', '1', '3']);
      const request = handToNobody(await findForeignOwned(machine.tree, NOBODY));
      // The old files stay, under other names, so their inode numbers cannot be reused.
      renameSync(join(machine.tree, 'f001'), join(machine.tree, 'old-f001'));
      writeFileSync(join(machine.tree, 'f001'), 'new');
      renameSync(join(machine.tree, 'a', 'b'), join(machine.tree, 'old-b'));
      mkdirSync(join(machine.tree, 'a', 'b'));
      writeFileSync(join(machine.tree, 'a', 'b', 'f000'), '');
      linkSync(join(machine.tree, 'f002'), join(machine.outside, 'second-name'));

      const run = await runHelper(request);
      expect(exitCode(run)).toBe(1);
      const reasons = new Map(run.report.refused.map((entry) => [entry.path, entry.reason]));
      expect(reasons.get('f001')).toMatch(/not the file that was recorded/);
      expect(reasons.get('a/b')).toMatch(/not the file that was recorded/);
      expect(reasons.get('a/b/f000')).toMatch(/folder above it was refused/);
      expect(reasons.get('f002')).toMatch(/hard link/);
      expect(reasons.get('null-device')).toMatch(/it is a device/);
      expect(reasons.size).toBe(4 + FILES_PER_FOLDER);
      expect(lstatSync(join(machine.tree, 'f001')).uid).toBe(0);
      expect(lstatSync(join(machine.tree, 'a', 'b', 'f000')).uid).toBe(0);
      expect(lstatSync(join(machine.tree, 'f002')).uid).toBe(0);
      expect(lstatSync(join(machine.tree, 'f003')).uid).toBe(NOBODY);
      expect(lstatSync(join(machine.tree, 'a', 'passwd-link')).uid).toBe(NOBODY);
      expect(lstatSync('/etc/passwd').uid).toBe(0);
    });

    test.skipIf(!canMountReadOnly())(
      'a file system mounted inside the tree after the scan is not entered (tmpfs in a private mount namespace)',
      async () => {
        const machine = buildMachine(base, 'mount');
        const request = handToNobody(await findForeignOwned(machine.tree, NOBODY));
        const mountPoint = join(machine.tree, 'a');
        // The mount exists only in the helper's own namespace; the path travels as "$1".
        const run = await runHelper(request, (command) => ({
          program: 'unshare',
          args: [
            '--mount',
            '--',
            'sh',
            '-c',
            'mount -t tmpfs tmpfs "$1" && touch "$1/on-tmpfs" && shift && exec "$@"',
            'sh',
            mountPoint,
            command.program,
            ...command.args,
          ],
          env: {},
        }));
        expect(exitCode(run), run.stderr).toBe(1);
        const reasons = new Map(run.report.refused.map((entry) => [entry.path, entry.reason]));
        expect(reasons.get('a')).toBe('it is on another file system');
        expect(reasons.get('a/b/f000')).toMatch(/folder above it was refused/);
        expect([...reasons.keys()].every((path) => path === 'a' || path.startsWith('a/'))).toBe(
          true,
        );
        expect(run.report.changed).toContain('f000');
        expect(lstatSync(mountPoint).uid).toBe(0);
      },
    );

    test('a request that is not plain relative paths is refused before anything changes', async () => {
      const machine = buildMachine(base, 'malformed');
      const scan = await findForeignOwned(machine.tree, NOBODY);
      const request = JSON.parse(handToNobody(scan)) as { entries: Array<{ path: string }> };
      request.entries[1]!.path = '../outside/f000';
      const run = await runHelper(JSON.stringify(request));
      expect(exitCode(run)).toBe(2);
      expect(run.stderr).toMatch(/^refused: the request is malformed/);
      expect(notRootOwned(machine.tree)).toEqual([]);
      expect(notRootOwned(machine.outside)).toEqual([]);
    });
  },
);
