import { classifyLogText } from '../../engine/logClassifier';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { stepWords } from './stepWords';
import type { OsTraits } from '../../platform/osTraits';

/**
 * On Windows a virus scanner (Defender's real-time protection above all)
 * opens each new file for a moment; pip then fails with WinError 5 or 32 on
 * a file no program holds by the time anyone looks. Such a failure is tried
 * again a few times before it is blamed on the file.
 */
export const TRANSIENT_RETRY_DELAYS_MS = [2000, 4000, 8000];

/** The file a failed pip run names, when the failure looks like a brief lock; null otherwise. */
export function transientLockCandidate(os: OsTraits, pipOutput: string): string | null {
  if (!os.transientLocks) return null;
  const finding = classifyLogText(pipOutput);
  const lockLike =
    finding.category === 'lock' ||
    finding.category === 'antivirus' ||
    (finding.category === 'permission' && finding.code === 'WinError 5');
  return lockLike ? finding.path : null;
}

export function retryNote(retries: number): Message {
  const seconds = Math.round(
    TRANSIENT_RETRY_DELAYS_MS.slice(0, retries).reduce((a, b) => a + b, 0) / 1000,
  );
  return msg(stepWords.pipRetried, { retries, seconds });
}
