import type { AccessRule, FakeWindows, Win32Process } from './probeHarness';

/**
 * Windows machines for the probe script to run on, in the shapes
 * windows-probes.md documents (§2.2 access rules, §3 token groups, §4.1
 * Win32_Process rows, §5.2 Restart Manager answers). Constructed, like the
 * recorded machines in tests/fixtures/windows: written from the sources
 * there, not captured on Windows.
 */

export const ANA = 'S-1-5-21-3623811015-3361044348-30300820-1001';
export const TRUSTED_INSTALLER = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464';
export const VENV = 'C:\\Users\\ana\\proj\\.venv';
export const VENV_SITE = `${VENV}\\Lib\\site-packages`;
export const NUMPY_PYD = `${VENV_SITE}\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`;
export const PROGRAM_FILES_SITE = 'C:\\Program Files\\Python312\\Lib\\site-packages';
export const WINDOWS_FOLDER = 'C:\\Windows';

/** An administrator's split token without elevation (§3.1): Administrators and S-1-5-114 deny-only. */
const ANA_GROUPS = [
  { sid: 'S-1-5-21-3623811015-3361044348-30300820-513', denyOnly: false },
  { sid: 'S-1-1-0', denyOnly: false },
  { sid: 'S-1-5-114', denyOnly: true },
  { sid: 'S-1-5-32-544', denyOnly: true },
  { sid: 'S-1-5-32-545', denyOnly: false },
  { sid: 'S-1-5-4', denyOnly: false },
  { sid: 'S-1-5-11', denyOnly: false },
];

/** The same token as `whoami /user` and `whoami /groups`, `/fo csv /nh` (§3.1). */
export const ANA_WHOAMI = {
  user: [`"desktop-7k2qf\\ana","${ANA}"`],
  groups: [
    '"DESKTOP-7K2QF\\None","Group","S-1-5-21-3623811015-3361044348-30300820-513","Mandatory group, Enabled by default, Enabled group"',
    '"Everyone","Well-known group","S-1-1-0","Mandatory group, Enabled by default, Enabled group"',
    '"NT AUTHORITY\\Local account and member of Administrators group","Well-known group","S-1-5-114","Group used for deny only"',
    '"BUILTIN\\Administrators","Alias","S-1-5-32-544","Group used for deny only"',
    '"BUILTIN\\Users","Alias","S-1-5-32-545","Mandatory group, Enabled by default, Enabled group"',
    '"NT AUTHORITY\\INTERACTIVE","Well-known group","S-1-5-4","Mandatory group, Enabled by default, Enabled group"',
    '"NT AUTHORITY\\Authenticated Users","Well-known group","S-1-5-11","Mandatory group, Enabled by default, Enabled group"',
    '"Mandatory Label\\Medium Mandatory Level","Label","S-1-16-8192",""',
  ],
};

const rule = (
  sid: string,
  rights: number,
  flags: Partial<Omit<AccessRule, 'sid' | 'rights'>> = {},
): AccessRule => ({
  sid,
  rights,
  type: 'Allow',
  inherited: false,
  inheritance: 'None',
  propagation: 'None',
  ...flags,
});

const OICI = 'ContainerInherit, ObjectInherit';

/**
 * C:\Windows as §1.1's icacls listing shows it, rule by rule (F, M, RX, and
 * their inherit-only generic copies), and the SDDL text Get-Acl gives for
 * the same list.
 */
