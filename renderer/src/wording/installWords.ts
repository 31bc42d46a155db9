import type {
  FolderRole,
  InstallKind,
  ProbeStatus,
  PythonInstall,
} from '../../../electron/shared/model/diagnosis';

const KIND_WORDS: Record<InstallKind, string> = {
  venv: 'virtual environment',
  system: 'system Python',
  conda: 'conda',
  pyenv: 'pyenv',
  uv: 'uv',
  homebrew: 'Homebrew',
  user: 'user install',
  store: 'Microsoft Store',
  'per-user': 'installed for you',
  'all-users': 'installed for all users',
  unknown: 'unknown kind',
};

export const PROBE_STATUS_WORDS: Record<Exclude<ProbeStatus, 'ok'>, string> = {
  'timed-out': 'Did not answer in time',
  crashed: 'Failed when asked',
  malformed: 'Gave an answer that could not be read',
  'not-python': 'Not a Python',
  broken: 'Broken',
};

export const FOLDER_ROLE_WORDS: Record<FolderRole, string> = {
  purelib: 'Packages',
  platlib: 'Compiled packages',
  scripts: 'Commands (Scripts)',
  'user-site': 'Your user packages',
  'user-scripts': 'Your user commands',
  failing: 'The folder pip failed in',
};

/**
 * "Python 3.11.2, virtual environment": how a person tells installs apart.
 * One that never answered is only "Python": its path says the rest.
 */
export function installName(install: PythonInstall): string {
  const version = install.version ? `Python ${install.version}` : 'Python';
  return install.kind === 'unknown' ? version : `${version}, ${KIND_WORDS[install.kind]}`;
}
