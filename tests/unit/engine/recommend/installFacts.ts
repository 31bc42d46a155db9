import { fixtureMessage } from '../../../support/fixtureMessage';
import { starterOf } from '../../../../electron/engine/processes/startedBy';
import type { StartedBy } from '../../../../electron/engine/processes/startedBy';
import type {
  AccessCheck,
  PythonInstall,
  RunningProcess,
} from '../../../../electron/shared/model/diagnosis';

/** Model documents shaped like the ones diagnose produced on real machines. */
export function install(overrides: Partial<PythonInstall> = {}): PythonInstall {
  return {
    id: 'py-target',
    executable: '/usr/bin/python3',
    names: ['python3 on PATH', 'pip on PATH'],
    version: '3.11.2',
    implementation: 'CPython',
    kind: 'system',
    prefix: '/usr',
    basePrefix: '/usr',
    status: 'ok',
    statusDetail: null,
    pipVersion: '23.0.1',
    externallyManaged: false,
    userSiteEnabled: true,
    folders: [],
    leftovers: [],
    heldBy: [],
    ...overrides,
  };
}

export function folder(
  role: AccessCheck['role'],
  path: string,
  writable: boolean,
  reason: string | null = null,
): AccessCheck {
  // A made-up reason: the tests here are about what follows from it, not its words.
  return {
    role,
    path,
    exists: true,
    writable,
    reason: reason === null ? null : fixtureMessage(reason),
    owner: null,
    mode: null,
    acl: null,
    readOnlyFileSystem: false,
    reclaim: null,
  };
}

export function holder(
  pid: number,
  holds: string[],
  installId: string | null,
  startedBy: StartedBy | null,
): RunningProcess {
  return {
    pid,
    startTime: '2026-11-24T06:00:00.000Z',
    executable: '/usr/bin/python3.11',
    commandLine: 'python3 -m ipykernel_launcher',
    user: 'alice',
    sameUser: true,
    installId,
    parents: [],
    startedBy: startedBy && starterOf(startedBy),
    holds,
  };
}
