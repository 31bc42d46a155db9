import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Finding } from './runElectronegativity';

/**
 * security/electronegativity-accepted.json: the only findings the check
 * lets pass, each with the reason a reviewer accepted it, and the checks
 * that are not run, each with why. A finding is matched by its check id,
 * its file and a piece of the code on its line (or of the CSP it quotes),
 * so the same check firing
 * on new code elsewhere is not covered by an old acceptance.
 */
export const AcceptedSchema = z
  .object({
    excludedChecks: z.array(
      z.object({ check: z.string().min(1), reason: z.string().min(20) }).strict(),
    ),
    accepted: z.array(
      z
        .object({
          id: z.string().min(1),
          file: z.string().min(1),
          /** Text that the flagged line contains, or the policy a CSP finding quotes. */
          code: z.string().min(1),
          reason: z.string().min(20),
        })
        .strict(),
    ),
  })
  .strict();
export type Accepted = z.infer<typeof AcceptedSchema>;
type Acceptance = Accepted['accepted'][number];

export function readAccepted(file: string): Accepted {
  return AcceptedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface Verdict {
  /** Findings no acceptance covers: each fails the check. */
  unaccepted: Finding[];
  /** Acceptances that matched nothing: stale, so they fail the check too. */
  unused: Acceptance[];
  accepted: Array<{ finding: Finding; acceptance: Acceptance }>;
}

/** The line a finding points at, read from the repository (the tool counts lines from 1). */
function flaggedLine(repo: string, finding: Finding): string {
  try {
    const lines = readFileSync(join(repo, finding.file), 'utf8').split('\n');
    return lines[finding.location.line - 1] ?? '';
  } catch {
    return '';
  }
}

export function judge(repo: string, findings: readonly Finding[], accepted: Accepted): Verdict {
  const used = new Set<Acceptance>();
  const verdict: Verdict = { unaccepted: [], unused: [], accepted: [] };
  for (const finding of findings) {
    const text = `${flaggedLine(repo, finding)}\n${finding.sample ?? ''}`;
    const acceptance = accepted.accepted.find(
      (entry) =>
        entry.id === finding.id && entry.file === finding.file && text.includes(entry.code),
    );
    if (acceptance) {
      used.add(acceptance);
      verdict.accepted.push({ finding, acceptance });
    } else verdict.unaccepted.push(finding);
  }
  verdict.unused = accepted.accepted.filter((entry) => !used.has(entry));
  return verdict;
}
