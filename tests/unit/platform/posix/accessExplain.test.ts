import { english, englishOf, inLanguage } from '../../../support/english';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseIdFile } from '../../../../electron/platform/posix/accountNames';
import { checkFolderAccess } from '../../../../electron/platform/posix/checkFolderAccess';
import { explainAccess, foreignReason } from '../../../../electron/platform/posix/explainAccess';
import { findForeignOwned } from '../../../../electron/platform/posix/foreignOwnedEntries';
import { findMount, parseMounts } from '../../../../electron/platform/posix/mountOf';
import { modeText } from '../../../../electron/platform/posix/permissionBits';
import { tempTree } from '../../../support/tempTree';
import {
  NOBODY,
  asNobodyTitle,
  canMountReadOnly,
  canSwitchUser,
  checkInProcess,
  isRoot,
} from '../accessAsUser';

const root = tempTree('explain');
const AWKWARD = `with space 'single' "double" & 100% ünïcødé 日本語 🐍`;

function folder(
  path: string,
  mode: number,
  owner: { uid: number; gid: number } | null = null,
): string {
  const dir = join(root, path);
  mkdirSync(dir, { recursive: true });
  if (owner) chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, mode);
  return dir;
}

function file(path: string, owner: { uid: number; gid: number } | null = null): string {
  writeFileSync(path, '');
  if (owner) chownSync(path, owner.uid, owner.gid);
  return path;
}

const ROOT = { uid: 0, gid: 0 };
const NOBODY_IDS = { uid: NOBODY, gid: NOBODY };

