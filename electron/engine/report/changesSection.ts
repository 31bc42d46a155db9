import { defineMessages } from '@formatjs/intl';
import type { ChangeSummary } from '../../shared/changeModel';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

/** What the section needs of the report's writer: values and messages, redacted and made inert. */
export interface ChangesWriter {
  text(value: string): string;
  message(value: Message): string;
}

const words = defineMessages({
  heading: { id: 'run.changes.heading', defaultMessage: 'What Pip Doctor changed' },
  nothingRan: {
    id: 'run.changes.nothingRan',
    defaultMessage: 'Nothing: no fix ran in this session.',
  },
  fixEnded: {
    id: 'run.changes.fixEnded',
    defaultMessage: '{isUndo, select, yes {undo, {ending}} other {{ending}}}; started {startedAt}',
    description:
      "In brackets after a fix's title in the report: how it ended ({ending}, one of run.changes.ending.*) and when it started ({startedAt}: a date and time as 2026-11-24T10:15:00Z)",
  },
  nothingChanged: { id: 'run.changes.nothingChanged', defaultMessage: 'Nothing was changed.' },
  installAgain: {
    id: 'run.changes.installAgain',
    defaultMessage: 'Ran your install again: pip install {packageName} {where}: {ending}.',
    description:
      '{packageName}: the package; {where}: a phrase such as "in the new virtual environment C:\\\\project\\\\.venv"; {ending}: one of run.changes.install.*',
  },
});

/** How a fix ended, in the words the wizard uses. */
const ENDINGS = defineMessages({
  undone: { id: 'run.changes.ending.undone', defaultMessage: 'undone since' },
  checked: { id: 'run.changes.ending.checked', defaultMessage: 'done, and checked: it worked' },
  done: { id: 'run.changes.ending.done', defaultMessage: 'done' },
  failed: { id: 'run.changes.ending.failed', defaultMessage: 'did not work' },
  cancelled: { id: 'run.changes.ending.cancelled', defaultMessage: 'cancelled' },
  declined: {
    id: 'run.changes.ending.declined',
    defaultMessage: 'administrator rights were not given',
  },
  needsRestart: {
    id: 'run.changes.ending.needsRestart',
    defaultMessage: 'not finished: waits for a restart',
  },
  unfinished: { id: 'run.changes.ending.unfinished', defaultMessage: 'did not finish' },
});

const INSTALL_ENDINGS = defineMessages({
  succeeded: { id: 'run.changes.install.succeeded', defaultMessage: 'it worked' },
  failed: { id: 'run.changes.install.failed', defaultMessage: 'it failed' },
  cancelled: { id: 'run.changes.install.cancelled', defaultMessage: 'stopped by you' },
});

function ending(change: ChangeSummary): Message {
  if (change.undone) return msg(ENDINGS.undone);
  switch (change.status) {
    case 'succeeded':
      return msg(change.verified === true ? ENDINGS.checked : ENDINGS.done);
    case 'failed':
      return msg(ENDINGS.failed);
    case 'cancelled':
      return msg(ENDINGS.cancelled);
    case 'declined':
      return msg(ENDINGS.declined);
    case 'needs-restart':
      return msg(ENDINGS.needsRestart);
    case null:
      return msg(ENDINGS.unfinished);
  }
}

/**
 * "What Pip Doctor changed": each fix of this session as the journal
 * records it (facts only: what its finished steps changed, how it ended),
 * and the user's install run again after it, in the report's language.
 * The writer redacts and escapes.
 */
export function changesSection(changes: readonly ChangeSummary[], w: ChangesWriter): string[] {
  const lines = [`## ${w.message(msg(words.heading))}`, ''];
  if (changes.length === 0) {
    lines.push(w.message(msg(words.nothingRan)));
    return lines;
  }
  for (const change of changes) {
    const ended = msg(words.fixEnded, {
      isUndo: change.isUndo ? 'yes' : 'no',
      ending: ending(change),
      startedAt: change.startedAt,
    });
    lines.push(`- **${w.message(change.title)}** (${w.message(ended)})`);
    if (change.changed.length === 0) lines.push(`  - ${w.message(msg(words.nothingChanged))}`);
    for (const changed of change.changed) lines.push(`  - ${w.message(changed)}`);
    for (const again of change.installsAgain) {
      const installed = msg(words.installAgain, {
        packageName: again.packageName,
        where: again.where,
        ending: msg(INSTALL_ENDINGS[again.status]),
      });
      lines.push(`  - ${w.message(installed)}`);
    }
  }
  return lines;
}
