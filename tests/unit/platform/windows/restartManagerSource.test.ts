import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeScriptPath } from '../../../../electron/platform/windows/probeScriptPath';
import { tempTree } from '../../../support/tempTree';

/**
 * The C# the script hands to Add-Type (the Restart Manager calls and the
 * install-folder walk). Windows PowerShell 5.1 compiles it with the .NET
 * Framework's C# 5 compiler, so it is compiled here as C# 5 with Mono's mcs
 * where mcs is installed, and the folder walk is run on this machine's
 * files. The P/Invoke calls themselves only run on Windows (the workflow's
 * live test).
 */
const mcs = spawnSync('mcs', ['--version'], { encoding: 'utf8' });
const hasMono =
  process.platform !== 'win32' && mcs.status === 0 && spawnSync('mono', ['--version']).status === 0;

// Where Mono is missing the suite is skipped and its name says why, rather than a passing test
// that checked nothing.
const title = hasMono
  ? 'the Add-Type source in the probe script'
  : 'the Add-Type source in the probe script (skipped: needs Mono (mcs, mono) on Linux or macOS; ' +
    'on Windows, tests/windows-live compiles it with the real Add-Type)';

describe.runIf(hasMono)(title, () => {
  const root = tempTree('csharp');
  const script = readFileSync(probeScriptPath(), 'utf8');
  const start =
    script.indexOf("$restartManagerSource = @'\n") + "$restartManagerSource = @'\n".length;
  const source = script.slice(start, script.indexOf("\n'@", start));

  it('compiles as C# 5, and walks a folder for .pyd, .dll and .exe files without following links', () => {
    writeFileSync(join(root, 'probe.cs'), source);
    writeFileSync(
      join(root, 'walk.cs'),
      'class Walk { static void Main(string[] a) { var r = PipDoctor.InstallFiles.FindBinaries(a[0], int.Parse(a[1])); ' +
        'foreach (var f in r.Files) System.Console.WriteLine(f); System.Console.WriteLine(r.Truncated); } }',
    );
    execFileSync('mcs', [
      '-langversion:5',
      '-target:library',
      `-out:${join(root, 'probe.dll')}`,
      join(root, 'probe.cs'),
    ]);
    execFileSync('mcs', [
      `-r:${join(root, 'probe.dll')}`,
      `-out:${join(root, 'walk.exe')}`,
      join(root, 'walk.cs'),
    ]);
    const tree = join(root, 'site-packages');
    mkdirSync(join(tree, 'pkg', 'sub'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'));
    for (const file of ['pkg/_a.pyd', 'pkg/sub/b.DLL', 'pkg/readme.txt', 'tool.exe'])
      writeFileSync(join(tree, file), '');
    writeFileSync(join(root, 'elsewhere', 'outside.pyd'), '');
    symlinkSync(join(root, 'elsewhere'), join(tree, 'link'));
    const walk = (max: number) =>
      execFileSync('mono', [join(root, 'walk.exe'), tree, String(max)], { encoding: 'utf8' })
        .trim()
        .split('\n');
    const all = walk(100);
    expect(all.slice(0, -1).sort()).toEqual(
      [
        join(tree, 'pkg', '_a.pyd'),
        join(tree, 'pkg', 'sub', 'b.DLL'),
        join(tree, 'tool.exe'),
      ].sort(),
    );
    expect(all.at(-1)).toBe('False');
    expect(walk(2).at(-1)).toBe('True');
  });
});