describe.skipIf(!canSwitchUser)(asNobodyTitle('checkFolderAccess as uid 65534 (nobody)'), () => {
  test('a root-owned folder with mode 755: only root can change it', async () => {
    const dir = folder('root-755', 0o755, ROOT);
    const { check } = await checkInProcess(dir, { asNobody: true });
    expect({ ...check, reason: englishOf(check.reason) }).toEqual({
      role: 'purelib',
      path: dir,
      exists: true,
      writable: false,
      reason:
        'Only root can change this folder (owned by root, mode 755); you are nobody (uid 65534).',
      owner: 'root (uid 0), group root (gid 0)',
      mode: '755 (rwxr-xr-x)',
      acl: null,
      readOnlyFileSystem: false,
      // Not in the home of the user who checked it: no one hands a system folder back.
      reclaim: null,
    });
  });

  test('the same folder with mode 777 is writable, and the probe file is gone', async () => {
    const dir = folder('root-777', 0o777, ROOT);
    const { check } = await checkInProcess(dir, { asNobody: true });
    expect(check).toMatchObject({
      exists: true,
      writable: true,
      reason: null,
      mode: '777 (rwxrwxrwx)',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a folder we own with mode 555: its write permission is turned off', async () => {
    const dir = folder('own-555', 0o555, NOBODY_IDS);
    const { check } = await checkInProcess(dir, { asNobody: true });
    expect(check.writable).toBe(false);
    expect(englishOf(check.reason)).toBe(
      'You own this folder, but its write permission is turned off (mode 555).',
    );
    expect(check.owner).toBe('nobody (uid 65534), group nogroup (gid 65534)');
  });

  test('group-writable, but we are not in the group', async () => {
    const dir = folder('group-775', 0o775, ROOT);
    const { check } = await checkInProcess(dir, { asNobody: true });
    expect(englishOf(check.reason)).toBe(
      'Only root and members of group root can change this folder (owned by root, group root, mode 775); you are nobody (uid 65534), not in group root.',
    );
  });

  test('in the group, but the group may only read', async () => {
    const dir = folder('group-read', 0o755, { uid: 0, gid: NOBODY });
    const { check } = await checkInProcess(dir, { asNobody: true });
    expect(englishOf(check.reason)).toBe(
      'Only root can change this folder (owned by root, group nogroup, mode 755); you are nobody (uid 65534), in group nogroup, which may only read it.',
    );
  });

  test('a folder behind a parent we may not enter', async () => {
    const locked = folder('locked-700', 0o700, ROOT);
    const dir = folder('locked-700/site-packages', 0o777, ROOT);
    const { check } = await checkInProcess(dir, { asNobody: true });
    expect(check).toMatchObject({ exists: false, writable: false, mode: '700 (rwx------)' });
    expect(englishOf(check.reason)).toBe(
      `You cannot reach this folder: ${locked} does not let you look inside it (owned by root, mode 700); you are nobody (uid 65534).`,
    );
  });

  test('a missing folder, with every awkward character, is judged by where pip would create it', async () => {
    const parent = folder(`awkward ${AWKWARD}`, 0o755, ROOT);
    const { check } = await checkInProcess(join(parent, 'lib', 'site-packages'), {
      asNobody: true,
    });
    expect(check).toMatchObject({ exists: false, writable: false });
    expect(englishOf(check.reason)).toBe(
      `This folder does not exist yet; pip would create it inside ${parent}. Only root can change that folder (owned by root, mode 755); you are nobody (uid 65534).`,
    );
    // In Chinese: the words change, the path with its awkward characters does not.
    expect(inLanguage('zh-Hans', check.reason!)).toBe(
      `此文件夹尚不存在；pip 会在 ${parent} 中创建它。只有 root 可以更改那个文件夹（所有者 root，权限 755）；您是 nobody (uid 65534)。`,
    );
  });

  test('a path over 260 characters is explained the same way', async () => {
    const segments = Array.from({ length: 6 }, (_, i) => `${i}-${'segment'.repeat(7)}`);
    const dir = folder(join('long', ...segments), 0o755, ROOT);
    expect(dir.length).toBeGreaterThan(260);
    const { check } = await checkInProcess(dir, { asNobody: true });
    expect(englishOf(check.reason)).toBe(
      'Only root can change this folder (owned by root, mode 755); you are nobody (uid 65534).',
    );
  });
});

/**
 * ~/.local after an earlier `sudo pip install --user`: the folders are ours,
 * the packages pip put there as root are not. pip can add packages but fails
 * replacing or removing those, so the check reports "not writable" with the
 * reason (see leftBySomeoneElse in explainAccess.ts for the decision).
 */
describe.skipIf(!canSwitchUser)(asNobodyTitle('~/.local with packages left by sudo pip'), () => {
  const local = 'home-nobody/.local';
  const site = join(root, local, 'lib/python3.12/site-packages');
  const bin = join(root, local, 'bin');

  // Built here, not while collecting: chown needs root, and a skipped suite must not fail.
  beforeAll(() => {
    for (const part of ['', '/.local', '/.local/lib', '/.local/lib/python3.12']) {
      folder(`home-nobody${part}`, 0o755, NOBODY_IDS);
    }
    folder(`${local}/lib/python3.12/site-packages`, 0o755, NOBODY_IDS);
    folder(`${local}/bin`, 0o755, NOBODY_IDS);
    folder(`${local}/lib/python3.12/site-packages/numpy`, 0o755, ROOT);
    file(join(site, 'numpy', '__init__.py'), ROOT);
    folder(`${local}/lib/python3.12/site-packages/numpy-1.26.4.dist-info`, 0o755, ROOT);
    file(join(site, 'numpy-1.26.4.dist-info', 'RECORD'), ROOT);
    // Our own package, byte-compiled once by `sudo python`: root's __pycache__ inside it.
    folder(`${local}/lib/python3.12/site-packages/mine`, 0o755, NOBODY_IDS);
    folder(`${local}/lib/python3.12/site-packages/mine/__pycache__`, 0o755, ROOT);
    file(join(site, 'mine', '__pycache__', 'x.cpython-312.pyc'), ROOT);
    // A root-owned file straight in a folder of ours is no obstacle: we may delete it.
    file(join(site, 'six.py'), ROOT);
    file(join(bin, 'f2py'), ROOT);
  });

  test('site-packages is reported not writable, naming root, sudo pip and the folders', async () => {
    const { probe, check } = await checkInProcess(site, { asNobody: true });
    expect(probe.writable).toBe(true);
    expect(check).toMatchObject({ exists: true, writable: false, mode: '755 (rwxr-xr-x)' });
    expect(check.owner).toBe('nobody (uid 65534), group nogroup (gid 65534)');
    expect(englishOf(check.reason)).toBe(
      'You can add new files here, but 6 files and folders inside belong to root, left by an earlier `sudo pip`, so pip cannot upgrade or remove what is in numpy, numpy-1.26.4.dist-info, mine/__pycache__.',
    );
    expect(readdirSync(site).filter((n) => n.startsWith('accesstest'))).toEqual([]);
  });

  test('a scripts folder with only root-owned files in it stays writable', async () => {
    const { check } = await checkInProcess(bin, { asNobody: true });
    expect(check).toMatchObject({ writable: true, reason: null });
  });

  test('root itself can change everything there', async () => {
    expect(await checkFolderAccess('user-site', site, homedir())).toMatchObject({
      writable: true,
      reason: null,
    });
  });
});

describe('read-only file systems', () => {
  const mountable = canMountReadOnly();

  test.skipIf(!mountable)(
    mountable
      ? 'a read-only tmpfs: not even root can write, and the reason names the mount'
      : 'a read-only tmpfs (skipped: needs root and a sandbox that allows mounting; the recorded EROFS test below covers the text)',
    async () => {
      const dir = folder('ro-tmpfs', 0o755);
      const { check } = await checkInProcess(dir, { readOnlyMount: 'tmpfs' });
      expect(check).toMatchObject({ exists: true, writable: false });
      expect(englishOf(check.reason)).toBe(
        `This folder is on a read-only file system: ${dir} is mounted read-only (tmpfs); no one can change it, administrators (root) included.`,
      );
      expect(check).toMatchObject({ readOnlyFileSystem: true, reclaim: null });
    },
  );

  test.skipIf(!mountable || !canSwitchUser)(
    'a folder bind-mounted read-only, probed as uid 65534',
    async () => {
      const dir = folder('ro-bind', 0o777);
      const { probe, check } = await checkInProcess(dir, { readOnlyMount: 'bind', asNobody: true });
      expect(probe.errorCode).toBe('EROFS');
      expect(englishOf(check.reason)).toContain(`${dir} is mounted read-only`);
      expect(englishOf(check.reason)).toContain(
        'no one can change it, administrators (root) included',
      );
      expect(check.readOnlyFileSystem).toBe(true);
    },
  );

  test('a recorded EROFS on a read-write mount still says read-only file system', async () => {
    const dir = folder('recorded-erofs', 0o755);
    const explained = await explainAccess(dir, {
      exists: true,
      probedPath: dir,
      writable: false,
      errorCode: 'EROFS',
      leftBehind: null,
    });
    expect(explained).toMatchObject({ writable: false, readOnlyFileSystem: true });
    expect(englishOf(explained.reason)).toBe(
      'This folder is on a read-only file system (EROFS); no one can change it, administrators (root) included.',
    );
  });
});

describe('reasons for what cannot be decided, and for a file left behind', () => {
  test('a file where the folder should be', async () => {
    const blocker = join(folder('enotdir', 0o755), 'site-packages');
    file(blocker);
    const check = await checkFolderAccess('purelib', join(blocker, 'x'), homedir());
    expect(check).toMatchObject({ exists: false, writable: null });
    expect(englishOf(check.reason)).toBe(
      `${blocker} is a file, not a folder, so pip cannot create this folder below it.`,
    );
  });

  const canAppendOnly =
    isRoot && chattr('+a', folder('append-only', 0o755)) && chattr('-a', join(root, 'append-only'));
  test.skipIf(!canAppendOnly)(
    'a folder where files can be created but not deleted (chattr +a)',
    async () => {
      const dir = join(root, 'append-only');
      chattr('+a', dir);
      try {
        const check = await checkFolderAccess('scripts', dir, homedir());
        expect(check.writable).toBe(false);
        const [left] = readdirSync(dir);
        expect(englishOf(check.reason)).toBe(
          `Pip Doctor could create a file in this folder but not delete it again (EPERM), and pip has to delete files to upgrade or remove packages; an append-only or immutable flag, or a security tool, may be the cause. Please delete the test file it left there: ${join(dir, left!)}`,
        );
      } finally {
        chattr('-a', dir);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

function chattr(flag: string, dir: string): boolean {
  try {
    execFileSync('chattr', [flag, dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the facts behind the reasons', () => {
  test('mount points come unescaped, and the innermost, last mount wins', () => {
    const mounts = parseMounts(
      [
        '/dev/vda / ext4 rw,relatime 0 0',
        'tmpfs /mnt/my\\040data tmpfs rw 0 0',
        'tmpfs /mnt/my\\040data tmpfs ro,nosuid 0 0',
        '',
      ].join('\n'),
    );
    expect(findMount(mounts, '/mnt/my data/site-packages')).toEqual({
      mountPoint: '/mnt/my data',
      fsType: 'tmpfs',
      readOnly: true,
    });
    expect(findMount(mounts, '/mnt/my database')?.mountPoint).toBe('/');
  });

  test('passwd and group files: first entry per id wins, comments and NIS lines skipped', () => {
    const names = parseIdFile(
      '# comment\nroot:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\n+::::::\nalice:x:1000:1000::/home/alice:/bin/bash\n',
    );
    expect([...names]).toEqual([
      [0, 'root'],
      [1000, 'alice'],
    ]);
  });

  test('modes read as octal and as ls -l letters, special bits included', () => {
    expect(modeText(0o40755)).toBe('755 (rwxr-xr-x)');
    expect(modeText(0o1777)).toBe('1777 (rwxrwxrwt)');
    expect(modeText(0o4754)).toBe('4754 (rwsr-xr--)');
    expect(modeText(0o2640)).toBe('2640 (rw-r-S---)');
  });

  test('the walk is bounded and says so', async () => {
    const dir = folder('many', 0o755);
    for (let i = 0; i < 30; i++) file(join(dir, `f${i}`));
    // As seen by a uid that owns none of them, whoever runs the tests.
    const me = process.getuid?.() ?? 0;
    const found = await findForeignOwned(dir, me + 1, { maxEntries: 10, maxDepth: 2 });
    expect(found).toMatchObject({ count: 10, truncated: true, mainOwner: me });
    const names = { user: (uid: number) => (uid === 0 ? 'root' : null), group: () => null };
    expect(
      english(
        foreignReason({ ...found, mainOwner: 0, blocking: ['a', 'b', 'c', 'd', 'e'] }, names),
      ),
    ).toBe(
      'You can add new files here, but at least 10 files and folders inside belong to root, left by an earlier `sudo pip`, so pip cannot upgrade or remove what is in a, b, c and 2 more.',
    );
  });
});
