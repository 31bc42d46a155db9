import { englishDeep } from '../../../support/english';
import { describe, expect, it } from 'vitest';
import { holderScanOf } from '../../../../electron/platform/windows/holderScan';
import { SECTION_NAMES } from '../../../../electron/platform/windows/probeDocument';
import type { ProbeDocument } from '../../../../electron/platform/windows/probeDocument';
import { tokenView } from '../../../../electron/platform/windows/tokenView';
import { pwshTitle } from '../../../support/pwsh';
import {
  ANA,
  ANA_WHOAMI,
  NUMPY_PYD,
  SHARED_FOLDER,
  TRUSTED_INSTALLER,
  VENV,
  VENV_SITE,
  WINDOWS_FOLDER,
  anaMachine,
} from './support/fakeMachines';
import { PWSH, probeOnFakeWindows, rawLines } from './support/probeHarness';

/**
 * The probe script's own logic, run by the real PowerShell 7 here: only the
 * calls that ask Windows itself are answered by a described machine
 * (support/fakeWindows.ps1); building each section, reading access lists,
 * choosing whose owner and modules to read, printing the lines, all run for
 * real, and what it prints is read by the app's reader and zod schema.
 */

const ANA_WHOAMI_USER = ANA_WHOAMI.user;

const ALL_PATHS = {
  folders: [VENV_SITE, WINDOWS_FOLDER, SHARED_FOLDER],
  priorityPaths: [NUMPY_PYD],
  holderRoots: [VENV],
  interpreters: [`${VENV}\\Scripts\\python.exe`],
};

function statuses(document: ProbeDocument) {
  return Object.fromEntries(SECTION_NAMES.map((name) => [name, document[name].status]));
}

