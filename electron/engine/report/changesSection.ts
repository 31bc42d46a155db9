import type { ChangeSummary } from '../../shared/changeModel';
import type { Message } from '../../shared/i18n/message';

/** How a fix ended, in the words the wizard uses. */
function ending(change: ChangeSummary): string {
  if (change.undone) return 'undone since';
  switch (change.status) {
    case 'succeeded':
      return change.verified === true ? 'done, and checked: it worked' : 'done';
    case 'failed':
      return 'did not work';
    case 'cancelled':
      return 'cancelled';
    case 'declined':
      return 'administrator rights were not given';
    case 'needs-restart':
      return 'not finished: waits for a restart';
    case null:
      return 'did not finish';
  }
}

const INSTALL_ENDING = {
  succeeded: 'it worked',
  failed: 'it failed',
  cancelled: 'stopped by you',
} as const;

/**
 * "What Pip Doctor changed": each fix of this session as the journal
 * records it (facts only: what its finished steps changed, how it ended),
 * and the user's install run again after it. `text` redacts and escapes.
 */
export function changesSection(
  changes: readonly ChangeSummary[],
  text: (value: string) => string,
  message: (value: Message) => string,
): string[] {
  const lines = ['## What Pip Doctor changed', ''];
  if (changes.length === 0) {
    lines.push('Nothing: no fix ran in this session.');
    return lines;
  }
  for (const change of changes) {
    lines.push(
      `- **${message(change.title)}** (${change.isUndo ? 'undo, ' : ''}${ending(change)}; started ${text(change.startedAt)})`,
    );
    if (change.changed.length === 0) lines.push('  - Nothing was changed.');
    for (const changed of change.changed) lines.push(`  - ${message(changed)}`);
    for (const again of change.installsAgain) {
      lines.push(
        `  - Ran your install again: pip install ${text(again.packageName)} ${text(again.where)}: ${INSTALL_ENDING[again.status]}.`,
      );
    }
  }
  return lines;
}
