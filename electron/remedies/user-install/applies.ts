import { defineMessages } from '@formatjs/intl';
import type { MessageDescriptor } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import type { PythonInstall } from '../../shared/model/diagnosis';
import { userInstallCommands } from './commands';

/** Why `--user` cannot work for this install; null when it can. The advice and the plan both ask this. */
export type UserInstallBlocker = 'venv' | 'pep668' | 'user-site-off' | 'user-site-not-writable';

export function userInstallBlocker(install: PythonInstall): UserInstallBlocker | null {
  if (install.kind === 'venv') return 'venv';
  if (install.externallyManaged) return 'pep668';
  if (install.userSiteEnabled !== true) return 'user-site-off';
  if (install.folders.find((folder) => folder.role === 'user-site')?.writable === false)
    return 'user-site-not-writable';
  return null;
}

const words = defineMessages({
  userSite: {
    id: 'advice.user-install.reason.userSite',
    defaultMessage:
      'Installs into your own folder {folder} instead, which needs no administrator rights.',
    description: '{folder} is the path of the user’s own site-packages folder',
  },
  userFolder: {
    id: 'advice.user-install.reason.userFolder',
    defaultMessage:
      'Installs into your own user folder instead, which needs no administrator rights.',
  },
  venv: {
    id: 'advice.user-install.whyNot.venv',
    defaultMessage: '--user does nothing useful inside a virtual environment.',
    description: '--user is a pip option: keep it',
  },
  pep668: {
    id: 'advice.user-install.whyNot.pep668',
    defaultMessage: 'PEP 668 forbids --user installs into this Python too.',
    description: '--user is a pip option: keep it',
  },
  userSiteOff: {
    id: 'advice.user-install.whyNot.userSiteOff',
    defaultMessage: 'This Python has user installs turned off.',
  },
  userSiteNotWritable: {
    id: 'advice.user-install.whyNot.userSiteNotWritable',
    defaultMessage: 'Your user folder is not writable either.',
  },
});

export function adviseUserInstall(facts: RemedyFacts): Advice {
  const userSite = facts.target.folders.find((folder) => folder.role === 'user-site');
  return {
    reason: userSite ? msg(words.userSite, { folder: userSite.path }) : msg(words.userFolder),
    commands: userInstallCommands(facts),
    applicable: userInstallBlocker(facts.target) === null,
  };
}

const WHY_NOT: Readonly<Record<UserInstallBlocker, MessageDescriptor>> = {
  venv: words.venv,
  pep668: words.pep668,
  'user-site-off': words.userSiteOff,
  'user-site-not-writable': words.userSiteNotWritable,
};

export function whyNotUserInstall({ target }: RemedyFacts): Message {
  return msg(WHY_NOT[userInstallBlocker(target) ?? 'user-site-not-writable']);
}
