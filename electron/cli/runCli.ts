import { translator } from '../engine/i18n/translator';
import { pickLocale, posixMessagesLocale } from '../shared/i18n/locales';
import { EXIT, UsageError } from './cliIo';
import type { CliIo } from './cliIo';
import { runDiagnoseCommand } from './diagnoseCommand';
import { runLogCommand } from './logCommand';
import { ERROR_WORDS } from './errorWords';
import { diagnoseHelp, logHelp, mainHelp } from './helpTexts';
import { msg } from '../shared/i18n/message';
import type { Translator } from '../engine/i18n/translator';

/** Each command's help, shown after a usage error in it. */
const HELP_OF: Record<string, (t: Translator) => string> = { log: logHelp, diagnose: diagnoseHelp };

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // The language POSIX programs print in (LC_ALL, then LC_MESSAGES, then LANG); English otherwise.
  const t = translator(pickLocale(posixMessagesLocale(io.env ?? process.env)));
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(mainHelp(t));
        return command === undefined ? EXIT.usage : EXIT.ok;
      case 'log':
        return await runLogCommand(rest, io, t);
      case 'diagnose':
        return await runDiagnoseCommand(rest, io, t);
      default:
        throw new UsageError(msg(ERROR_WORDS.unknownCommand, { command }));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const help = HELP_OF[command ?? ''] ?? mainHelp;
      io.stderr.write(`pip-doctor: ${t.text(error.words)}\n\n${help(t)}`);
      return EXIT.usage;
    }
    // A bug, not the user's input: said in their language, with the error as the program gave it.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`pip-doctor: ${t.text(msg(ERROR_WORDS.unexpected, { detail }))}\n`);
    return EXIT.inputFailed;
  }
}
