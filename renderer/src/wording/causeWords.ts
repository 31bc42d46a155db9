import { isUnrecognisedLog } from '../../../electron/shared/unrecognisedLog';
import type { LogFinding } from '../../../electron/shared/model/logFinding';
import type { Cause } from '../../../electron/shared/model/vocabulary';

/** A short name for each cause, for the badge next to the plain-words summary. */
export const CAUSE_BADGES: Record<Cause | 'none', string> = {
  permission: 'Folder needs admin rights',
  lock: 'File in use',
  'self-upgrade-lock': 'pip replacing itself',
  'store-python': 'Microsoft Store Python',
  pep668: 'Managed by the system',
  'long-path': 'Path too long',
  'temp-dir': 'Temporary files',
  antivirus: 'Virus scanner',
  'not-permission': 'Not a permission problem',
  none: 'Nothing wrong found',
};

export const CONFIDENCE_WORDS = {
  high: 'Certain',
  medium: 'Likely',
  low: 'Possible',
} as const;

/** The badge for what a log says: "Not recognised" when it holds no pip error at all. */
export function findingBadge(finding: LogFinding): string {
  return isUnrecognisedLog(finding) ? 'Not recognised' : CAUSE_BADGES[finding.category];
}
