import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeScriptPath } from '../../../../electron/platform/windows/probeScriptPath';
import { tempTree } from '../../../support/tempTree';

/**
 * The C# the script hands to Add-Type (the Restart Manager calls). Windows
 * PowerShell 5.1 compiles it with the .NET Framework's C# 5 compiler, so it
 * is compiled here as C# 5 with Mono's mcs where mcs is installed.
 * PowerShell 7's own Add-Type compiles it in probeOnFakeWindows.test.ts;
 * the P/Invoke calls themselves only run on Windows (the workflow's live
 * test). The folder walk that feeds it is PowerShell, run by pwsh there too.
 */
const mcs = spawnSync('mcs', ['--version'], { encoding: 'utf8' });
const hasMono = process.platform !== 'win32' && mcs.status === 0;

// Where Mono is missing the suite is skipped and its name says why, rather than a passing test
// that checked nothing.
const title = hasMono
  ? 'the Add-Type source in the probe script'
  : 'the Add-Type source in the probe script (skipped: needs Mono (mcs) on Linux or macOS; ' +
    'on Windows, tests/windows-live compiles it with the real Add-Type)';

describe.runIf(hasMono)(title, () => {
  const root = tempTree('csharp');
  const script = readFileSync(probeScriptPath(), 'utf8');
  const opening = "$PipDoctorRestartManagerSource = @'\n";
  const start = script.indexOf(opening) + opening.length;
  const source = script.slice(start, script.indexOf("\n'@", start));

  it('compiles as C# 5 into the types the script calls', () => {
    expect(start).toBeGreaterThan(opening.length);
    writeFileSync(join(root, 'probe.cs'), source);
    execFileSync('mcs', [
      '-langversion:5',
      '-target:library',
      `-out:${join(root, 'probe.dll')}`,
      join(root, 'probe.cs'),
    ]);
    for (const member of [
      'PipDoctor.RestartManager]::Find(',
      '$query.Processes',
      '$process.StartedUtc',
      '$query.RebootReasons',
    ])
      expect(script).toContain(member);
    expect(source).toMatch(/public static LockQuery Find\(string\[\] paths\)/);
  });
});
