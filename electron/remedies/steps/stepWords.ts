import { defineMessages } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

/**
 * How a step ended, in the words the step list and the report show: each
 * a whole sentence, values are paths, program names and counts, never
 * translated.
 */
export const stepWords = defineMessages({
  sentences: {
    id: 'run.step.sentences',
    defaultMessage: '{sentences}',
    description:
      'Whole sentences about one step, one after the other (joined as the language writes sentences). Keep the placeholder alone.',
  },
  path: {
    id: 'run.step.path',
    defaultMessage: '{path}',
    description:
      'A file or folder a step acted on, by its path (untranslated). Keep the placeholder alone.',
  },
  recorded: {
    id: 'run.step.recorded',
    defaultMessage: '{text}',
    description:
      'Words about a step as an older version of Pip Doctor recorded them (in English): keep as it is.',
  },
  commandWhat: {
    id: 'run.step.command.what',
    defaultMessage: 'The command',
    description: 'Names a step in "{what} failed…": the step ran one command.',
  },
  commandDone: {
    id: 'run.step.command.done',
    defaultMessage: 'Done.',
    description: 'A step that ran one command finished well.',
  },
  pipCheckWhat: {
    id: 'run.step.pip.checkWhat',
    defaultMessage: 'The check',
    description: 'Names a trial run of pip install (nothing installed) in "{what} failed…".',
  },
  pipInstallWhat: {
    id: 'run.step.pip.installWhat',
    defaultMessage: 'pip install',
    description: 'Names the pip install step in "{what} failed…"; a command name, usually kept.',
  },
  pipCheckDone: {
    id: 'run.step.pip.checkDone',
    defaultMessage: 'pip found everything the install needs.',
  },
  pipInstallDone: {
    id: 'run.step.pip.installDone',
    defaultMessage: 'pip installed it.',
  },
  pipRetried: {
    id: 'run.step.pip.retried',
    defaultMessage:
      'pip failed on a file that no program was holding, which on Windows is usually a virus scanner looking at a new file for a moment, so Pip Doctor tried again {retries, plural, one {# time} other {# times}} over {seconds, plural, one {# second} other {# seconds}}.',
    description: 'Follows how pip install ended, when Pip Doctor had to try it again.',
  },
  couldNotRun: {
    id: 'run.step.couldNotRun',
    defaultMessage: 'Pip Doctor could not do this step: {reason}',
    description: '{reason}: the error, as the system or Node.js printed it (untranslated).',
  },
  didNotRun: {
    id: 'run.step.didNotRun',
    defaultMessage: 'Did not run.',
    description: 'A step of a fix that never ran because an earlier step stopped the fix.',
  },
  notCheckedStopped: {
    id: 'run.verify.notCheckedStopped',
    defaultMessage: 'Not checked: the action stopped at "{step}".',
    description: '{step}: the title of the step where the fix stopped.',
  },
  notCheckedCancelled: {
    id: 'run.verify.notCheckedCancelled',
    defaultMessage: 'Not checked: the action was cancelled.',
  },
  noneHold: {
    id: 'run.step.unheld.none',
    defaultMessage: 'No program uses them.',
    description: 'Checked before removing leftover files: no running program has them open.',
  },
  someHold: {
    id: 'run.step.unheld.some',
    defaultMessage:
      'Some programs still use these files; close them first (or restart), then try again.',
  },
  heldPid: {
    id: 'run.step.held.pid',
    defaultMessage: 'pid {pid}',
    description: 'A program that holds files, known only by its process id {pid}.',
  },
  heldFiles: {
    id: 'run.step.held.files',
    defaultMessage: 'holds {files}',
    description: '{files}: a list of up to three file paths (untranslated) the program has open.',
  },
});

/** One or more whole sentences shown as one detail, joined as the language writes sentences. */
export function sentences(...parts: Message[]): Message {
  return parts.length === 1
    ? parts[0]!
    : msg(stepWords.sentences, { sentences: listOf(parts, 'sentences') });
}

/** Words an older version recorded in English: shown as they were written. */
export function recordedText(text: string): Message {
  return msg(stepWords.recorded, { text });
}
