import { englishDeep } from '../../../support/english';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holderScanOf } from '../../../../electron/platform/windows/holderScan';
import { pwshTitle } from '../../../support/pwsh';
import { tempTree } from '../../../support/tempTree';
import { ANA, anaMachine } from './support/fakeMachines';
import { PWSH, probeOnFakeWindows } from './support/probeHarness';

/**
 * Which program files of an install folder the probe hands the Restart
 * Manager: the script's own walk, run by the real PowerShell 7 over real
 * folders here (only the Restart Manager is answered, and records what it
 * was given), and the Restart Manager's compiled code, kept in the cache
 * folder between runs.
 */

function files(root: string, paths: string[]) {
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }
}

const holderRequest = (root: string) => ({
  sections: ['restartManager' as const],
  holderRoots: [root],
});

describe.runIf(PWSH)(pwshTitle('the walk for an install folder’s program files'), () => {
  const scratch = tempTree('probe-walk');

  it("looks where Python loads binaries from first, never into conda's pkgs and envs, nor through links", async () => {
    const root = join(scratch, 'Miniconda3 J\u00fcrgen');
    files(root, [
      'python.exe',
      'python312.dll',
      'Lib/os.py',
      'Lib/site-packages/zz_top.pyd',
      'Lib/site-packages/numpy/core/_multiarray_umath.cp312-win_amd64.pyd',
      'Lib/site-packages/numpy/core/include/readme.txt',
      'Lib/site-packages/paquet_\u00e9t\u00e9/_x.pyd',
      'DLLs/_ssl.pyd',
      'DLLs/sqlite3.dll',
      'Scripts/jupyter.exe',
      'Scripts/pip.exe',
      'Library/bin/mkl_core.2.dll',
      'Library/lib/mkl_core.lib',
      'include/Python.h',
      'envs/other/python.exe',
      'envs/other/DLLs/_ssl.pyd',
      // conda's package cache: enough binaries to fill the whole cap on their own.
      ...Array.from(
        { length: 1200 },
        (_, i) => `pkgs/numpy-1.26.${i}/Lib/site-packages/numpy/_m${i}.pyd`,
      ),
    ]);
    // A link back up the tree: followed, the walk would never end.
    symlinkSync(root, join(root, 'Lib', 'site-packages', 'loop'));
    const { document, calls } = await probeOnFakeWindows(anaMachine(), holderRequest(root));
    const inRoot = (path: string) => join(root, ...path.split('/'));
    // Folder by folder in this order; within a folder the file system's order (sorted on NTFS).
    const groups = [
      [
        'Lib/site-packages/zz_top.pyd',
        'Lib/site-packages/paquet_\u00e9t\u00e9/_x.pyd',
        'Lib/site-packages/numpy/core/_multiarray_umath.cp312-win_amd64.pyd',
      ],
      ['DLLs/_ssl.pyd', 'DLLs/sqlite3.dll'],
      ['Scripts/jupyter.exe', 'Scripts/pip.exe'],
      ['Library/bin/mkl_core.2.dll'],
      ['python.exe', 'python312.dll'],
    ];
    expect(calls.locks).toHaveLength(1);
    const registered = calls.locks[0]!;
    let at = 0;
    for (const group of groups) {
      const next = registered.slice(at, at + group.length);
      expect(new Set(next)).toEqual(new Set(group.map(inRoot)));
      at += group.length;
    }
    expect(registered).toHaveLength(at);
    // Breadth first within site-packages: its own files before those one folder down, and so on.
    expect(registered[0]).toBe(inRoot('Lib/site-packages/zz_top.pyd'));
    expect(document.restartManager.queries).toMatchObject([
      { kind: 'root', paths: [root], fileCount: 10, truncated: false, limit: null },
    ]);
    expect(holderScanOf(document).gaps).toEqual([]);
  });

  it('stops at 1000 files and says so', async () => {
    const root = join(scratch, 'big');
    files(root, [
      'Scripts/pip.exe',
      ...Array.from(
        { length: 1005 },
        (_, i) => `Lib/site-packages/pkg/_m${String(i).padStart(4, '0')}.pyd`,
      ),
    ]);
    const { document, calls } = await probeOnFakeWindows(anaMachine(), holderRequest(root));
    expect(calls.locks).toHaveLength(1);
    expect(calls.locks[0]).toHaveLength(1000);
    // All from site-packages, looked at first: Scripts never got its turn.
    expect(
      calls.locks[0]!.every((file) => file.startsWith(join(root, 'Lib', 'site-packages', 'pkg'))),
    ).toBe(true);
    expect(document.restartManager.queries[0]).toMatchObject({
      fileCount: 1000,
      truncated: true,
      limit: 'files',
    });
    expect(englishDeep(holderScanOf(document).gaps.map((gap) => gap.message))).toEqual([
      `Only the first 1,000 program files in ${root} were checked for programs using them: it has more than one scan looks at.`,
    ]);
  });

  it('stops when the run’s time is up, and says the folder was not checked', async () => {
    const root = join(scratch, 'slow');
    files(root, ['Lib/site-packages/_a.pyd', 'Scripts/pip.exe']);
    const { document, calls } = await probeOnFakeWindows(anaMachine(), {
      ...holderRequest(root),
      budgetMs: 1,
    });
    expect(calls.locks).toEqual([]);
    expect(document.restartManager.queries).toMatchObject([
      { kind: 'root', paths: [root], fileCount: 0, truncated: true, limit: 'time', processes: [] },
    ]);
    expect(englishDeep(holderScanOf(document).gaps.map((gap) => gap.message))).toEqual([
      `The program files in ${root} were not checked for programs using them: finding them took too long.`,
    ]);
  });
});

describe.runIf(PWSH)(pwshTitle('the Restart Manager’s compiled code'), () => {
  const scratch = tempTree('probe-native');

  it('is compiled once into the cache folder and loaded from there, never for an elevated run', async () => {
    const cacheDir = join(scratch, 'Pip Doctor', 'Cache');
    const pyd = 'C:\\Users\\ana\\proj\\.venv\\Lib\\site-packages\\x\\_x.pyd';
    const request = {
      sections: ['identity' as const, 'restartManager' as const],
      priorityPaths: [pyd],
      cacheDir,
    };
    const real = { real: ['Initialize-WindowsNativeCode'] };
    const first = await probeOnFakeWindows(anaMachine(), request, real);
    expect(first.document.restartManager).toMatchObject({ status: 'ok', assembly: 'compiled' });
    const cached = readdirSync(cacheDir);
    expect(cached).toEqual([expect.stringMatching(/^pip-doctor-probe-[0-9a-f]{16}\.dll$/)]);

    const second = await probeOnFakeWindows(anaMachine(), request, real);
    expect(second.document.restartManager).toMatchObject({ status: 'ok', assembly: 'cached' });

    // Elevated, code from a folder the unelevated user can write to is never loaded.
    const elevated = anaMachine();
    elevated.token = {
      userSid: ANA,
      userName: 'DESKTOP-7K2QF\\ana',
      elevated: true,
      groups: [{ sid: 'S-1-5-32-544', denyOnly: false }],
    };
    const third = await probeOnFakeWindows(elevated, request, real);
    expect(third.document.restartManager).toMatchObject({
      status: 'ok',
      assembly: 'compiled in memory',
    });
    expect(readdirSync(cacheDir)).toEqual(cached);
  });
});
