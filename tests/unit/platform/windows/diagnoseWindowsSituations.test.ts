import { englishDeep, englishOf } from '../../../support/english';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/engine/diagnose/diagnose';
import { DiagnosisSchema } from '../../../../electron/shared/model/diagnosis';
import type { Diagnosis } from '../../../../electron/shared/model/diagnosis';
import { SECTION_NAMES } from '../../../../electron/platform/windows/probeDocument';
import { probeArguments, readProbeOutput } from '../../../../electron/platform/windows/probeScript';
import {
  RECORDED_WINDOWS_MACHINES,
  WINDOWS_FIXTURES,
  loadRecordedMachine,
  recordedRun,
} from './support/recordedMachine';
import type { RecordedMachine } from './support/recordedMachine';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import { english } from '../../../support/english';

/**
 * The real engine (diagnose()) on recorded Windows machines: the Windows
 * backend's where.exe, py.exe, reg.exe and PowerShell runs answered by the
 * recorded outputs in tests/fixtures/windows/<situation>, each interpreter
 * by its recorded probe answer. For each situation: the cause, the reason in
 * plain words, and the remedy to try first.
 */

async function scan(
  situation: string,
): Promise<{ machine: RecordedMachine; diagnosis: Diagnosis }> {
  const machine = loadRecordedMachine(situation);
  const diagnosis = await diagnose(machine.probe, {
    projectDir: machine.setup.projectDir,
    extraPythons: [],
    env: machine.env,
    log: machine.log,
    remedies: REMEDY_CATALOG,
  });
  return { machine, diagnosis: DiagnosisSchema.parse(diagnosis) };
}

function target(diagnosis: Diagnosis) {
  const install = diagnosis.installs.find(
    (candidate) => candidate.id === diagnosis.targetInstallId,
  );
  expect(install, 'the diagnosis names the install pip wrote to').toBeDefined();
  return install!;
}

function folder(diagnosis: Diagnosis, role: string) {
  return target(diagnosis).folders.find((candidate) => candidate.role === role)!;
}

const first = (diagnosis: Diagnosis) => diagnosis.recommendations[0]!;

describe.each(RECORDED_WINDOWS_MACHINES)('the recorded machine "%s"', (situation) => {
  it('is scanned with one PowerShell run that asked for exactly what the fixture answers', async () => {
    const { machine, diagnosis } = await scan(situation);
    const powershell = machine.runs.filter((run) => run.program.endsWith('powershell.exe'));
    expect(powershell).toHaveLength(1);
    // The script's text goes in on stdin, run by the fixed bootstrap: no file, so no execution policy.
    expect(powershell[0]!.args).toEqual(probeArguments());
    const [request] = machine.requests;
    const recorded = readProbeOutput(
      recordedRun(readFileSync(join(WINDOWS_FIXTURES, situation, 'probe.jsonl'), 'utf8')),
      60_000,
    );
    for (const section of SECTION_NAMES) expect(recorded[section].status).not.toBe('failed');
    // The fixture explains exactly the folders that refused, and asked the Restart Manager about the failing file.
    expect(new Set(recorded.acl.items.map((item) => item.path))).toEqual(new Set(request!.folders));
    expect(request!.priorityPaths).toEqual([machine.log.path]);
    const asked = recorded.restartManager.queries.filter((query) => query.kind === 'path');
    expect(asked.map((query) => query.paths[0])).toEqual(request!.priorityPaths);
    for (const query of recorded.restartManager.queries.filter((q) => q.kind === 'root')) {
      expect(request!.holderRoots).toContain(query.paths[0]);
    }
    // Every tool ran by absolute path, and the Store's stub was never run as an interpreter.
    for (const run of machine.runs) expect(run.program).toMatch(/^[A-Z]:\\/i);
    for (const probed of machine.probed)
      expect(probed).not.toMatch(/\\WindowsApps\\python3?\.exe$/i);
    expect(diagnosis.platform).toBe('win32');
  });
});