export const WINDOWS_FOLDER_RULES: AccessRule[] = [
  rule(TRUSTED_INSTALLER, 0x1f01ff),
  rule(TRUSTED_INSTALLER, 0x10000000, {
    inheritance: 'ContainerInherit',
    propagation: 'InheritOnly',
  }),
  rule('S-1-5-18', 0x1301bf),
  rule('S-1-5-18', 0x10000000, { inheritance: OICI, propagation: 'InheritOnly' }),
  rule('S-1-5-32-544', 0x1301bf),
  rule('S-1-5-32-544', 0x10000000, { inheritance: OICI, propagation: 'InheritOnly' }),
  rule('S-1-5-32-545', 0x1200a9),
  rule('S-1-5-32-545', 0xa0000000, { inheritance: OICI, propagation: 'InheritOnly' }),
  rule('S-1-3-0', 0x10000000, { inheritance: OICI, propagation: 'InheritOnly' }),
  rule('S-1-15-2-1', 0x1200a9),
  rule('S-1-15-2-1', 0xa0000000, { inheritance: OICI, propagation: 'InheritOnly' }),
  rule('S-1-15-2-2', 0x1200a9),
  rule('S-1-15-2-2', 0xa0000000, { inheritance: OICI, propagation: 'InheritOnly' }),
];
export const WINDOWS_FOLDER_SDDL =
  `O:${TRUSTED_INSTALLER}G:${TRUSTED_INSTALLER}D:PAI(A;;FA;;;${TRUSTED_INSTALLER})(A;CIIO;GA;;;${TRUSTED_INSTALLER})` +
  '(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;SY)(A;;0x1301bf;;;BA)(A;OICIIO;GA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)' +
  '(A;OICIIO;GA;;;CO)(A;;0x1200a9;;;AC)(A;OICIIO;GXGR;;;AC)(A;;0x1200a9;;;S-1-15-2-2)(A;OICIIO;GXGR;;;S-1-15-2-2)';

/**
 * The venv's site-packages with §1.1's sandbox DENY pair for ana (W,D,Rc,DC
 * on the folder, and an inherit-only copy with GW) above what it inherits
 * from her profile: SYSTEM, Administrators and herself, full control.
 */
export const VENV_SITE_RULES: AccessRule[] = [
  rule(ANA, 0x30156, { type: 'Deny' }),
  rule(ANA, 0x40030156, { type: 'Deny', inheritance: OICI, propagation: 'InheritOnly' }),
  rule('S-1-5-18', 0x1f01ff, { inherited: true, inheritance: OICI }),
  rule('S-1-5-32-544', 0x1f01ff, { inherited: true, inheritance: OICI }),
  rule(ANA, 0x1f01ff, { inherited: true, inheritance: OICI }),
];
export const VENV_SITE_SDDL =
  `O:${ANA}G:${ANA}D:AI(D;;0x30156;;;${ANA})(D;OICIIO;0x40030156;;;${ANA})` +
  `(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;FA;;;${ANA})`;

/**
 * A folder shared on the PC: the built-in Administrator account (RID 500)
 * may change it, the computer's users group (RID 513, which SDDL writes as
 * the domain-relative DU) may read it.
 */
export const SHARED_FOLDER = 'C:\\Users\\Public\\Documents\\py-shared';
const MACHINE = ANA.slice(0, ANA.lastIndexOf('-'));
export const SHARED_FOLDER_RULES: AccessRule[] = [
  rule(`${MACHINE}-500`, 0x1f01ff, { inheritance: OICI }),
  rule(`${MACHINE}-513`, 0x1200a9, { inherited: true, inheritance: OICI }),
];
export const SHARED_FOLDER_SDDL = 'O:LAG:DUD:PAI(A;OICI;FA;;;LA)(A;OICIID;0x1200a9;;;DU)';

const process = (
  ProcessId: number,
  ParentProcessId: number,
  Name: string,
  ExecutablePath: string | null,
  CommandLine: string | null,
  CreationDate: string | null,
): Win32Process => ({
  ProcessId,
  ParentProcessId,
  Name,
  ExecutablePath,
  CommandLine,
  CreationDate,
});

const owner = (user: string, sid: string) => ({
  owner: { ReturnValue: 0, Domain: 'DESKTOP-7K2QF', User: user },
  ownerSid: { ReturnValue: 0, Sid: sid },
});

/**
 * Ana's PC: a project venv whose numpy extension a Jupyter kernel (started
 * by VS Code) has loaded, an elevated python.exe she may not look into, one
 * that exits between the process list and the module read, and the usual
 * processes that have no path for her. CIM gives local times (here +01:00);
 * the Restart Manager gives UTC.
 */
