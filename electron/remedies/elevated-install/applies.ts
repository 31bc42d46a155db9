import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { elevatedInstallCommands } from './commands';

const words = defineMessages({
  administrator: {
    id: 'advice.elevated-install.reason.administrator',
    defaultMessage:
      'Runs pip as administrator. It works, but every later install and upgrade needs administrator rights again.',
  },
  administratorSomeoneElse: {
    id: 'advice.elevated-install.reason.administratorSomeoneElse',
    defaultMessage:
      'Runs pip as administrator. It works, but every later install and upgrade needs administrator rights again. You are not an administrator: someone who is must type their password.',
    description: 'For a user who is not an administrator of this Windows computer',
  },
  root: {
    id: 'advice.elevated-install.reason.root',
    defaultMessage:
      'Runs pip as root. It works, but it mixes pip files with the ones your system manages; prefer a virtual environment.',
    description: 'Linux and macOS: keep "root"',
  },
  whyNotManaged: {
    id: 'advice.elevated-install.whyNot.managed',
    defaultMessage:
      'Running pip as root here would change files your operating system manages and can break it.',
  },
  whyNotReadOnly: {
    id: 'advice.elevated-install.whyNot.readOnly',
    defaultMessage:
      '{folder} is on a read-only file system: administrator rights cannot make it writable.',
    description: '{folder} is a folder path',
  },
  whyNotOwnFolder: {
    id: 'advice.elevated-install.whyNot.ownFolder',
    defaultMessage:
      '{folder} is your own folder: pip as root would only leave more files there that you cannot change. Take it back instead.',
    description: '{folder} is a folder path in the user’s home folder that another account owns',
  },
  whyNotWritable: {
    id: 'advice.elevated-install.whyNot.writable',
    defaultMessage:
      'pip can already write where it installs; administrator rights would change nothing.',
  },
});

/** A user who is no administrator can only do this with an administrator's password. */
function administratorReason({ settings }: RemedyFacts): Message {
  return settings?.canElevate === false
    ? msg(words.administratorSomeoneElse)
    : msg(words.administrator);
}

export function adviseElevatedInstall(facts: RemedyFacts): Advice {
  return {
    reason:
      facts.os.administrator === 'administrator' ? administratorReason(facts) : msg(words.root),
    commands: elevatedInstallCommands(facts),
    applicable:
      !facts.target.externallyManaged &&
      facts.blocked !== null &&
      // Root in the user's own tree only leaves more files the user cannot change.
      facts.blocked.reclaim === null &&
      !facts.blocked.readOnlyFileSystem,
  };
}

export function whyNotElevatedInstall({ target, blocked }: RemedyFacts): Message {
  if (target.externallyManaged) return msg(words.whyNotManaged);
  if (blocked?.readOnlyFileSystem) return msg(words.whyNotReadOnly, { folder: blocked.path });
  if (blocked?.reclaim) return msg(words.whyNotOwnFolder, { folder: blocked.reclaim });
  return msg(words.whyNotWritable);
}
