import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import { runAgainCommands, runAgainWithTempCommands } from './commands';

const words = defineMessages({
  otherTemp: {
    id: 'advice.run-again.reason.otherTemp',
    defaultMessage: '{why} Run the install again with its temporary files in {folder}.',
    description:
      '{why} is a sentence saying why pip’s temporary folder cannot be used; {folder} is the path of one that works',
  },
  tempUnusable: {
    id: 'advice.run-again.reason.tempUnusable',
    defaultMessage: "pip's temporary folder {folder} cannot be used.",
    description: '{folder} is a folder path',
  },
  lockGone: {
    id: 'advice.run-again.reason.lockGone',
    defaultMessage:
      'No program is using these files now: the one that did was closed, or held them only for a moment. Run your install again.',
  },
  lockGoneSomeUnseen: {
    id: 'advice.run-again.reason.lockGoneSomeUnseen',
    defaultMessage:
      'No program Pip Doctor could look at is using these files now: the one that did was probably closed. Run your install again; if it fails the same way, sign out or restart first.',
  },
});

/**
 * When nothing stands in the way any more, or only pip's temporary folder
 * does: the file pip could not replace is held by no program now (the
 * common case: the user closed Jupyter since), or TMPDIR is unusable and a
 * folder that works is known. Where some programs could not be looked at,
 * the reason says so instead of claiming none holds it (DESIGN.md rule 11):
 * running the command again is still the quickest way to find out.
 */
export function adviseRunAgain(facts: RemedyFacts): Advice | null {
  const temp = facts.tempDir;
  if (facts.cause === 'temp-dir' && temp?.problem && temp.alternative) {
    return {
      reason: msg(words.otherTemp, {
        why: temp.reason ?? msg(words.tempUnusable, { folder: temp.path }),
        folder: temp.alternative,
      }),
      commands: runAgainWithTempCommands(facts, temp.alternative),
      applicable: true,
    };
  }
  const lockGone =
    (facts.cause === 'lock' || facts.cause === 'antivirus') && facts.holders.length === 0;
  if (!lockGone) return null;
  return {
    reason: facts.allProcessesInspected ? msg(words.lockGone) : msg(words.lockGoneSomeUnseen),
    commands: runAgainCommands(facts),
    applicable: true,
  };
}
