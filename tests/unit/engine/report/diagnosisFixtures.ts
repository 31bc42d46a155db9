import { fixtureMessage } from '../../../support/fixtureMessage';
import { starterOf } from '../../../../electron/engine/processes/startedBy';
import { DiagnosisSchema } from '../../../../electron/shared/model/diagnosis';
import type { Diagnosis, PythonInstall } from '../../../../electron/shared/model/diagnosis';
import { listOf, msg } from '../../../../electron/shared/i18n/message';
import { FILE_PHRASE, SUMMARY } from '../../../../electron/engine/logClassifier/summaryMessages';
import { osTraits } from '../../../../electron/platform/osTraits';
import { closeProcessesWords } from '../../../../electron/remedies/close-processes/words';
import { elevatedInstallWords } from '../../../../electron/remedies/elevated-install/words';
import { venvWords } from '../../../../electron/remedies/venv/words';
import { RIGHTS_WORDS } from '../../../../electron/platform/windows/rightsWords';

/**
 * Diagnoses shaped like real ones from each platform, with the user's name
 * in every kind of field a report prints: paths, names, reasons, command
 * lines, process users, ACL principals, log lines.
 */

const WIN_HOME = 'C:\\Users\\alice';
const WIN_PYTHON = `${WIN_HOME}\\AppData\\Local\\Programs\\Python\\Python312`;

/** What the Windows remedies' words are made from on this machine. */
const WINDOWS_FACTS = {
  os: osTraits('win32'),
  projectDir: `${WIN_HOME}\\projects\\demo`,
  venvFolder: `${WIN_HOME}\\projects\\demo\\.venv`,
  loggedPackage: null,
};

const winInstall: PythonInstall = {
  id: 'py-0123456789ab',
  executable: `${WIN_PYTHON}\\python.exe`,
  names: [
    'pip on PATH',
    'python on PATH',
    `${WIN_HOME}\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe`,
  ],
  version: '3.12.4',
  implementation: 'CPython',
  kind: 'per-user',
  prefix: WIN_PYTHON,
  basePrefix: WIN_PYTHON,
  status: 'ok',
  statusDetail: null,
  pipVersion: '24.0',
  externallyManaged: false,
  userSiteEnabled: true,
  folders: [
    {
      role: 'purelib',
      path: `${WIN_PYTHON}\\Lib\\site-packages`,
      exists: true,
      writable: false,
      reason: fixtureMessage(
        `DESKTOP-7\\alice is denied write access to ${WIN_PYTHON}\\Lib\\site-packages by an inherited deny entry.`,
      ),
      owner: 'DESKTOP-7\\alice',
      mode: null,
      acl: [
        {
          principal: 'DESKTOP-7\\alice',
          sid: 'S-1-5-21-1-2-3-1001',
          type: 'deny',
          rights: msg(RIGHTS_WORDS.write),
          inherited: true,
          appliesToUser: true,
        },
        {
          principal: 'BUILTIN\\Administrators',
          sid: 'S-1-5-32-544',
          type: 'allow',
          rights: msg(RIGHTS_WORDS.fullControl),
          inherited: true,
          appliesToUser: false,
        },
      ],
      readOnlyFileSystem: false,
      reclaim: null,
    },
    {
      role: 'scripts',
      path: `${WIN_PYTHON}\\Scripts`,
      exists: true,
      writable: true,
      reason: null,
      owner: 'DESKTOP-7\\alice',
      mode: null,
      acl: null,
      readOnlyFileSystem: false,
      reclaim: null,
    },
  ],
  heldBy: [4242],
  leftovers: [
    { kind: 'stash-folder', path: `${WIN_PYTHON}\\Lib\\site-packages\\~umpy`, package: 'numpy' },
  ],
};

const storeStub: PythonInstall = {
  ...winInstall,
  id: 'py-ba9876543210',
  executable: 'c:\\users\\ALICE\\AppData\\Local\\Microsoft\\WindowsApps\\python3.exe',
  names: ['python3 on PATH'],
  version: null,
  implementation: null,
  kind: 'store',
  prefix: null,
  basePrefix: null,
  status: 'not-python',
  statusDetail: fixtureMessage(
    '"C:/Users/alice/AppData/Local/Microsoft/WindowsApps/python3.exe" is not a Python interpreter: it printed nothing.',
  ),
  pipVersion: null,
  folders: [],
  leftovers: [],
  heldBy: [],
};