describe('Python for all users under Program Files, not elevated', () => {
  it('says only administrators may change site-packages, and that this administrator is not elevated', async () => {
    const { diagnosis } = await scan('all-users-not-elevated');
    const sitePackages = 'C:\\Program Files\\Python312\\Lib\\site-packages';
    const reason =
      `Only Administrators, SYSTEM, and TrustedInstaller may change ${sitePackages} (rights inherited from the folders above); ` +
      'you are in Users, who may only read it. You are an administrator, but programs you start run without your ' +
      'administrator rights until you approve a User Account Control prompt.';
    expect(diagnosis.cause).toBe('permission');
    expect(englishDeep(folder(diagnosis, 'purelib'))).toMatchObject({
      path: sitePackages,
      writable: false,
      reason,
    });
    // In short: plain words; the folder and who may change it are the folder's evidence above.
    expect(englishOf(diagnosis.causeSummary)).toBe(
      'You are not allowed to change the folder where Python 3.12 installs packages. Install into a virtual environment instead.',
    );
    expect(first(diagnosis).id).toBe('venv');
    // The remedy's reason carries the same fact: the folder's reason, whole, as its own sentence.
    expect(english(first(diagnosis).reason)).toBe(
      `pip installs into ${sitePackages}. ${reason} A virtual environment lives in a folder you own.`,
    );
    expect(diagnosis.elevated).toBe(false);
    expect(diagnosis.settings).toEqual({
      longPathsEnabled: false,
      controlledFolderAccess: false,
      canElevate: true,
    });
  });

  it('shows the entries that decide, by SID, with the one that applies to the user marked', async () => {
    const { diagnosis } = await scan('all-users-not-elevated');
    const acl = folder(diagnosis, 'purelib').acl!;
    expect(
      acl.map((entry) => [
        entry.principal,
        english(entry.rights),
        entry.inherited,
        entry.appliesToUser,
      ]),
    ).toEqual([
      ['TrustedInstaller', 'full control', true, false],
      ['SYSTEM', 'full control', true, false],
      ['Administrators', 'full control', true, false],
      ['Users', 'read and execute', true, true],
      ['ALL APPLICATION PACKAGES', 'read and execute', true, false],
      ['ALL RESTRICTED APPLICATION PACKAGES', 'read and execute', true, false],
    ]);
    expect(folder(diagnosis, 'purelib').owner).toBe('Administrators (S-1-5-32-544)');
  });

  it('finds the install from every source once, and never counts the Store stub', async () => {
    const { diagnosis } = await scan('all-users-not-elevated');
    expect(diagnosis.installs).toHaveLength(1);
    expect(target(diagnosis)).toMatchObject({
      kind: 'all-users',
      version: '3.12.4',
      pipVersion: '24.0',
    });
    expect(target(diagnosis).names).toEqual(
      expect.arrayContaining([
        'pip on PATH',
        'python on PATH',
        'py -V:3.12',
        'registry HKLM (64-bit view) PythonCore\\3.12',
      ]),
    );
    const python3 = diagnosis.pipOnPath.find((entry) => entry.command === 'python3')!;
    expect(python3).toMatchObject({ installId: null });
    expect(englishDeep(diagnosis.gaps.map((gap) => gap.message))).toContainEqual(
      expect.stringMatching(/^`python3` on PATH is the Microsoft Store's App Execution Alias/),
    );
  });
});

describe('per-user Python with Spyder holding a .pyd', () => {
  it('names Spyder and its kernel as the holders and says to close them first', async () => {
    const { diagnosis } = await scan('per-user-spyder');
    expect(diagnosis.cause).toBe('lock');
    // Each holder named by the app a person knows it by; the pids are in the remedy and the evidence.
    expect(englishOf(diagnosis.causeSummary)).toBe(
      'A Python program in Spyder and a Spyder kernel are using pyzmq. Close them, then install again.',
    );
    expect(first(diagnosis)).toMatchObject({
      id: 'close-processes',
      commands: ['Stop-Process -Id 7344', 'Stop-Process -Id 8012'],
    });
    expect(english(first(diagnosis).reason)).toMatch(/pid 7344, Spyder\b.*pid 8012, Spyder kernel/);
    expect(target(diagnosis).kind).toBe('per-user');
    expect(diagnosis.settings.canElevate).toBe(false);
  });

  it('keys each holder by pid and start time, with the parents that started it', async () => {
    const { diagnosis } = await scan('per-user-spyder');
    const kernel = diagnosis.processes.find((process) => process.pid === 8012)!;
    expect(englishDeep(kernel)).toMatchObject({
      startTime: '2026-03-04T09:58:19.075Z',
      user: 'DESKTOP-7K2QF\\ana',
      startedBy: expect.objectContaining({ role: 'spyder-kernel', phrase: 'Spyder kernel' }),
    });
    expect(kernel.parents.map((parent) => parent.pid)).toEqual([7344, 7096, 3956]);
    expect(kernel.holds).toContain(
      'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages\\zmq\\backend\\cython\\_zmq.cp312-win_amd64.pyd',
    );
  });
});

describe('Microsoft Store Python', () => {
  it('recognises the Store install through its aliases and its read-only package folder', async () => {
    const { diagnosis } = await scan('store-python');
    expect(diagnosis.cause).toBe('store-python');
    expect(englishOf(diagnosis.causeSummary)).toMatch(
      /^The Microsoft Store's Python keeps its program folder read-only for everyone, so pip could not write "[^"\\]+"\. Install with --user/,
    );
    expect(first(diagnosis).id).toBe('venv');
    expect(english(first(diagnosis).reason)).toMatch(
      /Microsoft Store's Python folder is read-only/,
    );
    expect(diagnosis.recommendations[1]!.id).toBe('user-install');
    expect(diagnosis.installs).toHaveLength(1);
    expect(target(diagnosis).kind).toBe('store');
    expect(diagnosis.pipOnPath.every((entry) => entry.installId === target(diagnosis).id)).toBe(
      true,
    );
    expect(englishDeep(folder(diagnosis, 'purelib').reason)).toBe(
      'Only TrustedInstaller may change C:\\Program Files\\WindowsApps\\PythonSoftwareFoundation.Python.3.12_3.12.2800.0_x64__qbz5n2kfra8p0\\Lib\\site-packages ' +
        '(rights inherited from the folders above); you are in Users, who may only read it. ' +
        "It is the Microsoft Store's package of Python, which Windows keeps read-only for everyone, administrators included.",
    );
    expect(folder(diagnosis, 'user-site').writable).toBe(true);
  });
});

describe('a venv whose .pyd is held by a Jupyter kernel started from VS Code', () => {
  it('blames the kernel VS Code started and says to close it first', async () => {
    const { diagnosis } = await scan('venv-jupyter-vscode');
    expect(diagnosis.cause).toBe('lock');
    expect(target(diagnosis).kind).toBe('venv');
    // The venv launcher and its base-interpreter child: two processes of one kernel.
    // One kernel to the user, named as they know it: the two pids are the remedy's and the evidence's.
    expect(englishOf(diagnosis.causeSummary)).toBe(
      'A Jupyter kernel in VS Code is using numpy. Close it, then install again.',
    );
    expect(
      diagnosis.processes
        .filter((p) => p.holds.length > 0)
        .map((p) => [p.pid, englishOf(p.startedBy?.phrase)]),
    ).toEqual([
      [8840, 'Jupyter kernel started by VS Code'],
      [8852, 'Jupyter kernel started by VS Code'],
    ]);
    expect(first(diagnosis)).toMatchObject({
      id: 'close-processes',
      commands: ['Stop-Process -Id 8840', 'Stop-Process -Id 8852'],
    });
    const kernel = diagnosis.processes.find((process) => process.pid === 8852)!;
    expect(kernel.holds).toContain(
      'C:\\Users\\ana\\projects\\survey\\.venv\\Lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd',
    );
    expect(kernel.parents.map((parent) => parent.name)).toEqual([
      'python.exe',
      'Code.exe',
      'Code.exe',
      'explorer.exe',
    ]);
  });
});

describe('pip.exe upgrading itself', () => {
  it('says to upgrade through python -m pip, with the interpreter pip.exe embeds', async () => {
    const { diagnosis } = await scan('pip-self-upgrade');
    expect(diagnosis.cause).toBe('self-upgrade-lock');
    expect(englishOf(diagnosis.causeSummary)).toMatch(
      /^pip tried to replace its own program \(pip\.exe\) while it was running/,
    );
    expect(first(diagnosis).id).toBe('use-python-m-pip');
    // The Python the recorded pip.exe launcher embeds, run with -m pip.
    expect(first(diagnosis).commands).toEqual([
      "& 'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python311\\python.exe' -m pip install --upgrade pip",
    ]);
    expect(diagnosis.pipOnPath.find((entry) => entry.command === 'pip')!.installId).toBe(
      target(diagnosis).id,
    );
  });
});

describe('a DENY entry on site-packages', () => {
  it('names the deny entry, that it is set on the folder itself, and what it outweighs', async () => {
    const { diagnosis } = await scan('deny-entry');
    const sitePackages =
      'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages';
    const reason =
      `A deny entry on ${sitePackages} forbids you (ana) to write, delete subfolders and files, delete, and read permissions. ` +
      'It is set on this folder itself, not inherited, and it outweighs the full control you are given through your own entry.';
    // The log alone leaves it open (a refusal in the user's own folder); the machine settles it.
    expect(diagnosis.log?.category).toBe('lock');
    expect(diagnosis.cause).toBe('permission');
    expect(englishDeep(folder(diagnosis, 'purelib').reason)).toBe(reason);
    expect(englishOf(diagnosis.causeSummary)).toMatch(
      /^You are not allowed to change the folder where Python 3\.12/,
    );
    expect(first(diagnosis).id).toBe('venv');
    expect(englishDeep(folder(diagnosis, 'purelib').acl![0])).toEqual({
      principal: 'DESKTOP-7K2QF\\ana',
      sid: 'S-1-5-21-3623811015-3361044348-30300820-1001',
      type: 'deny',
      rights: 'write, delete subfolders and files, delete, and read permissions',
      inherited: false,
      appliesToUser: true,
    });
  });
});

describe('a German Windows', () => {
  it('explains in the same words from the SIDs, and reads where.exe past its code page 850', async () => {
    const { diagnosis, machine } = await scan('german-windows');
    const sitePackages = 'C:\\Program Files\\Python311\\Lib\\site-packages';
    expect(diagnosis.cause).toBe('permission');
    expect(englishDeep(folder(diagnosis, 'purelib').reason)).toBe(
      `Only Administrators, SYSTEM, and TrustedInstaller may change ${sitePackages} (rights inherited from the folders above); ` +
        'you are in Users, who may only read it. You are not an administrator on this computer.',
    );
    expect(first(diagnosis).id).toBe('venv');
    expect(diagnosis.settings.canElevate).toBe(false);
    // "Jürgen" came back mangled from where.exe; PATH was read again to find the real alias.
    expect(diagnosis.pipOnPath.find((entry) => entry.command === 'python3')!.path).toBe(
      'C:\\Users\\Jürgen\\AppData\\Local\\Microsoft\\WindowsApps\\python3.exe',
    );
    expect(target(diagnosis).names).toContain('registry HKLM (64-bit view) PythonCore\\3.11');
    expect(folder(diagnosis, 'user-site').path).toBe(
      'C:\\Users\\Jürgen\\AppData\\Roaming\\Python\\Python311\\site-packages',
    );
    expect(machine.log.code).toBe('WinError 5');
  });
});

describe('a Chinese Windows', () => {
  it('explains in the same words from the SIDs, whatever the account and the message are called', async () => {
    const { diagnosis } = await scan('chinese-windows');
    expect(diagnosis.cause).toBe('permission');
    expect(englishDeep(folder(diagnosis, 'purelib').reason)).toMatch(
      /^Only Administrators, SYSTEM, and TrustedInstaller may change C:\\Program Files\\Python312\\Lib\\site-packages .*; you are in Users, who may only read it\. You are an administrator, but/,
    );
    expect(first(diagnosis).id).toBe('venv');
    expect(diagnosis.user.name).toBe('张伟');
    expect(diagnosis.pipOnPath.find((entry) => entry.command === 'python3')!.path).toBe(
      'C:\\Users\\张伟\\AppData\\Local\\Microsoft\\WindowsApps\\python3.exe',
    );
    // Read from `reg export` (UTF-16), whose default value is `@` in every language.
    expect(target(diagnosis).names).toContain('registry HKLM (64-bit view) PythonCore\\3.12');
  });
});

describe('a path over 260 characters with long paths off', () => {
  it('says long paths are off; a standard user gets a venv in a short folder first, turning long paths on next', async () => {
    const { diagnosis } = await scan('long-path');
    expect(diagnosis.log!.path!.length).toBeGreaterThan(260);
    expect(diagnosis.cause).toBe('long-path');
    expect(englishOf(diagnosis.causeSummary)).toMatch(
      /^The file path is longer than Windows allows by default \(260 characters\)/,
    );
    expect(diagnosis.settings.longPathsEnabled).toBe(false);
    // ana is a standard user: turning long paths on needs an administrator, a short venv does not.
    expect(diagnosis.settings.canElevate).toBe(false);
    expect(first(diagnosis)).toMatchObject({ id: 'venv', applicable: true });
    // Where the log's explanation says to put it: a short folder at the top of the drive.
    expect(diagnosis.newVenvFolder).toBe('C:\\venvs\\environment');
    expect(first(diagnosis).commands[1]).toContain("'C:\\venvs\\environment\\Scripts\\python.exe'");
    expect(english(first(diagnosis).changes)).toContain('C:\\venvs\\environment');
    const longPaths = diagnosis.recommendations[1]!;
    expect(longPaths).toMatchObject({ id: 'enable-long-paths', applicable: true });
    expect(longPaths.commands[0]).toContain('LongPathsEnabled -Value 1');
    // The active venv is what pip on PATH reaches.
    expect(target(diagnosis).kind).toBe('venv');
    expect(target(diagnosis).names).toContain('VIRTUAL_ENV (the active venv)');
  });
});
