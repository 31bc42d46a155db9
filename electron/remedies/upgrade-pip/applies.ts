import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
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

/** Why a newer pip would fail the same way, by cause. */
const SAME_WITH_NEWER_PIP: Readonly<Partial<Record<Cause | 'none', string>>> = {
  permission: "Which folders you may change does not depend on pip's version.",
  'store-python': "Which folders you may change does not depend on pip's version.",
  lock: 'A file another program holds stays locked, whatever the version of pip.',
  'self-upgrade-lock': 'A file another program holds stays locked, whatever the version of pip.',
  antivirus: 'Security software blocks every version of pip alike.',
  'long-path': "Windows' limit on path length applies to every version of pip.",
  'temp-dir': 'Every version of pip unpacks into the same temporary folder.',
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
  return {
    reason: `Your pip ${old ?? facts.target.pipVersion ?? ''} is old. pip 21 and newer find prebuilt wheels for this Python${fallsBackToUserFolder ? ' and install into your own folder by themselves when this one cannot be changed' : ''}.`,
    commands: upgradePipCommands(facts),
    applicable: old !== null && !facts.target.externallyManaged,
  };
}

export function whyNotUpgradePip(facts: RemedyFacts): string {
  const version = facts.target.pipVersion;
  if (version === null)
    return 'Pip Doctor could not read which pip this Python has, so it cannot say that upgrading it would help.';
  if (facts.target.externallyManaged)
    return `Your pip ${version} comes with your operating system, which keeps it up to date; pip may not replace it (PEP 668).`;
  const why = SAME_WITH_NEWER_PIP[facts.cause];
  return `Your pip ${version} is recent enough: upgrading it will not fix this.${why ? ` ${why}` : ''}`;
}
