import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { runAgainCommands, runAgainWithTempCommands } from './commands';

/**
 * When nothing stands in the way any more, or only pip's temporary folder
 * does: the file pip could not replace is held by no program now and every
 * program could be looked at (a claim the scan can back, DESIGN.md rule 11),
 * or TMPDIR is unusable and a folder that works is known.
 */
export function adviseRunAgain(facts: RemedyFacts): Advice | null {
  const temp = facts.tempDir;
  if (facts.cause === 'temp-dir' && temp?.problem && temp.alternative) {
    return {
      reason: `${temp.reason ?? `pip's temporary folder ${temp.path} cannot be used.`} Run the install again with its temporary files in ${temp.alternative}.`,
      commands: runAgainWithTempCommands(facts, temp.alternative),
      applicable: true,
    };
  }
  const lockGone =
    (facts.cause === 'lock' || facts.cause === 'antivirus') &&
    facts.holders.length === 0 &&
    facts.allProcessesInspected;
  if (!lockGone) return null;
  return {
    reason:
      'No running program holds files of this Python now: it was closed since, or held the file only for a moment. Run your install again.',
    commands: runAgainCommands(facts),
    applicable: true,
  };
}
