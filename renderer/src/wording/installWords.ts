import { defineMessages } from 'react-intl';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import type {
  FolderRole,
  InstallKind,
  ProbeStatus,
  PythonInstall,
} from '../../../electron/shared/model/diagnosis';

const kinds = defineMessages({
  venv: {
    id: 'ui.install.kind.venv',
    defaultMessage: 'virtual environment',
    description: 'A kind of Python install, after its version: "Python 3.12, virtual environment"',
  },
  system: {
    id: 'ui.install.kind.system',
    defaultMessage: 'system Python',
    description: 'A kind of Python install: the one that came with the operating system',
  },
  conda: {
    id: 'ui.install.kind.conda',
    defaultMessage: 'conda',
    description: 'A kind of Python install: the program name conda, keep it',
  },
  pyenv: {
    id: 'ui.install.kind.pyenv',
    defaultMessage: 'pyenv',
    description: 'A kind of Python install: the program name pyenv, keep it',
  },
  uv: {
    id: 'ui.install.kind.uv',
    defaultMessage: 'uv',
    description: 'A kind of Python install: the program name uv, keep it',
  },
  homebrew: {
    id: 'ui.install.kind.homebrew',
    defaultMessage: 'Homebrew',
    description: 'A kind of Python install: the program name Homebrew, keep it',
  },
  user: {
    id: 'ui.install.kind.user',
    defaultMessage: 'user install',
    description: 'A kind of Python install: installed in the user’s own folder',
  },
  store: {
    id: 'ui.install.kind.store',
    defaultMessage: 'Microsoft Store',
    description: 'A kind of Python install: from the Microsoft Store',
  },
  perUser: {
    id: 'ui.install.kind.perUser',
    defaultMessage: 'installed for you',
    description: 'A kind of Python install: installed for this user only',
  },
  allUsers: {
    id: 'ui.install.kind.allUsers',
    defaultMessage: 'installed for all users',
    description: 'A kind of Python install: installed for everyone on the computer',
  },
  unknown: {
    id: 'ui.install.kind.unknown',
    defaultMessage: 'unknown kind',
    description: 'A kind of Python install that could not be told',
  },
});

const KIND_WORDS: Record<InstallKind, Message> = {
  venv: msg(kinds.venv),
  system: msg(kinds.system),
  conda: msg(kinds.conda),
  pyenv: msg(kinds.pyenv),
  uv: msg(kinds.uv),
  homebrew: msg(kinds.homebrew),
  user: msg(kinds.user),
  store: msg(kinds.store),
  'per-user': msg(kinds.perUser),
  'all-users': msg(kinds.allUsers),
  unknown: msg(kinds.unknown),
};

const statuses = defineMessages({
  timedOut: {
    id: 'ui.install.status.timedOut',
    defaultMessage: 'Did not answer in time',
    description: 'A Python the app asked about itself did not answer in time',
  },
  crashed: {
    id: 'ui.install.status.crashed',
    defaultMessage: 'Failed when asked',
    description: 'A Python the app asked about itself crashed',
  },
  malformed: {
    id: 'ui.install.status.malformed',
    defaultMessage: 'Gave an answer that could not be read',
    description: 'A Python the app asked about itself answered with something unreadable',
  },
  notPython: {
    id: 'ui.install.status.notPython',
    defaultMessage: 'Not a Python',
    description: 'A program named python that is not Python',
  },
  broken: {
    id: 'ui.install.status.broken',
    defaultMessage: 'Broken',
    description: 'A Python install that is damaged',
  },
});

export const PROBE_STATUS_WORDS: Record<Exclude<ProbeStatus, 'ok'>, Message> = {
  'timed-out': msg(statuses.timedOut),
  crashed: msg(statuses.crashed),
  malformed: msg(statuses.malformed),
  'not-python': msg(statuses.notPython),
  broken: msg(statuses.broken),
};

const roles = defineMessages({
  purelib: {
    id: 'ui.install.folder.purelib',
    defaultMessage: 'Packages',
    description: 'The folder where a Python keeps its packages',
  },
  platlib: {
    id: 'ui.install.folder.platlib',
    defaultMessage: 'Compiled packages',
    description: 'The folder where a Python keeps packages with compiled code',
  },
  scripts: {
    id: 'ui.install.folder.scripts',
    defaultMessage: 'Commands (Scripts)',
    description:
      'The folder of commands packages install; "Scripts" is its name on Windows, keep it',
  },
  userSite: {
    id: 'ui.install.folder.userSite',
    defaultMessage: 'Your user packages',
    description: 'The folder of packages installed for this user only',
  },
  userScripts: {
    id: 'ui.install.folder.userScripts',
    defaultMessage: 'Your user commands',
    description: 'The folder of commands installed for this user only',
  },
  failing: {
    id: 'ui.install.folder.failing',
    defaultMessage: 'The folder pip failed in',
    description: 'The folder named in the error pip printed',
  },
});

export const FOLDER_ROLE_WORDS: Record<FolderRole, Message> = {
  purelib: msg(roles.purelib),
  platlib: msg(roles.platlib),
  scripts: msg(roles.scripts),
  'user-site': msg(roles.userSite),
  'user-scripts': msg(roles.userScripts),
  failing: msg(roles.failing),
};

const names = defineMessages({
  versionAndKind: {
    id: 'ui.install.name.versionAndKind',
    defaultMessage: 'Python {version}, {kind}',
    description:
      'How a Python install is named: {version} is its version (3.12.1), {kind} what kind it is ("virtual environment")',
  },
  kindOnly: {
    id: 'ui.install.name.kindOnly',
    defaultMessage: 'Python, {kind}',
    description:
      'A Python install whose version is unknown: {kind} is what kind it is ("virtual environment")',
  },
  versionOnly: {
    id: 'ui.install.name.versionOnly',
    defaultMessage: 'Python {version}',
    description: 'A Python install of unknown kind: {version} is its version (3.12.1)',
  },
  bare: {
    id: 'ui.install.name.bare',
    defaultMessage: 'Python',
    description: 'A Python install of which nothing is known but its path (shown beside it)',
  },
});

/**
 * "Python 3.11.2, virtual environment": how a person tells installs apart.
 * One that never answered is only "Python": its path says the rest.
 */
export function installName(install: PythonInstall): Message {
  const { version } = install;
  if (install.kind === 'unknown') {
    return version ? msg(names.versionOnly, { version }) : msg(names.bare);
  }
  const kind = KIND_WORDS[install.kind];
  return version ? msg(names.versionAndKind, { version, kind }) : msg(names.kindOnly, { kind });
}
