import { defineMessages } from '@formatjs/intl';
import type { MessageDescriptor } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import type { Cause } from '../../shared/model/vocabulary';
import { userInstallBlocker } from '../user-install/applies';
import { upgradePipCommands } from './commands';

/**
 * A pip below 21 is old, and upgrading it is a real fix: pip 20.0 installs
 * into the user's own folder by itself when site-packages cannot be written
 * ("Defaulting to user installation"), and pip 20.3 reads the wheel tags of
 * today's Linux wheels (PEP 600) with the resolver every current how-to
 * assumes; 21.0 is the first release with both. From there on, no pip
 * release changes how the failures Pip Doctor diagnoses happen, so an
 * upgrade is listed only to say, from the version the scan read, that it
 * will not help.
 */
const OLD_PIP_MAJOR = 21;

const words = defineMessages({
  old: {
    id: 'advice.upgrade-pip.reason.old',
    defaultMessage:
      'Your pip {version} is old. pip 21 and newer find prebuilt wheels for this Python.',
    description: '{version} is the pip version the scan read (20.2.3)',
  },
  oldFallsBack: {
    id: 'advice.upgrade-pip.reason.oldFallsBack',
    defaultMessage:
      'Your pip {version} is old. pip 21 and newer find prebuilt wheels for this Python and install into your own folder by themselves when this one cannot be changed.',
    description: '{version} is the pip version the scan read (20.2.3)',
  },
  whyNotUnknown: {
    id: 'advice.upgrade-pip.whyNot.unknown',
    defaultMessage:
      'Pip Doctor could not read which pip this Python has, so it cannot say that upgrading it would help.',
  },
  whyNotManaged: {
    id: 'advice.upgrade-pip.whyNot.managed',
    defaultMessage:
      'Your pip {version} comes with your operating system, which keeps it up to date; pip may not replace it (PEP 668).',
    description: '{version} is the pip version the scan read (23.0.1)',
  },
  whyNotRecent: {
    id: 'advice.upgrade-pip.whyNot.recent',
    defaultMessage: 'Your pip {version} is recent enough: upgrading it will not fix this.',
    description: '{version} is the pip version the scan read (24.0)',
  },
  whyNotRecentBecause: {
    id: 'advice.upgrade-pip.whyNot.recentBecause',
    defaultMessage: 'Your pip {version} is recent enough: upgrading it will not fix this. {why}',
    description:
      '{version} is the pip version the scan read (24.0); {why} a sentence saying why a newer pip fails the same way',
  },
  sameFolders: {
    id: 'advice.upgrade-pip.same.folders',
    defaultMessage: "Which folders you may change does not depend on pip's version.",
  },
  sameLock: {
    id: 'advice.upgrade-pip.same.lock',
    defaultMessage: 'A file another program holds stays locked, whatever the version of pip.',
  },
  sameAntivirus: {
    id: 'advice.upgrade-pip.same.antivirus',
    defaultMessage: 'Security software blocks every version of pip alike.',
  },
  sameLongPath: {
    id: 'advice.upgrade-pip.same.longPath',
    defaultMessage: "Windows' limit on path length applies to every version of pip.",
  },
  sameTemp: {
    id: 'advice.upgrade-pip.same.temp',
    defaultMessage: 'Every version of pip unpacks into the same temporary folder.',
  },
});

/** Why a newer pip would fail the same way, by cause. */
const SAME_WITH_NEWER_PIP: Readonly<Partial<Record<Cause | 'none', MessageDescriptor>>> = {
  permission: words.sameFolders,
  'store-python': words.sameFolders,
  lock: words.sameLock,
  'self-upgrade-lock': words.sameLock,
  antivirus: words.sameAntivirus,
  'long-path': words.sameLongPath,
  'temp-dir': words.sameTemp,
};

/** The pip version the scan read, when pip is older than OLD_PIP_MAJOR. */
function oldPip(facts: RemedyFacts): string | null {
  const version = facts.target.pipVersion;
  const major = Number(version?.split('.')[0] ?? NaN);
  return version !== null && major < OLD_PIP_MAJOR ? version : null;
}

/**
 * Always listed (every how-to on the web says "upgrade pip"): a fix where
 * this Python's pip is old and pip may replace itself, else kept among the
 * fixes that would not help, saying why from this machine (whyNotUpgradePip).
 */
export function adviseUpgradePip(facts: RemedyFacts): Advice {
  const old = oldPip(facts);
  const fallsBackToUserFolder =
    facts.cause === 'permission' && userInstallBlocker(facts.target) === null;
  const version = old ?? facts.target.pipVersion ?? '';
  return {
    reason: fallsBackToUserFolder
      ? msg(words.oldFallsBack, { version })
      : msg(words.old, { version }),
    commands: upgradePipCommands(facts),
    applicable: old !== null && !facts.target.externallyManaged,
  };
}

export function whyNotUpgradePip(facts: RemedyFacts): Message {
  const version = facts.target.pipVersion;
  if (version === null) return msg(words.whyNotUnknown);
  if (facts.target.externallyManaged) return msg(words.whyNotManaged, { version });
  const why = SAME_WITH_NEWER_PIP[facts.cause];
  return why
    ? msg(words.whyNotRecentBecause, { version, why: msg(why) })
    : msg(words.whyNotRecent, { version });
}