export function windowsDiagnosis(): Diagnosis {
  return DiagnosisSchema.parse({
    schemaVersion: 1,
    platform: 'win32',
    scannedAt: '2026-11-24T08:00:00.000Z',
    user: { name: 'alice', uid: null, sid: 'S-1-5-21-1-2-3-1001' },
    elevated: false,
    settings: { longPathsEnabled: false, controlledFolderAccess: null, canElevate: true },
    installs: [winInstall, storeStub],
    pipOnPath: [
      { command: 'pip', path: `${WIN_PYTHON}\\Scripts\\pip.exe`, installId: winInstall.id },
      { command: 'python3', path: storeStub.executable, installId: storeStub.id },
      { command: 'pip3', path: null, installId: null },
    ],
    targetInstallId: winInstall.id,
    targetBecause: 'log-path',
    newVenvFolder: `${WIN_HOME}\\projects\\demo\\.venv`,
    processes: [
      {
        pid: 4242,
        startTime: '2026-11-24T07:55:00.000Z',
        executable: `${WIN_PYTHON}\\python.exe`,
        commandLine: `"${WIN_PYTHON}\\python.exe" -m ipykernel_launcher -f ${WIN_HOME}\\AppData\\Roaming\\jupyter\\runtime\\kernel-1.json --user alice`,
        user: 'DESKTOP-7\\alice',
        sameUser: true,
        installId: winInstall.id,
        parents: [
          {
            pid: 4000,
            name: 'Code.exe',
            executable: `${WIN_HOME}\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe`,
          },
        ],
        startedBy: starterOf({ role: null, app: 'VS Code', appKind: 'app' }),
        holds: [
          `${WIN_PYTHON}\\Lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`,
        ],
      },
      {
        pid: 5000,
        startTime: '2026-11-24T07:00:00.000Z',
        executable: null,
        commandLine: 'python.exe server.py',
        user: 'DESKTOP-7\\bob',
        sameUser: false,
        installId: null,
        parents: [],
        startedBy: null,
        holds: [],
      },
    ],
    tempDir: null,
    log: {
      category: 'lock',
      code: 'WinError 32',
      path: `${WIN_PYTHON}\\Lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`,
      secondPath: null,
      package: 'numpy',
      requested: 'numpy',
      command: 'pip install --upgrade numpy',
      interpreter: null,
      confidence: 'high',
      alternatives: ['antivirus'],
      evidence: [
        "ERROR: Could not install packages due to an OSError: [WinError 32] The process cannot access the file because it is being used by another process: 'C:\\\\Users\\\\alice\\\\AppData\\\\Local\\\\Programs\\\\Python\\\\Python312\\\\Lib\\\\site-packages\\\\numpy\\\\core\\\\_multiarray_umath.cp312-win_amd64.pyd'",
      ],
      summary: msg(SUMMARY.inUse, {
        file: msg(FILE_PHRASE.partOf, {
          file: '"_multiarray_umath.cp312-win_amd64.pyd"',
          package: 'numpy',
        }),
      }),
    },
    cause: 'lock',
    causeSummary: fixtureMessage(
      `VS Code (pid 4242) holds ${WIN_PYTHON}\\Lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd open.`,
    ),
    recommendations: [
      {
        id: 'close-processes',
        rank: 1,
        // The engine's own message, with text from the machine (Markdown characters) in its value.
        reason: {
          messageId: 'advice.close-processes.reason.holders',
          values: {
            count: 1,
            holders: listOf([
              {
                messageId: 'advice.holderStartedBy',
                values: {
                  program: 'python.exe',
                  pid: '4242',
                  startedBy: "Jupyter kernel for numpy's __init__ files, started by VS Code",
                },
              },
            ]),
          },
        },
        commands: ['Stop-Process -Id 4242', 'Write-Host `"done`" # a backtick run: ```'],
        shell: 'powershell',
        applicable: true,
        installId: winInstall.id,
        title: closeProcessesWords.title,
        changes: closeProcessesWords.changes(WINDOWS_FACTS),
        action: { label: closeProcessesWords.actionLabel(WINDOWS_FACTS)!, packageUse: 'none' },
      },
      {
        id: 'elevated-install',
        rank: 2,
        reason: {
          messageId: 'advice.elevated-install.whyNot.ownFolder',
          values: { folder: WIN_PYTHON },
        },
        commands: [],
        shell: 'powershell',
        applicable: false,
        installId: winInstall.id,
        title: elevatedInstallWords.title,
        changes: elevatedInstallWords.changes(WINDOWS_FACTS),
        action: {
          label: elevatedInstallWords.actionLabel({ ...WINDOWS_FACTS, loggedPackage: 'numpy' })!,
          packageUse: 'required',
        },
      },
    ],
    observations: [],
    gaps: [
      {
        area: 'processes',
        message: fixtureMessage('Processes of other users could not be inspected for open files.'),
        howToReveal: fixtureMessage('Run Pip Doctor as administrator to see them.'),
      },
    ],
  });
}

