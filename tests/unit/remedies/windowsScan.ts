import { starterOf } from '../../../electron/engine/processes/startedBy';
import { fixtureMessage } from '../../support/fixtureMessage';
import { win32 } from 'node:path';
import type { PlanContext } from '../../../electron/remedies/planning/planContext';
import type { PlanRequest } from '../../../electron/shared/planRequest';
import type { AccessCheck, Diagnosis } from '../../../electron/shared/model/diagnosis';
import { createPosixSystemProbe } from '../../../electron/platform/posix/posixSystemProbe';
import { osTraits } from '../../../electron/platform/osTraits';

/**
 * A Windows scan as the model carries it: an all-users Python 3.12 in
 * Program Files (administrators only), the user's own site folder, a
 * Jupyter kernel holding a .pyd. The user's name has a space and an
 * apostrophe, which every command and PowerShell literal must carry intact.
 */
export const HOME = "C:\\Users\\Ana O'Neil";
export const PYTHON = 'C:\\Program Files\\Python312\\python.exe';
export const SITE = 'C:\\Program Files\\Python312\\Lib\\site-packages';
export const USER_SITE = `${HOME}\\AppData\\Roaming\\Python\\Python312\\site-packages`;
export const USER_SCRIPTS = `${HOME}\\AppData\\Roaming\\Python\\Python312\\Scripts`;
export const DATA_DIR = `${HOME}\\AppData\\Roaming\\Pip Doctor`;
export const PROJECT = `${HOME}\\Documents\\my project`;
export const SID = 'S-1-5-21-1004336348-1177238915-682003330-1001';
export const SYSTEM_ROOT = 'C:\\Windows';
export const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

function folder(role: AccessCheck['role'], path: string, writable: boolean): AccessCheck {
  return {
    role,
    path,
    exists: true,
    writable,
    reason: writable ? null : fixtureMessage('Only administrators may change it.'),
    owner: null,
    mode: null,
    acl: null,
    readOnlyFileSystem: false,
    reclaim: null,
  };
}

export const WINDOWS_DIAGNOSIS: Diagnosis = {
  schemaVersion: 1,
  platform: 'win32',
  scannedAt: '2026-11-24T09:00:00.000Z',
  user: { name: "Ana O'Neil", uid: null, sid: SID },
  elevated: false,
  settings: { longPathsEnabled: false, controlledFolderAccess: false, canElevate: true },
  installs: [
    {
      id: 'py-0123456789ab',
      executable: PYTHON,
      names: ['python on PATH', 'pip on PATH', 'py -3.12'],
      version: '3.12.7',
      implementation: 'CPython',
      kind: 'all-users',
      prefix: 'C:\\Program Files\\Python312',
      basePrefix: 'C:\\Program Files\\Python312',
      status: 'ok',
      statusDetail: null,
      pipVersion: '20.2.3',
      externallyManaged: false,
      userSiteEnabled: true,
      folders: [
        folder('purelib', SITE, false),
        folder('scripts', 'C:\\Program Files\\Python312\\Scripts', false),
        folder('user-site', USER_SITE, true),
        folder('user-scripts', USER_SCRIPTS, true),
      ],
      leftovers: [],
      heldBy: [8132, 4],
    },
  ],
  pipOnPath: [
    {
      command: 'pip',
      path: 'C:\\Program Files\\Python312\\Scripts\\pip.exe',
      installId: 'py-0123456789ab',
    },
  ],
  targetInstallId: 'py-0123456789ab',
  targetBecause: 'pip-on-path',
  newVenvFolder: win32.join(PROJECT, '.venv'),
  processes: [
    {
      pid: 8132,
      startTime: '2026-11-24T08:12:03.123Z',
      executable: PYTHON,
      commandLine: `"${PYTHON}" -m ipykernel_launcher -f kernel.json`,
      user: "DESKTOP\\Ana O'Neil",
      sameUser: true,
      installId: 'py-0123456789ab',
      parents: [],
      startedBy: starterOf({ role: 'jupyter-kernel', app: 'VS Code', appKind: 'app' }),
      holds: [`${SITE}\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`],
    },
    {
      pid: 4,
      startTime: '2026-11-24T07:00:00.000Z',
      executable: null,
      commandLine: 'System',
      user: 'NT AUTHORITY\\SYSTEM',
      sameUser: false,
      installId: 'py-0123456789ab',
      parents: [],
      startedBy: null,
      holds: [`${SITE}\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`],
    },
  ],
  tempDir: null,
  log: null,
  cause: 'permission',
  causeSummary: fixtureMessage(
    'pip installs into C:\\Program Files\\Python312\\Lib\\site-packages, which you cannot change.',
  ),
  recommendations: [],
  observations: [],
  gaps: [],
};

/** What the service hands a plan builder for this scan, for tests that look at the recipe itself. */
export function windowsPlanContext(
  request: Omit<PlanRequest, 'scanId'>,
  diagnosis: Diagnosis = WINDOWS_DIAGNOSIS,
): PlanContext {
  const runId = 'act-00000000000000a1';
  return {
    diagnosis,
    scanId: 'scan-00000000000000a1',
    request: { scanId: 'scan-00000000000000a1', ...request },
    runId,
    runFolder: win32.join(DATA_DIR, 'actions', runId),
    os: osTraits('win32'),
    local: false,
    projectDir: PROJECT,
    homeDir: HOME,
    env: { SystemRoot: SYSTEM_ROOT },
    elevation: {
      platform: 'win32',
      elevated: diagnosis.elevated,
      systemRoot: SYSTEM_ROOT,
      pkexecPath: null,
      ownerWindow: null,
    },
    pipSourceArgs: [],
    userSid: SID,
    probe: createPosixSystemProbe(),
    selfPid: process.pid,
    pickedFolder: () => null,
    recorded: null,
  };
}
