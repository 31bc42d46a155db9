import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import type { Cause } from '../../shared/model/vocabulary';
import { venvCommands } from './commands';

const words = defineMessages({
  anyProject: {
    id: 'advice.venv.reason.anyProject',
    defaultMessage:
      'A virtual environment per project keeps installs apart and never needs administrator rights.',
  },
  pep668: {
    id: 'advice.venv.reason.pep668',
    defaultMessage:
      '{python} is managed by your operating system, so pip may not install into it; a virtual environment is yours to change.',
    description:
      '{python} names the Python: its path, with its version (/usr/bin/python3 (Python 3.12.1))',
  },
  storePython: {
    id: 'advice.venv.reason.storePython',
    defaultMessage:
      "The Microsoft Store's Python folder is read-only for everyone; a virtual environment lives in a folder you own.",
  },
  longPath: {
    id: 'advice.venv.reason.longPath',
    defaultMessage:
      'A virtual environment in a short folder keeps every path under the {limit, number}-character limit.',
    description: '{limit} is 260, the longest path Windows allows unless long paths are turned on',
  },
  fresh: {
    id: 'advice.venv.reason.fresh',
    defaultMessage: 'A fresh virtual environment has no files any running program holds.',
  },
  blocked: {
    id: 'advice.venv.reason.blocked',
    defaultMessage:
      'pip installs into {folder}. {why} A virtual environment lives in a folder you own.',
    description:
      '{folder} is the folder pip cannot write; {why} is a whole sentence saying why (Only root can change this folder.)',
  },
  blockedNoWhy: {
    id: 'advice.venv.reason.blockedNoWhy',
    defaultMessage:
      'pip installs into {folder}: you cannot change it. A virtual environment lives in a folder you own.',
    description: '{folder} is the folder pip cannot write',
  },
});

/** Windows' MAX_PATH, which a short folder keeps under. */
const WINDOWS_PATH_LIMIT = 260;

/** Why a virtual environment helps, in the terms of the cause the scan settled on. */
function reasonFor(facts: RemedyFacts): Message {
  const byCause: Partial<Record<Cause | 'none', () => Message>> = {
    pep668: () => msg(words.pep668, { python: facts.where }),
    'store-python': () => msg(words.storePython),
    'long-path': () => msg(words.longPath, { limit: WINDOWS_PATH_LIMIT }),
    lock: () => msg(words.fresh),
    'temp-dir': () => msg(words.fresh),
    antivirus: () => msg(words.fresh),
    permission: () => blockedReason(facts),
  };
  return byCause[facts.cause]?.() ?? msg(words.anyProject);
}

/**
 * The folder's own reason is a sentence of its own ("Only root can change
 * this folder (…)."), so it stands as one after the folder is named, never
 * spliced into this sentence where a language would have to bend it.
 */
function blockedReason({ blocked }: RemedyFacts): Message {
  if (!blocked) return msg(words.anyProject);
  return blocked.reason
    ? msg(words.blocked, { folder: blocked.path, why: blocked.reason })
    : msg(words.blockedNoWhy, { folder: blocked.path });
}

export function adviseVenv(facts: RemedyFacts): Advice {
  return {
    reason: reasonFor(facts),
    commands: venvCommands(facts),
    // Where nothing is wrong with writing (a network error, a missing compiler), a venv changes nothing.
    applicable:
      facts.basePython !== null &&
      (facts.cause !== 'not-permission' ||
        facts.blocked !== null ||
        facts.target.status === 'broken'),
  };
}
