import { englishOf } from '../../../support/english';
import { english } from '../../../support/english';
import { execFile, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HolderScan } from '../../../../electron/platform/systemProbe';
import { parentChain } from '../../../../electron/engine/processes/startedBy';
import { findHoldersLinux } from '../../../../electron/platform/posix/procFileHolders';
import {
  readProcessDetails,
  readProcessSummaries,
} from '../../../../electron/platform/posix/procProcessTable';
import { HOLDER_CODE, SYSTEM_PYTHON, startHolder } from '../../../support/pythonHolder';
import type { HolderProcess } from '../../../support/pythonHolder';
import { REPO } from '../../../support/repoPaths';

/** Every process with its details, read the way a scan reads them: summaries, then details. */
async function readProcessTable() {
  const summaries = await readProcessSummaries();
  return readProcessDetails(summaries, [...summaries.keys()]);
}

// Real processes on the real machine: Python interpreters that keep files of a
// temporary "venv" open or mapped, found through /proc.

const isRoot = process.geteuid?.() === 0;
const SETPRIV = '/usr/bin/setpriv';
const canSwitchUser = isRoot && existsSync(SETPRIV);
const AS_NOBODY = [SETPRIV, '--reuid=65534', '--regid=65534', '--clear-groups'];

// A space and non-ASCII letters on purpose: Windows and macOS user names put them in real paths.
const root = mkdtempSync(join(tmpdir(), 'pip-doctor-holders-'));
const site = join(root, 'venv ü space', 'lib', 'python3.11', 'site-packages');
const heldFile = join(site, 'pkg', 'données modèle.py');
const mappedSo = join(site, 'numpy', 'core', '_multiarray_umath.cpython-311-x86_64-linux-gnu.so');
const replacedSo = join(site, 'pkg', '_speedups.cpython-311-x86_64-linux-gnu.so');
const nobodyFile = join(site, 'shared', 'nobody.txt');
// Shares the prefix's spelling but not its folder: must not count as inside it.
const siblingFile = join(`${site}-old`, 'stale.py');

const holders: HolderProcess[] = [];
let fileHolder: HolderProcess;
let mapHolder: HolderProcess;
let upgradeHolder: HolderProcess;
let siblingHolder: HolderProcess;
let nobodyHolder: HolderProcess | null = null;

/** A CPython extension module of the system interpreter: a real .so to map. */
function systemExtensionModule(): string {
  return execFileSync(SYSTEM_PYTHON, ['-c', 'import _json; print(_json.__file__)'], {
    encoding: 'utf8',
  }).trim();
}

function writeFile(path: string, content: string | null, source?: string): void {
  mkdirSync(dirname(path), { recursive: true });
  if (source) copyFileSync(source, path);
  else writeFileSync(path, content ?? '');
}

beforeAll(async () => {
  const extension = systemExtensionModule();
  writeFile(heldFile, 'x = 1\n');
  writeFile(mappedSo, null, extension);
  writeFile(replacedSo, null, extension);
  writeFile(nobodyFile, 'shared\n');
  writeFile(siblingFile, 'y = 2\n');
  // Other users (the setpriv'd Python, the unprivileged scan) must be able to read it all.
  execFileSync('chmod', ['-R', 'a+rX', root]);
  chmodSync(root, 0o755);

  fileHolder = await startHolder([`open:${heldFile}`]);
  mapHolder = await startHolder([`map:${mappedSo}`]);
  upgradeHolder = await startHolder([`map:${replacedSo}`]);
  siblingHolder = await startHolder([`open:${siblingFile}`]);
  holders.push(fileHolder, mapHolder, upgradeHolder, siblingHolder);
  if (canSwitchUser) {
    nobodyHolder = await startHolder([`open:${nobodyFile}`], { via: AS_NOBODY });
    holders.push(nobodyHolder);
  }
  // What pip does on upgrade: write the new file beside the old, rename over it.
  // The running interpreter keeps the old, now nameless, file mapped.
  copyFileSync(extension, `${replacedSo}.new`);
  renameSync(`${replacedSo}.new`, replacedSo);
});

afterAll(async () => {
  await Promise.all(holders.map((holder) => holder.stop()));
  rmSync(root, { recursive: true, force: true });
});

function holdsOf(scan: HolderScan, pid: number): string[] | undefined {
  return scan.holders.find((holder) => holder.pid === pid)?.holds;
}

