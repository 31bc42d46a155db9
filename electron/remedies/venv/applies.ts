import { englishText } from '../../engine/i18n/translator';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import type { Cause } from '../../shared/model/vocabulary';
import { venvCommands } from './commands';

const ANY_PROJECT =
  'A virtual environment per project keeps installs apart and never needs administrator rights.';

/** Why a virtual environment helps, in the terms of the cause the scan settled on. */
function reasonFor(facts: RemedyFacts): string {
  const byCause: Partial<Record<Cause | 'none', string>> = {
    pep668: `${facts.where} is managed by your operating system, so pip may not install into it; a virtual environment is yours to change.`,
    'store-python':
      "The Microsoft Store's Python folder is read-only for everyone; a virtual environment lives in a folder you own.",
    'long-path':
      'A virtual environment in a short folder keeps every path under the 260-character limit.',
    lock: 'A fresh virtual environment has no files any running program holds.',
    'temp-dir': 'A fresh virtual environment has no files any running program holds.',
    antivirus: 'A fresh virtual environment has no files any running program holds.',
    permission: blockedReason(facts),
  };
  return byCause[facts.cause] ?? ANY_PROJECT;
}

function blockedReason({ blocked }: RemedyFacts): string {
  if (!blocked) return ANY_PROJECT;
  // The reason is a sentence of its own ("Only root can change this folder (…)"): after a colon,
  // not spliced after "which", where it read "which only root can change this folder".
  const why = blocked.reason
    ? englishText(blocked.reason)
        .replace(/\.$/, '')
        .replace(/^./, (c) => c.toLowerCase())
    : 'you cannot change it';
  return `pip installs into ${blocked.path}: ${why}. A virtual environment lives in a folder you own.`;
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