export function posixDiagnosis(userName = 'alice', home = `/home/${userName}`): Diagnosis {
  const venv = `${home}/projects/demo/.venv`;
  return DiagnosisSchema.parse({
    schemaVersion: 1,
    platform: 'linux',
    scannedAt: '2026-11-24T08:00:00.000Z',
    user: { name: userName, uid: 1000, sid: null },
    elevated: false,
    settings: { longPathsEnabled: null, controlledFolderAccess: null, canElevate: null },
    installs: [
      {
        id: 'py-111111111111',
        executable: '/usr/bin/python3',
        names: ['/usr/bin/python3', 'pip on PATH'],
        version: '3.11.2',
        implementation: 'CPython',
        kind: 'system',
        prefix: '/usr',
        basePrefix: '/usr',
        status: 'ok',
        statusDetail: null,
        pipVersion: '23.0.1',
        externallyManaged: true,
        userSiteEnabled: true,
        folders: [
          {
            role: 'purelib',
            path: '/usr/lib/python3/dist-packages',
            exists: true,
            writable: false,
            reason: fixtureMessage(
              `Only root can write to /usr/lib/python3/dist-packages; ${userName} is not root.`,
            ),
            owner: 'root (uid 0), group root (gid 0)',
            mode: '755 (rwxr-xr-x)',
            acl: null,
            readOnlyFileSystem: false,
            reclaim: null,
          },
          {
            role: 'user-site',
            path: `${home}/.local/lib/python3.11/site-packages`,
            exists: false,
            writable: true,
            reason: null,
            owner: null,
            mode: null,
            acl: null,
            readOnlyFileSystem: false,
            reclaim: null,
          },
        ],
        leftovers: [],
        heldBy: [],
      },
      {
        id: 'py-222222222222',
        executable: `${venv}/bin/python`,
        names: [`.venv in ${home}/projects/demo`],
        version: '3.11.2',
        implementation: 'CPython',
        kind: 'venv',
        prefix: venv,
        basePrefix: '/usr',
        status: 'timed-out',
        statusDetail: fixtureMessage(
          `"${venv}/bin/python" did not answer within 10 s and was stopped.`,
        ),
        pipVersion: null,
        externallyManaged: false,
        userSiteEnabled: null,
        folders: [],
        leftovers: [],
        heldBy: [],
      },
    ],
    pipOnPath: [{ command: 'pip', path: '/usr/bin/pip', installId: 'py-111111111111' }],
    targetInstallId: 'py-111111111111',
    targetBecause: 'pip-on-path',
    newVenvFolder: `${home}/projects/demo/.venv`,
    processes: [
      {
        pid: 777,
        startTime: '2026-11-24T07:00:00.000Z',
        executable: '/usr/bin/python3.11',
        commandLine: `/usr/bin/python3 ${home}/projects/demo/app.py --owner=${userName}`,
        user: userName,
        sameUser: true,
        installId: 'py-111111111111',
        parents: [{ pid: 700, name: 'bash', executable: '/usr/bin/bash' }],
        startedBy: null,
        holds: ['/usr/lib/python3/dist-packages/yaml/_yaml.cpython-311-x86_64-linux-gnu.so'],
      },
    ],
    tempDir: null,
    log: null,
    cause: 'pep668',
    causeSummary: fixtureMessage(
      `The system Python is managed by Debian; ${userName} should install into a virtual environment in ${home}/projects/demo.`,
    ),
    recommendations: [
      {
        id: 'venv',
        rank: 1,
        reason: {
          messageId: 'advice.venv.reason.blockedNoWhy',
          values: { folder: `${home}/.local/lib/python3.11/site-packages` },
        },
        commands: [
          `python3 -m venv ${home}/projects/demo/.venv`,
          `${venv}/bin/python -m pip install requests`,
        ],
        shell: 'bash',
        applicable: true,
        installId: 'py-111111111111',
        title: venvWords.title,
        changes: venvWords.changes({
          os: osTraits('linux'),
          projectDir: `${home}/projects/demo`,
          venvFolder: venv,
        }),
        action: {
          label: venvWords.actionLabel({ os: osTraits('linux'), loggedPackage: 'requests' })!,
          packageUse: 'optional',
        },
      },
    ],
    observations: [],
    gaps: [],
  });
}
