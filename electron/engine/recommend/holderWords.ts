import { defineMessages } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';
import type { MessageList } from '../../shared/i18n/message';
import type { RunningProcess } from '../../shared/model/diagnosis';
import { programOf } from './describeHolder';

const words = defineMessages({
  holder: {
    id: 'advice.holder',
    defaultMessage: '{program} (pid {pid})',
    description:
      'A program that holds files: {program} is its file name (python3.11), {pid} its process id',
  },
  holderStartedBy: {
    id: 'advice.holderStartedBy',
    defaultMessage: '{program} (pid {pid}, {startedBy})',
    description:
      'A program that holds files: {program} is its file name (python3.11), {pid} its process id, {startedBy} what started it (Jupyter kernel started by VS Code)',
  },
  more: {
    id: 'advice.holdersMore',
    defaultMessage: '{count, plural, one {# more} other {# more}}',
    description: 'The last item of a list of programs: how many more there are beyond those named',
  },
});

/** How many holders a reason names before it counts the rest. */
const NAMED = 3;

/**
 * The holders as a list in the user's language, the first three named with
 * their pid and the app that started them, the rest counted ("python3.11
 * (pid 4862, Jupyter kernel started by VS Code), Code.exe (pid 77) and 2 more").
 */
export function holdersInWords(processes: readonly RunningProcess[]): MessageList {
  const named = processes.slice(0, NAMED).map((process) =>
    process.startedBy
      ? msg(words.holderStartedBy, {
          program: programOf(process),
          pid: String(process.pid),
          startedBy: process.startedBy.phrase,
        })
      : msg(words.holder, { program: programOf(process), pid: String(process.pid) }),
  );
  const more = processes.length - named.length;
  return listOf(more > 0 ? [...named, msg(words.more, { count: more })] : named);
}
