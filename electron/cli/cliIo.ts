import type { Readable, Writable } from 'node:stream';
import type { Message } from '../shared/i18n/message';

/** The streams a command talks to; tests pass their own. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  /** The environment whose LC_ALL, LC_MESSAGES or LANG choose the language; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;

/** A command line the CLI cannot run; runCli prints its words, in the terminal's language, and the help. */
export class UsageError extends Error {
  constructor(readonly words: Message) {
    super(words.messageId);
  }
}