export function anaMachine(): FakeWindows {
  return {
    token: { userSid: ANA, userName: 'DESKTOP-7K2QF\\ana', elevated: false, groups: ANA_GROUPS },
    whoami: ANA_WHOAMI,
    registry: {
      'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem': {
        LongPathsEnabled: 0,
        NtfsDisable8dot3NameCreation: 2,
      },
      'HKLM:\\SOFTWARE\\Microsoft\\Windows Defender\\Windows Defender Exploit Guard\\Controlled Folder Access':
        { EnableControlledFolderAccess: 1 },
    },
    items: {
      [VENV_SITE]: { PSIsContainer: true, Attributes: 'Directory' },
      [WINDOWS_FOLDER]: { PSIsContainer: true, Attributes: 'Directory' },
      [SHARED_FOLDER]: { PSIsContainer: true, Attributes: 'Directory' },
    },
    acl: {
      [VENV_SITE]: { owner: ANA, protected: false, rules: VENV_SITE_RULES },
      [WINDOWS_FOLDER]: { owner: TRUSTED_INSTALLER, protected: true, rules: WINDOWS_FOLDER_RULES },
      [SHARED_FOLDER]: { owner: `${MACHINE}-500`, protected: true, rules: SHARED_FOLDER_RULES },
    },
    sddl: {
      [VENV_SITE]: VENV_SITE_SDDL,
      [WINDOWS_FOLDER]: WINDOWS_FOLDER_SDDL,
      [SHARED_FOLDER]: SHARED_FOLDER_SDDL,
    },
    names: {
      [ANA]: 'DESKTOP-7K2QF\\ana',
      'S-1-5-18': 'NT AUTHORITY\\SYSTEM',
      'S-1-5-32-544': 'BUILTIN\\Administrators',
      [TRUSTED_INSTALLER]: 'NT SERVICE\\TrustedInstaller',
    },
    processes: [
      process(0, 0, 'System Idle Process', null, null, null),
      process(4, 0, 'System', null, null, '2026-03-10T10:00:00.5000000+01:00'),
      process(1036, 880, 'svchost.exe', null, null, '2026-03-10T10:00:01.2500000+01:00'),
      process(
        3956,
        3904,
        'explorer.exe',
        'C:\\WINDOWS\\Explorer.EXE',
        'C:\\WINDOWS\\Explorer.EXE',
        '2026-03-10T10:01:00.1208260+01:00',
      ),
      process(
        2208,
        3956,
        'Code.exe',
        'C:\\Users\\ana\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
        '"C:\\Users\\ana\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe"',
        '2026-03-10T10:05:00.0000000+01:00',
      ),
      process(
        8840,
        2208,
        'python.exe',
        `${VENV}\\Scripts\\python.exe`,
        `"${VENV}\\Scripts\\python.exe" -m ipykernel_launcher -f "c:\\Users\\ana\\AppData\\Roaming\\jupyter\\runtime\\kernel-v2-2208.json"`,
        '2026-03-10T10:20:00.1234567+01:00',
      ),
      process(
        8852,
        8840,
        'python.exe',
        'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
        `"C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\python.exe" -m ipykernel_launcher`,
        '2026-03-10T10:20:00.2500000+01:00',
      ),
      process(
        9100,
        3956,
        'python.exe',
        'C:\\Python311\\python.exe',
        null,
        '2026-03-10T10:25:00.0000000+01:00',
      ),
      process(
        9200,
        3956,
        'pip.exe',
        `${VENV}\\Scripts\\pip.exe`,
        `"${VENV}\\Scripts\\pip.exe" install numpy`,
        '2026-03-10T10:29:00.0000000+01:00',
      ),
    ],
    owners: {
      '8840': owner('ana', ANA),
      '8852': owner('ana', ANA),
      '9200': owner('ana', ANA),
      '3956': owner('ana', ANA),
      '9100': { throw: 'Access denied' },
    },
    modules: {
      '8840': {
        started: '2026-03-10T10:20:00.1234567+01:00',
        files: [
          `${VENV}\\Scripts\\python.exe`,
          'C:\\WINDOWS\\SYSTEM32\\ntdll.dll',
          'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\python312.dll',
        ],
      },
      '8852': {
        started: '2026-03-10T10:20:00.2500000+01:00',
        files: [
          'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
          'C:\\WINDOWS\\SYSTEM32\\ntdll.dll',
          NUMPY_PYD,
        ],
      },
      '9100': { fail: 'denied' },
      '9200': { fail: 'exited' },
    },
    locks: {
      [NUMPY_PYD]: {
        processes: [
          {
            pid: 8852,
            started: '2026-03-10T09:20:00.2500000Z',
            appName: 'python.exe',
            serviceName: '',
            appType: 5,
          },
          {
            pid: 3956,
            started: '2026-03-10T09:01:00.1208260Z',
            appName: 'Windows Explorer',
            serviceName: '',
            appType: 4,
          },
        ],
      },
    },
  };
}