describe.runIf(PWSH)(pwshTitle('the probe script on a described Windows'), () => {
  it('answers every section, one line each as it finishes, in the shape the schema reads', async () => {
    // Pacific/Chatham is UTC+13:45: a date left in local time, or converted twice, shows at once.
    const { run, document, lines, calls } = await probeOnFakeWindows(anaMachine(), ALL_PATHS, {
      timeZone: 'Pacific/Chatham',
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    // The header first, then each section in the order it ran, the holders' owners, the duration.
    expect(lines.map((line) => Object.keys(line).join('+'))).toEqual([
      'pipDoctorWindowsProbe+powershell+languageMode+startedAt',
      'identity',
      'settings',
      'acl',
      'processes',
      'loadedModules',
      'restartManager',
      'owners',
      'durationMs',
    ]);
    expect(statuses(document)).toEqual(Object.fromEntries(SECTION_NAMES.map((n) => [n, 'ok'])));
    expect(document).toMatchObject({ fatal: null, languageMode: 'FullLanguage' });

    // Identity: the token's groups by SID, Administrators deny-only (a split token).
    expect(document.identity).toMatchObject({ source: 'token', userSid: ANA, elevated: false });
    expect(tokenView(document.identity)).toMatchObject({ canElevate: true, elevated: false });
    // Where Windows is, as Windows says (not %SystemRoot%): the app starts programs only from there.
    expect(document.identity.systemDirectory).toBe('C:\\WINDOWS\\system32');

    // Settings: LongPathsEnabled 0 is off; Controlled Folder Access from the local key, the policy
    // key's absence noted in Windows' words, Get-MpPreference never asked.
    expect(document.settings).toMatchObject({
      longPathsEnabled: false,
      controlledFolderAccess: 1,
      controlledFolderAccessSource:
        'HKLM:\\SOFTWARE\\Microsoft\\Windows Defender\\Windows Defender Exploit Guard\\Controlled Folder Access',
      protectedFolders: [],
    });
    expect(document.settings.notes).toEqual([
      "HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Windows Defender Exploit Guard\\Controlled Folder Access: Cannot find path 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Windows Defender Exploit Guard\\Controlled Folder Access' because it does not exist.",
    ]);

    // Processes: local CIM times as UTC; owners only for the processes a diagnosis shows
    // (interpreters, pip, what runs from the venv), one that refuses stays unknown.
    const byPid = new Map(document.processes.items.map((item) => [item.pid, item]));
    expect(byPid.get(0)).toMatchObject({
      name: 'System Idle Process',
      created: null,
      executable: null,
    });
    expect(byPid.get(8840)).toMatchObject({
      created: '2026-03-10T09:20:00.123Z',
      owner: 'DESKTOP-7K2QF\\ana',
      ownerSid: ANA,
    });
    expect(byPid.get(9100)).toMatchObject({ owner: null, ownerSid: null, commandLine: null });
    expect(byPid.get(2208)).toMatchObject({ owner: null });
    // Explorer holds the .pyd per the Restart Manager only: its owner came on the line after.
    expect(byPid.get(3956)).toMatchObject({ owner: 'DESKTOP-7K2QF\\ana', ownerSid: ANA });
    expect(calls.owners).toEqual([8840, 8852, 9100, 9200, 3956]);

    // Loaded modules: only files inside the install folders or named by pip (the venv launcher's
    // own python.exe is one); the elevated python is reported as denied, the one that exited is
    // no holder and no gap.
    expect(document.loadedModules).toMatchObject({
      inspected: 2,
      processes: [
        { pid: 8840, started: '2026-03-10T09:20:00.123Z', files: [`${VENV}\\Scripts\\python.exe`] },
        { pid: 8852, started: '2026-03-10T09:20:00.250Z', files: [NUMPY_PYD] },
      ],
      uninspected: [{ pid: 9100, name: 'python.exe', denied: true, error: 'Access is denied' }],
    });

    // The Restart Manager asked about the failing file alone; its UTC start times match CIM's.
    expect(calls.locks).toEqual([[NUMPY_PYD]]);
    expect(document.restartManager.queries).toEqual([
      {
        kind: 'path',
        paths: [NUMPY_PYD],
        fileCount: 1,
        truncated: false,
        limit: null,
        error: 0,
        rebootReasons: 0,
        processes: [
          {
            pid: 8852,
            started: '2026-03-10T09:20:00.250Z',
            appName: 'python.exe',
            serviceName: null,
            appType: 5,
          },
          {
            pid: 3956,
            started: '2026-03-10T09:01:00.120Z',
            appName: 'Windows Explorer',
            serviceName: null,
            appType: 4,
          },
        ],
      },
    ]);
    const holders = holderScanOf(document);
    expect(holders.holders).toEqual([
      { pid: 8840, holds: [`${VENV}\\Scripts\\python.exe`] },
      { pid: 8852, holds: [NUMPY_PYD] },
      { pid: 3956, holds: [NUMPY_PYD] },
    ]);
    expect(englishDeep(holders.gaps.map((gap) => gap.message))).toEqual([
      expect.stringMatching(/^1 Python process \(python\.exe, pid 9100\) could not be inspected/),
    ]);
  });

  it('reads access lists by SID: deny before allow, inherited or not, generic rights of inherit-only entries', async () => {
    const { document, calls } = await probeOnFakeWindows(anaMachine(), {
      sections: ['acl'],
      folders: [VENV_SITE, WINDOWS_FOLDER, 'C:\\gone\\site-packages'],
    });
    const [venv, windows, gone] = document.acl.items;
    expect(venv).toMatchObject({
      path: VENV_SITE,
      exists: true,
      isFolder: true,
      owner: ANA,
      ownerName: 'DESKTOP-7K2QF\\ana',
      protected: false,
      error: null,
    });
    expect([...venv!.attributes]).toEqual(['Directory']);
    expect(
      venv!.entries.map((entry) => ({
        ...entry,
        inheritance: [...entry.inheritance],
        propagation: [...entry.propagation],
      })),
    ).toEqual([
      {
        sid: ANA,
        name: 'DESKTOP-7K2QF\\ana',
        mask: 0x30156,
        type: 'deny',
        inherited: false,
        inheritance: [],
        propagation: [],
      },
      {
        sid: ANA,
        name: 'DESKTOP-7K2QF\\ana',
        mask: 0x40030156,
        type: 'deny',
        inherited: false,
        inheritance: ['ContainerInherit', 'ObjectInherit'],
        propagation: ['InheritOnly'],
      },
      {
        sid: 'S-1-5-18',
        name: 'NT AUTHORITY\\SYSTEM',
        mask: 0x1f01ff,
        type: 'allow',
        inherited: true,
        inheritance: ['ContainerInherit', 'ObjectInherit'],
        propagation: [],
      },
      {
        sid: 'S-1-5-32-544',
        name: 'BUILTIN\\Administrators',
        mask: 0x1f01ff,
        type: 'allow',
        inherited: true,
        inheritance: ['ContainerInherit', 'ObjectInherit'],
        propagation: [],
      },
      {
        sid: ANA,
        name: 'DESKTOP-7K2QF\\ana',
        mask: 0x1f01ff,
        type: 'allow',
        inherited: true,
        inheritance: ['ContainerInherit', 'ObjectInherit'],
        propagation: [],
      },
    ]);
    // GENERIC_READ|GENERIC_EXECUTE is negative as an Int32: written as its unsigned hex.
    expect(windows!.protected).toBe(true);
    expect(
      windows!.entries.find(
        (entry) => entry.sid === 'S-1-5-32-545' && entry.propagation.has('InheritOnly'),
      )?.mask,
    ).toBe(0xa0000000);
    expect(windows!.entries[0]).toMatchObject({
      sid: TRUSTED_INSTALLER,
      name: 'NT SERVICE\\TrustedInstaller',
      mask: 0x1f01ff,
    });
    // A SID without a name (an app package group) keeps its SID; each SID is looked up once.
    expect(windows!.entries.find((entry) => entry.sid === 'S-1-15-2-2')?.name).toBeNull();
    expect(new Set(calls.names).size).toBe(calls.names.length);
    expect(gone).toMatchObject({
      exists: false,
      entries: [],
      error: "Cannot find path 'C:\\gone\\site-packages' because it does not exist.",
    });
  });

  it('keeps every other section when one part fails: the token, the process query, the compiler', async () => {
    const machine = anaMachine();
    // WindowsIdentity.GetCurrent() on a token it may not query, as .NET words it.
    machine.token = {
      throw: 'Exception calling "GetCurrent" with "0" argument(s): "Access is denied."',
    };
    machine.processTable = { throw: 'Invalid class "Win32_Process"' };
    machine.native = { throw: 'Cannot add type. Compilation errors occurred.' };
    machine.acl![WINDOWS_FOLDER] = { throw: 'Attempted to perform an unauthorized operation.' };
    machine.registry = {};
    machine.defender = {
      EnableControlledFolderAccess: 2,
      ControlledFolderAccessProtectedFolders: ['D:\\Data'],
    };
    const { run, document } = await probeOnFakeWindows(machine, ALL_PATHS);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(statuses(document)).toEqual({
      identity: 'failed',
      settings: 'ok',
      processes: 'failed',
      acl: 'ok',
      restartManager: 'failed',
      loadedModules: 'failed',
    });
    expect(document.identity.error).toBe(
      'Exception calling "GetCurrent" with "0" argument(s): "Access is denied."',
    );
    expect(document.processes.error).toBe('Invalid class "Win32_Process"');
    // The module scan shares the process query, and says the same.
    expect(document.loadedModules.error).toBe('Invalid class "Win32_Process"');
    expect(document.restartManager.error).toBe('Cannot add type. Compilation errors occurred.');
    // Without the registry values, Defender's own preference answers; long paths stay unknown.
    expect(document.settings).toMatchObject({
      longPathsEnabled: null,
      controlledFolderAccess: 2,
      controlledFolderAccessSource: 'Get-MpPreference',
      protectedFolders: ['D:\\Data'],
    });
    expect(document.acl.items.map((item) => item.error)).toEqual([
      null,
      'Attempted to perform an unauthorized operation.',
      null,
    ]);
    expect(holderScanOf(document).gaps.map((gap) => gap.area)).toEqual([
      'elevation',
      'processes',
      'processes',
      'processes',
    ]);
  });

  it('writes one-item lists as lists and no items as empty lists, in the raw JSON', async () => {
    const machine = anaMachine();
    machine.token = {
      userSid: ANA,
      userName: 'DESKTOP-7K2QF\\ana',
      elevated: true,
      groups: [{ sid: 'S-1-5-32-544', denyOnly: false }],
    };
    machine.processes = machine.processes!.filter((row) => row.ProcessId === 8852);
    machine.acl![VENV_SITE] = {
      owner: ANA,
      protected: true,
      rules: [
        {
          sid: ANA,
          rights: 0x1f01ff,
          type: 'Allow',
          inherited: false,
          inheritance: 'None',
          propagation: 'None',
        },
      ],
    };
    machine.registry = {
      'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem': { LongPathsEnabled: 1 },
    };
    machine.defender = {
      EnableControlledFolderAccess: 1,
      ControlledFolderAccessProtectedFolders: ['C:\\Users\\ana\\Documents'],
    };
    machine.modules = {
      '8852': { started: '2026-03-10T10:20:00.2500000+01:00', files: [NUMPY_PYD] },
    };
    machine.locks = {
      [NUMPY_PYD]: {
        processes: [
          {
            pid: 8852,
            started: '2026-03-10T09:20:00.2500000Z',
            appName: 'python.exe',
            serviceName: '',
            appType: 5,
          },
        ],
      },
    };
    const { run } = await probeOnFakeWindows(machine, {
      ...ALL_PATHS,
      folders: [VENV_SITE],
    });
    const raw = Object.assign(
      {},
      ...rawLines(run).map((line) => JSON.parse(line) as object),
    ) as Record<string, Record<string, unknown>>;
    const only = (value: unknown) => {
      expect(Array.isArray(value), JSON.stringify(value)).toBe(true);
      return (value as unknown[]).length;
    };
    expect(only(raw.identity!.groups)).toBe(1);
    expect(only(raw.settings!.protectedFolders)).toBe(1);
    expect(only(raw.settings!.notes)).toBe(2);
    expect(only(raw.processes!.items)).toBe(1);
    const [item] = raw.acl!.items as Array<Record<string, unknown>>;
    expect(only(raw.acl!.items)).toBe(1);
    expect(only(item!.entries)).toBe(1);
    const [holding] = raw.loadedModules!.processes as Array<Record<string, unknown>>;
    expect(only(raw.loadedModules!.processes)).toBe(1);
    expect(only(holding!.files)).toBe(1);
    expect(only(raw.loadedModules!.uninspected)).toBe(0);
    const [query] = raw.restartManager!.queries as Array<Record<string, unknown>>;
    expect(only(raw.restartManager!.queries)).toBe(1);
    expect(only(query!.paths)).toBe(1);
    expect(only(query!.processes)).toBe(1);
  });

  it('writes every path and name outside ASCII as \\u escapes that read back unchanged', async () => {
    const home = 'C:\\Users\\J\u00fcrgen \u5f20\u4f1f \ud83d\udc0d';
    const site = `${home}\\proj\\.venv\\Lib\\site-packages`;
    const machine = anaMachine();
    machine.items = { [site]: { PSIsContainer: true, Attributes: 'Directory, NotContentIndexed' } };
    machine.acl = {
      [site]: {
        owner: ANA,
        protected: false,
        rules: [
          {
            sid: ANA,
            rights: 0x1301bf,
            type: 'Allow',
            inherited: true,
            inheritance: 'ContainerInherit, ObjectInherit',
            propagation: 'None',
          },
        ],
      },
    };
    machine.names = { [ANA]: 'DESKTOP-7K2QF\\J\u00fcrgen' };
    machine.processes = [
      {
        ProcessId: 4242,
        ParentProcessId: 4,
        Name: 'python.exe',
        ExecutablePath: `${home}\\proj\\.venv\\Scripts\\python.exe`,
        CommandLine: `"${home}\\proj\\.venv\\Scripts\\python.exe" -c "print('\u00e9\u00e8 \\"quoted\\" <&>')"`,
        CreationDate: '2026-03-10T10:20:00+01:00',
      },
    ];
    const { run, document } = await probeOnFakeWindows(machine, {
      sections: ['acl', 'processes'],
      folders: [site],
    });
    for (const line of rawLines(run)) expect(line).toMatch(/^[\x20-\x7e]*$/);
    expect(rawLines(run).join('\n')).toContain('\\u00fc');
    expect(document.acl.items[0]).toMatchObject({
      path: site,
      ownerName: 'DESKTOP-7K2QF\\J\u00fcrgen',
    });
    expect([...document.acl.items[0]!.attributes]).toEqual(['Directory', 'NotContentIndexed']);
    expect(document.processes.items[0]).toMatchObject({
      executable: `${home}\\proj\\.venv\\Scripts\\python.exe`,
      commandLine: machine.processes[0]!.CommandLine,
    });
  });

  it('in Constrained Language: the Restart Manager says why it cannot run, and the rest answers as in full language', async () => {
    const [full, constrained] = await Promise.all([
      probeOnFakeWindows(anaMachine(), ALL_PATHS),
      probeOnFakeWindows(anaMachine(), ALL_PATHS, { languageMode: 'ConstrainedLanguage' }),
    ]);
    const { run, document, calls } = constrained;
    expect(run.exitCode, run.stderr).toBe(0);
    expect(document.languageMode).toBe('ConstrainedLanguage');
    expect(statuses(document)).toEqual({ ...statuses(full.document), restartManager: 'failed' });
    expect(document.restartManager.error).toBe(
      'PowerShell runs in ConstrainedLanguage mode on this PC (an AppLocker or Windows Defender Application Control policy sets it), ' +
        'which does not allow the code that asks it (Add-Type). Programs that have the files open without loading them cannot be found.',
    );
    expect(calls.native).toBe(0);
    expect(englishDeep(holderScanOf(document).gaps[0]!.message)).toMatch(
      /^Windows' Restart Manager could not be asked which programs use the files: PowerShell runs in ConstrainedLanguage mode/,
    );
    // The same token from whoami.exe, the same access lists from their SDDL text (names aside:
    // translating a SID is a .NET method Constrained Language refuses).
    expect(document.identity.source).toBe('whoami');
    expect(document.identity.systemDirectory).toBe(full.document.identity.systemDirectory);
    expect(tokenView(document.identity)).toEqual({
      ...tokenView(full.document.identity)!,
      userName: 'desktop-7k2qf\\ana',
    });
    const unnamed = (doc: ProbeDocument) =>
      doc.acl.items.map((item) => ({
        ...item,
        ownerName: null,
        entries: item.entries.map((entry) => ({ ...entry, name: null })),
      }));
    expect(unnamed(document)).toEqual(unnamed(full.document));
    // SDDL's domain-relative aliases (LA, DU) under the user's own computer or domain.
    expect(document.acl.items[2]).toMatchObject({
      path: SHARED_FOLDER,
      owner: `${ANA.slice(0, -5)}-500`,
      protected: true,
    });
    expect(document.acl.items[0]!.ownerName).toBeNull();
    for (const section of ['settings', 'loadedModules'] as const)
      expect({ ...document[section], durationMs: 0 }).toEqual({
        ...full.document[section],
        durationMs: 0,
      });
    // Explorer's owner came from the Restart Manager's holders, which are not asked here.
    expect(document.processes.items).toEqual(
      full.document.processes.items.map((item) =>
        item.pid === 3956 ? { ...item, owner: null, ownerSid: null } : item,
      ),
    );
    // The holders the modules show are still found.
    expect(holderScanOf(document).holders.map((holder) => holder.pid)).toEqual([8840, 8852]);
  });

  it("in Constrained Language, reads whoami in any language: deny-only groups and elevation from SIDs and Everyone's words", async () => {
    const german = anaMachine();
    // Constructed: the German attribute words are not from a capture (tests/fixtures/windows/README.md).
    // whoami writes a pipe in the OEM code page, which PowerShell also reads it with: the umlauts survive.
    german.whoami = {
      user: [`"desktop-7k2qf\\j\u00fcrgen","${ANA}"`],
      groups: [
        '"Jeder","Bekannte Gruppe","S-1-1-0","Verbindliche Gruppe, Standardm\u00e4\u00dfig aktiviert, Aktivierte Gruppe"',
        '"NT-AUTORIT\u00c4T\\Lokales Konto und Mitglied der Gruppe ""Administratoren""","Bekannte Gruppe","S-1-5-114","Nur f\u00fcr Verweigern verwendete Gruppe"',
        '"VORDEFINIERT\\Administratoren","Alias","S-1-5-32-544","Nur f\u00fcr Verweigern verwendete Gruppe"',
        '"VORDEFINIERT\\Benutzer","Alias","S-1-5-32-545","Verbindliche Gruppe, Standardm\u00e4\u00dfig aktiviert, Aktivierte Gruppe"',
        '"Verbindliche Beschriftung\\Mittlere Verbindlichkeitsstufe","Bezeichnung","S-1-16-8192",""',
      ],
    };
    const elevated = anaMachine();
    elevated.whoami = {
      user: ANA_WHOAMI_USER,
      groups: [
        '"Everyone","Well-known group","S-1-1-0","Mandatory group, Enabled by default, Enabled group"',
        '"BUILTIN\\Administrators","Alias","S-1-5-32-544","Mandatory group, Enabled by default, Enabled group, Group owner"',
        '"Mandatory Label\\High Mandatory Level","Label","S-1-16-12288",""',
      ],
    };
    const [de, admin] = await Promise.all(
      [german, elevated].map((machine) =>
        probeOnFakeWindows(
          machine,
          { sections: ['identity'] },
          { languageMode: 'ConstrainedLanguage' },
        ),
      ),
    );
    expect(de!.document.identity.groups).toEqual([
      { sid: 'S-1-1-0', denyOnly: false },
      { sid: 'S-1-5-114', denyOnly: true },
      { sid: 'S-1-5-32-544', denyOnly: true },
      { sid: 'S-1-5-32-545', denyOnly: false },
    ]);
    expect(de!.document.identity.userName).toBe('desktop-7k2qf\\j\u00fcrgen');
    expect(tokenView(de!.document.identity)).toMatchObject({
      userSid: ANA,
      elevated: false,
      canElevate: true,
    });
    expect(tokenView(admin!.document.identity)).toMatchObject({
      elevated: true,
      canElevate: false,
      isAdministrator: true,
    });
  });
});
