import { defineMessages } from 'react-intl';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import { isUnrecognisedLog } from '../../../electron/shared/unrecognisedLog';
import type { LogFinding } from '../../../electron/shared/model/logFinding';
import type { Cause } from '../../../electron/shared/model/vocabulary';

const badges = defineMessages({
  permission: {
    id: 'ui.cause.badge.permission',
    defaultMessage: 'Folder needs admin rights',
    description: 'A short badge naming the cause: only administrators may change the folder',
  },
  lock: {
    id: 'ui.cause.badge.lock',
    defaultMessage: 'File in use',
    description: 'A short badge naming the cause: another program has the file open',
  },
  selfUpgradeLock: {
    id: 'ui.cause.badge.selfUpgradeLock',
    defaultMessage: 'pip replacing itself',
    description: 'A short badge naming the cause: pip tried to upgrade itself while running',
  },
  storePython: {
    id: 'ui.cause.badge.storePython',
    defaultMessage: 'Microsoft Store Python',
    description: 'A short badge naming the cause: Python from the Microsoft Store',
  },
  pep668: {
    id: 'ui.cause.badge.pep668',
    defaultMessage: 'Managed by the system',
    description: 'A short badge naming the cause: the Python belongs to the operating system',
  },
  longPath: {
    id: 'ui.cause.badge.longPath',
    defaultMessage: 'Path too long',
    description: 'A short badge naming the cause: a file path is longer than Windows allows',
  },
  tempDir: {
    id: 'ui.cause.badge.tempDir',
    defaultMessage: 'Temporary files',
    description: 'A short badge naming the cause: the temporary folder cannot be written',
  },
  antivirus: {
    id: 'ui.cause.badge.antivirus',
    defaultMessage: 'Virus scanner',
    description: 'A short badge naming the cause: a virus scanner blocked the file',
  },
  notPermission: {
    id: 'ui.cause.badge.notPermission',
    defaultMessage: 'Not a permission problem',
    description: 'A short badge: the error is not about access rights',
  },
  none: {
    id: 'ui.cause.badge.none',
    defaultMessage: 'Nothing wrong found',
    description: 'A short badge: the check found no problem',
  },
  unrecognised: {
    id: 'ui.cause.badge.unrecognised',
    defaultMessage: 'Not recognised',
    description: 'A short badge: the pasted text holds no pip error the app knows',
  },
});

/** A short name for each cause, for the badge next to the plain-words summary. */
export const CAUSE_BADGES: Record<Cause | 'none', Message> = {
  permission: msg(badges.permission),
  lock: msg(badges.lock),
  'self-upgrade-lock': msg(badges.selfUpgradeLock),
  'store-python': msg(badges.storePython),
  pep668: msg(badges.pep668),
  'long-path': msg(badges.longPath),
  'temp-dir': msg(badges.tempDir),
  antivirus: msg(badges.antivirus),
  'not-permission': msg(badges.notPermission),
  none: msg(badges.none),
};

const confidence = defineMessages({
  high: {
    id: 'ui.cause.confidence.high',
    defaultMessage: 'Certain',
    description: 'How sure the app is of the cause it names (a short label)',
  },
  medium: {
    id: 'ui.cause.confidence.medium',
    defaultMessage: 'Likely',
    description: 'How sure the app is of the cause it names (a short label)',
  },
  low: {
    id: 'ui.cause.confidence.low',
    defaultMessage: 'Possible',
    description: 'How sure the app is of the cause it names (a short label)',
  },
});

export const CONFIDENCE_WORDS: Record<LogFinding['confidence'], Message> = {
  high: msg(confidence.high),
  medium: msg(confidence.medium),
  low: msg(confidence.low),
};

/** The badge for what a log says: "Not recognised" when it holds no pip error at all. */
export function findingBadge(finding: LogFinding): Message {
  return isUnrecognisedLog(finding) ? msg(badges.unrecognised) : CAUSE_BADGES[finding.category];
}
