import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { probeWritable } from '../../../electron/platform/writeProbe';
import { tempTree } from '../../support/tempTree';
import { asNobodyTitle, canSwitchUser, checkInProcess, isRoot } from './accessAsUser';

// Real randomness unless a test pins the probe's name, to force name collisions.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof crypto>();
  return { ...original, randomInt: vi.fn(original.randomInt) };
});

const root = tempTree('probe');
const PROBE_FILE = /^accesstest_deleteme_fishfingers_custard_[a-z0-9]{6}$/;
/** Everything a shell or cmd.exe would trip over, and letters from outside ASCII. */
const AWKWARD = `with space 'single' "double" & 100% ünïcødé 日本語 🐍`;

function folder(name: string, mode = 0o755): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, mode);
  return dir;
}

/** A path well over Windows' classic 260-character MAX_PATH, built from ordinary names. */
function longFolder(name: string): string {
  const segments = Array.from({ length: 6 }, (_, i) => `${i}-${'segment'.repeat(7)}`);
  const dir = join(folder(name), ...segments);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('probeWritable, as the current user', () => {
  test('writes and deletes a probe file in a writable folder, leaving nothing', async () => {
    const dir = folder('plain');
    expect(await probeWritable(dir)).toEqual({
      exists: true,
      probedPath: dir,
      writable: true,
      errorCode: null,
      leftBehind: null,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('probes the nearest existing folder when the folder is missing, as pip would create it', async () => {
    const parent = folder('missing-parent');
    const result = await probeWritable(join(parent, 'lib', 'site-packages'));
    expect(result).toMatchObject({ exists: false, probedPath: parent, writable: true });
    expect(readdirSync(parent)).toEqual([]);
  });

  test('resolves a relative path against the working directory', async () => {
    const result = await probeWritable('.');
    expect(result.probedPath).toBe(process.cwd());
    expect(result.exists).toBe(true);
  });

  test('cannot decide when a file stands where a folder should be (ENOTDIR)', async () => {
    const file = join(folder('file-in-the-way'), 'site-packages');
    writeFileSync(file, 'not a folder');
    expect(await probeWritable(file)).toMatchObject({
      exists: false,
      probedPath: file,
      writable: null,
      errorCode: 'ENOTDIR',
    });
    expect(await probeWritable(join(file, 'below'))).toMatchObject({
      exists: false,
      probedPath: file,
      writable: null,
      errorCode: 'ENOTDIR',
    });
  });

  test('cannot decide inside a loop of symbolic links (ELOOP)', async () => {
    const dir = folder('loop');
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    expect(await probeWritable(join(dir, 'a'))).toMatchObject({
      exists: false,
      writable: null,
      errorCode: 'ELOOP',
    });
  });

  test.each([
    ['spaces, quotes, & and %, Unicode', () => folder(AWKWARD)],
    ['more than 260 characters', () => longFolder('long')],
  ])('handles a path with %s', async (_, make) => {
    const dir = make();
    expect(dir.length > 260 || dir.includes('&')).toBe(true);
    expect(await probeWritable(dir)).toMatchObject({
      exists: true,
      probedPath: dir,
      writable: true,
    });
    expect(await probeWritable(join(dir, 'not yet'))).toMatchObject({
      exists: false,
      probedPath: dir,
      writable: true,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('tries another name when one is taken, and never touches the existing file', async () => {
    const dir = folder('collision');
    const taken = join(dir, 'accesstest_deleteme_fishfingers_custard_aaaaaa');
    writeFileSync(taken, 'someone else');
    // The first name drawn is "aaaaaa"; the next ones are random again.
    const random = vi.mocked(crypto.randomInt);
    random.mockClear();
    for (let i = 0; i < 6; i++) random.mockReturnValueOnce(0 as never);
    expect(await probeWritable(dir)).toMatchObject({ writable: true, errorCode: null });
    expect(random).toHaveBeenCalledTimes(12); // two names of six characters
    expect(readdirSync(dir)).toEqual(['accesstest_deleteme_fishfingers_custard_aaaaaa']);
  });

  test('gives up undecided after ten taken names, like pip', async () => {
    const dir = folder('all-taken');
    writeFileSync(join(dir, 'accesstest_deleteme_fishfingers_custard_aaaaaa'), 'taken');
    const random = vi.mocked(crypto.randomInt);
    random.mockReturnValue(0 as never);
    try {
      expect(await probeWritable(dir)).toMatchObject({ writable: null, errorCode: 'EEXIST' });
    } finally {
      random.mockReset(); // back to the real randomInt given to vi.fn
    }
  });
});

/** chattr +a (append-only): files can be created in the folder but not deleted, not even by root. */
function appendOnly(dir: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+a' : '-a', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('probeWritable when the probe file cannot be deleted', () => {
  const dir = folder('append-only');
  const canAppendOnly = isRoot && appendOnly(dir, true) && appendOnly(dir, false);

  test.skipIf(!canAppendOnly)(
    canAppendOnly
      ? 'reports not writable and names the file it had to leave (append-only folder)'
      : 'reports a file it had to leave (skipped: chattr +a needs root and ext4-like file system)',
    async () => {
      appendOnly(dir, true);
      try {
        const result = await probeWritable(dir);
        expect(result).toMatchObject({ exists: true, writable: false, errorCode: 'EPERM' });
        expect(result.leftBehind).not.toBeNull();
        expect(readdirSync(dir)).toEqual([result.leftBehind!.slice(dir.length + 1)]);
        expect(result.leftBehind!.slice(dir.length + 1)).toMatch(PROBE_FILE);
      } finally {
        appendOnly(dir, false);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe.skipIf(!canSwitchUser)(asNobodyTitle('probeWritable as uid 65534'), () => {
  test('a root-owned folder with mode 755 is not writable (EACCES)', async () => {
    const dir = folder('root-755', 0o755);
    const { probe } = await checkInProcess(dir, { asNobody: true });
    expect(probe).toEqual({
      exists: true,
      probedPath: dir,
      writable: false,
      errorCode: 'EACCES',
      leftBehind: null,
    });
  });

  test('a root-owned folder with mode 777 is writable, and the probe file is gone afterwards', async () => {
    const dir = folder('root-777', 0o777);
    const { probe } = await checkInProcess(dir, { asNobody: true });
    expect(probe).toMatchObject({ exists: true, writable: true, errorCode: null });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a missing folder under a root-owned 755 folder is judged by that folder', async () => {
    const parent = folder(`root-755-${AWKWARD}`, 0o755);
    const { probe } = await checkInProcess(join(parent, 'lib', 'site-packages'), {
      asNobody: true,
    });
    expect(probe).toMatchObject({ exists: false, probedPath: parent, writable: false });
  });

  test('a path over 260 characters behaves the same', async () => {
    const dir = longFolder('long-as-nobody');
    const { probe } = await checkInProcess(dir, { asNobody: true });
    expect(probe).toMatchObject({
      exists: true,
      probedPath: dir,
      writable: false,
      errorCode: 'EACCES',
    });
  });
});
