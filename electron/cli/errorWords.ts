import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';
import type { Message } from '../shared/i18n/message';

/** What the CLI says when it cannot do what it was asked, in the terminal's language. */
export const ERROR_WORDS = defineMessages({
  cannotRead: {
    id: 'cli.error.cannotRead',
    defaultMessage: 'cannot read {file}: {reason}',
    description: '{file} is the path the user gave; {reason} says why, e.g. "no such file"',
  },
  noSuchFile: { id: 'cli.error.noSuchFile', defaultMessage: 'no such file' },
  isFolder: { id: 'cli.error.isFolder', defaultMessage: 'it is a folder, not a file' },
  permissionDenied: { id: 'cli.error.permissionDenied', defaultMessage: 'permission denied' },
  other: {
    id: 'cli.error.other',
    defaultMessage: '{detail}',
    description: 'The operating system’s own error text, shown as it is',
  },
  unexpectedArgument: {
    id: 'cli.error.unexpectedArgument',
    defaultMessage: 'unexpected argument "{argument}"',
  },
  unknownOption: {
    id: 'cli.error.unknownOption',
    defaultMessage: 'unknown option "{option}"',
    description: '{option} is what the user typed, e.g. --bogus',
  },
  badOption: {
    id: 'cli.error.badOption',
    defaultMessage: 'the options could not be read: {detail}',
    description: '{detail} is Node.js’s own English explanation, shown as it is',
  },
  projectNotFolder: {
    id: 'cli.error.projectNotFolder',
    defaultMessage: '--project: "{path}" is not a folder',
  },
  logNeedsFile: {
    id: 'cli.error.logNeedsFile',
    defaultMessage: 'log needs a FILE, or "-" for standard input',
    description: 'FILE and "-" are what the user types after "log"',
  },
  dashOnce: { id: 'cli.error.dashOnce', defaultMessage: '"-" may be given only once' },
  unexpected: {
    id: 'cli.error.unexpected',
    defaultMessage: 'unexpected failure: {detail}',
    description: 'A bug in Pip Doctor; {detail} is the program’s own error text, shown as it is',
  },
  unknownCommand: {
    id: 'cli.error.unknownCommand',
    defaultMessage: 'unknown command "{command}"',
  },
});

/** Why a file could not be read, in plain words for the usual reasons. */
export function readErrorReason(error: unknown): Message {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return msg(ERROR_WORDS.noSuchFile);
    case 'EISDIR':
      return msg(ERROR_WORDS.isFolder);
    case 'EACCES':
    case 'EPERM':
      return msg(ERROR_WORDS.permissionDenied);
    default:
      return msg(ERROR_WORDS.other, {
        detail: error instanceof Error ? error.message : String(error),
      });
  }
}