describe('findHoldersLinux', () => {
  it('finds a process that keeps a file open and one that only maps a .so', async () => {
    const scan = await findHoldersLinux([site]);
    expect(holdsOf(scan, fileHolder.pid)).toEqual([heldFile]);
    expect(holdsOf(scan, mapHolder.pid)).toEqual([mappedSo]);
  });

  it('reports a mapped .so that an upgrade replaced, marked as deleted', async () => {
    const scan = await findHoldersLinux([site]);
    expect(holdsOf(scan, upgradeHolder.pid)).toEqual([`${replacedSo} (deleted)`]);
  });

  it('describes each holder: start time, executable, command line, user, parents', async () => {
    const scan = await findHoldersLinux([site]);
    const table = await readProcessTable();
    const python = realpathSync(SYSTEM_PYTHON);
    for (const [holder, held, kind] of [
      [fileHolder, heldFile, 'open'],
      [mapHolder, mappedSo, 'map'],
    ] as const) {
      expect(holdsOf(scan, holder.pid)).toEqual([held]);
      const entry = table.get(holder.pid)!;
      expect(entry.ppid).toBe(process.pid);
      // btime has whole-second resolution; the start is within it of the spawn.
      expect(Math.abs(Date.parse(entry.startTime) - holder.spawnedAt)).toBeLessThan(2000);
      expect(entry.executable).toBe(python);
      expect(entry.commandLine).toBe(`${SYSTEM_PYTHON} -c "${HOLDER_CODE}" "${kind}:${held}"`);
      expect(entry.name).toBe('python3');
      expect(entry.uid).toBe(process.geteuid!());
      expect(entry.user).toEqual(isRoot ? 'root' : expect.any(String));

      const parents = parentChain(holder.pid, table);
      expect(parents[0]).toMatchObject({
        pid: process.pid,
        executable: realpathSync(process.execPath),
      });
      expect(parents.at(-1)!.pid).toBe(1);
    }
  });

  it('does not report a process that held a file and exited before the scan', async () => {
    const child = spawn(SYSTEM_PYTHON, ['-c', 'import sys; open(sys.argv[1]).read()', heldFile]);
    const pid = child.pid!;
    await once(child, 'exit');
    const scan = await findHoldersLinux([site]);
    expect(holdsOf(scan, pid)).toBeUndefined();
    expect(scan.holders.filter((h) => h.holds.includes(heldFile)).map((h) => h.pid)).toEqual([
      fileHolder.pid,
    ]);
  });

  it('matches whole path segments: site-packages-old is not inside site-packages', async () => {
    const scan = await findHoldersLinux([site]);
    expect(holdsOf(scan, siblingHolder.pid)).toBeUndefined();
    const parent = await findHoldersLinux([dirname(site)]);
    expect(holdsOf(parent, siblingHolder.pid)).toEqual([siblingFile]);
  });

  it('finds the holders through a prefix given as a symlink, reporting real paths', async () => {
    const link = join(root, 'link to site');
    if (!existsSync(link)) symlinkSync(site, link);
    const scan = await findHoldersLinux([`${link}/`]);
    expect(holdsOf(scan, fileHolder.pid)).toEqual([heldFile]);
    expect(holdsOf(scan, mapHolder.pid)).toEqual([mappedSo]);
  });

  it('matches priority paths exactly, even outside the prefixes, and lists them first', async () => {
    const scan = await findHoldersLinux([site], { priorityPaths: [mappedSo] });
    expect(scan.holders[0]).toEqual({ pid: mapHolder.pid, holds: [mappedSo] });

    const outside = await findHoldersLinux([join(root, 'elsewhere')], {
      priorityPaths: [siblingFile],
    });
    expect(outside.holders).toEqual([{ pid: siblingHolder.pid, holds: [siblingFile] }]);
  });

  it('lists priority holds first within a process', async () => {
    const both = await startHolder([`open:${heldFile}`, `open:${nobodyFile}`]);
    try {
      const plain = await findHoldersLinux([site]);
      expect(holdsOf(plain, both.pid)).toEqual([heldFile, nobodyFile]);
      const prioritised = await findHoldersLinux([site], { priorityPaths: [nobodyFile] });
      expect(holdsOf(prioritised, both.pid)).toEqual([nobodyFile, heldFile]);
      // Every process holding the priority path comes before every one that does not.
      const flags = prioritised.holders.map((holder) => holder.holds.includes(nobodyFile));
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      expect(flags[0]).toBe(true);
    } finally {
      await both.stop();
    }
  });

  it('returns nothing, and reads nothing, without prefixes', async () => {
    expect(await findHoldersLinux([])).toEqual({ holders: [], gaps: [] });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(findHoldersLinux([site], { signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it.skipIf(!canSwitchUser)("finds another user's process when scanning as root", async () => {
    const scan = await findHoldersLinux([site]);
    expect(holdsOf(scan, nobodyHolder!.pid)).toEqual([nobodyFile]);
    const entry = (await readProcessTable()).get(nobodyHolder!.pid)!;
    expect(entry).toMatchObject({ uid: 65534, user: 'nobody', ppid: process.pid });
    // Root is refused nothing the test set up; any gap left is about the machine itself.
    expect(scan.gaps.every((gap) => gap.howToReveal === null)).toBe(true);
  });

  it.skipIf(!canSwitchUser)(
    "reports a Gap, not silence, for other users' processes when unprivileged",
    async () => {
      const { stdout } = await promisify(execFile)(
        AS_NOBODY[0]!,
        [
          ...AS_NOBODY.slice(1),
          process.execPath,
          join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          join(__dirname, 'printHolders.ts'),
          site,
        ],
        { cwd: REPO, env: { ...process.env, HOME: tmpdir() }, timeout: 60_000 },
      );
      const scan = JSON.parse(stdout) as HolderScan;
      // Its own user's process is still inspected...
      expect(scan.holders).toEqual([{ pid: nobodyHolder!.pid, holds: [nobodyFile] }]);
      // ...and root's four holders (at least) are counted, with the way to see them.
      expect(scan.gaps).toHaveLength(1);
      const [gap] = scan.gaps;
      expect(gap!.area).toBe('processes');
      const count = Number(/^(\d+) process/.exec(english(gap!.message))?.[1]);
      expect(count).toBeGreaterThanOrEqual(4);
      expect(englishOf(gap!.howToReveal)).toMatch(/root.*sudo/);
    },
  );
});
