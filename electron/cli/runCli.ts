import { translator } from '../engine/i18n/translator';
import { pickLocale, posixMessagesLocale } from '../shared/i18n/locales';
import { EXIT, UsageError } from './cliIo';
import type { CliIo } from './cliIo';
import { DIAGNOSE_HELP, runDiagnoseCommand } from './diagnoseCommand';
import { LOG_HELP, runLogCommand } from './logCommand';

const MAIN_HELP = `Pip Doctor — finds out why pip install fails, and how to fix it.

Usage: pip-doctor <command> [options]

Commands:
  diagnose [--json] [--log FILE|-] [--python PATH]... [--project DIR]
                             Inspect this machine's Pythons and rank the fixes
  log [--json] FILE... | -   Explain a saved pip error log (or standard input)

Run "pip-doctor <command> --help" for a command's options.
`;

const HELP_OF: Record<string, string> = { log: LOG_HELP, diagnose: DIAGNOSE_HELP };

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
        io.stdout.write(MAIN_HELP);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case 'log':
        return await runLogCommand(rest, io, t);
      case 'diagnose':
        return await runDiagnoseCommand(rest, io, t);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`pip-doctor: ${error.message}\n\n${HELP_OF[command ?? ''] ?? MAIN_HELP}`);
      return EXIT.usage;
    }
    throw error;
  }
}
