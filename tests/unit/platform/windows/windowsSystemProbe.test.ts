import { englishOf } from '../../../support/english';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/engine/diagnose/diagnose';
import { createSystemProbe } from '../../../../electron/platform/createSystemProbe';
import type { RunResult } from '../../../../electron/platform/runProcess';
import { SECTION_NAMES } from '../../../../electron/platform/windows/probeDocument';
import { probeScriptPath } from '../../../../electron/platform/windows/probeScriptPath';
import { tempTree } from '../../../support/tempTree';
import { loadRecordedMachine } from './support/recordedMachine';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';

const timedOut: RunResult = {
  exitCode: null,
  signal: null,
  stdout: '',
  stderr: '',
  timedOut: true,
  cancelled: false,
  truncated: false,
  spawnError: null,
  durationMs: 60_000,
};

describe('the Windows backend', () => {
  it('still diagnoses when PowerShell never answers, and says what it could not see', async () => {
    const machine = loadRecordedMachine('all-users-not-elevated', { powershell: () => timedOut });
    const diagnosis = await diagnose(machine.probe, {
      projectDir: machine.setup.projectDir,
      extraPythons: [],
      env: machine.env,
      log: machine.log,
      remedies: REMEDY_CATALOG,
    });
    expect(diagnosis.cause).toBe('permission');
    expect(diagnosis.elevated).toBe(false);
    expect(diagnosis.settings).toEqual({
      longPathsEnabled: null,
      controlledFolderAccess: null,
      canElevate: null,
    });
    const purelib = diagnosis.installs[0]!.folders.find((folder) => folder.role === 'purelib')!;
    expect(englishOf(purelib.reason)).toBe(
      'Windows refused to let you create files in C:\\Program Files\\Python312\\Lib\\site-packages (EPERM), and its access list could not be read to say why: Windows PowerShell did not answer within 60 s and was stopped.',
    );
    expect(diagnosis.gaps.map((gap) => gap.area)).toEqual(
      expect.arrayContaining(['elevation', 'processes']),
    );
    expect(machine.requests).toHaveLength(1);
  });

  it('answers isElevated() asked on its own with one run for the identity alone', async () => {
    const machine = loadRecordedMachine('per-user-spyder');
    expect(await machine.probe.isElevated()).toBe(false);
    expect(machine.requests).toEqual([
      { sections: ['identity'], folders: [], priorityPaths: [], holderRoots: [], interpreters: [] },
    ]);
  });

  it('answers a lone folder check with its own run, explaining the refusal', async () => {
    const machine = loadRecordedMachine('deny-entry');
    const site = 'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages';
    const check = await machine.probe.checkFolder('purelib', site);
    expect(englishOf(check.reason)).toMatch(/^A deny entry on /);
    expect(machine.requests.map((request) => request.folders)).toEqual([[site]]);
  });

  it('is what createSystemProbe returns on Windows', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      expect(createSystemProbe({ SystemRoot: 'C:\\Windows' }).platform).toBe('win32');
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    // On this machine, whatever it is, the backend of this machine's OS.
    expect(createSystemProbe().platform === 'win32').toBe(process.platform === 'win32');
  });
});

describe('the PowerShell script', () => {
  const script = readFileSync(probeScriptPath(), 'utf8');
  // The code alone: without the help block, comment lines and the C# it compiles.
  const code = script
    .replace(/<#[\s\S]*?#>/g, '')
    .replace(/^\s*#.*$/gm, '')
    .replace(/@'\n[\s\S]*?\n'@/g, "''");

  it('is found next to the code, and beside app.asar in a packaged app', () => {
    const root = tempTree('script-path');
    const unpacked = join(root, 'resources', 'app.asar.unpacked', 'assets', 'windows');
    mkdirSync(unpacked, { recursive: true });
    writeFileSync(join(unpacked, 'pip-doctor-probe.ps1'), '# probe');
    expect(probeScriptPath(join(root, 'resources', 'app.asar', 'out', 'main'))).toBe(
      join(unpacked, 'pip-doctor-probe.ps1'),
    );
    expect(() => probeScriptPath(join(root, 'elsewhere'))).toThrow(/reinstalling Pip Doctor/);
  });

  it('never evaluates text as code itself: its paths stay data', () => {
    expect(code).not.toMatch(/Invoke-Expression|\biex\b|EncodedCommand|\[scriptblock\]::Create/i);
  });

  it('answers every section the schema reads, each on its own line', () => {
    for (const name of SECTION_NAMES)
      expect(script).toMatch(new RegExp(`ProbeSection \\$context '${name}'`));
  });

  it('asks Windows only inside the functions named for it, which the tests answer instead', () => {
    // Each top-level function with its body: up to the next top-level function or variable.
    const blocks = code.split(/^(?=function |\$\w+ = )/m);
    const windowsCalls =
      /Get-CimInstance|Invoke-CimMethod|Get-ItemProperty|Get-MpPreference|Get-Acl|Add-Type|whoami\.exe|Get-Process|WindowsIdentity|RestartManager\]::Find|\.Translate\(/;
    const outside = blocks
      // Calls, not words in a message.
      .filter((block) => windowsCalls.test(block.replace(/'[^'\n]*'/g, "''")))
      .map(
        (block) =>
          /^function ([\w-]+)|^\$(\w+)/.exec(block)?.slice(1).find(Boolean) ?? block.slice(0, 40),
      )
      .filter((name) => !/^\w+-Windows\w*$/.test(name));
    expect(outside).toEqual([]);
  });
});
