import { defineMessages } from '@formatjs/intl';
import { classifyLogFile, classifyLogStream } from '../engine/logClassifier';
import type { LogFinding } from '../shared/model/logFinding';
import { EXIT, UsageError } from './cliIo';
import type { CliIo } from './cliIo';
import { formatFinding } from './formatFinding';
import type { Translator } from '../engine/i18n/translator';
import { withEnglish } from '../engine/i18n/withEnglish';
import { parseOptions } from './parseOptions';
import { ERROR_WORDS, readErrorReason } from './errorWords';
import { logHelp } from './helpTexts';
import { msg } from '../shared/i18n/message';

/** The heading of a log read from standard input ("-"), where a file's would be its path. */
const { standardInput: STANDARD_INPUT } = defineMessages({
  standardInput: {
    id: 'cli.log.standardInput',
    defaultMessage: 'standard input',
    description: 'Heading of the answer for a log piped into the command',
  },
});

export async function runLogCommand(args: string[], io: CliIo, t: Translator): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout.write(logHelp(t));
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError(msg(ERROR_WORDS.logNeedsFile));
  if (positionals.filter((p) => p === '-').length > 1)
    throw new UsageError(msg(ERROR_WORDS.dashOnce));

  let exitCode: number = EXIT.ok;
  for (const [index, input] of positionals.entries()) {
    let finding: LogFinding;
    try {
      finding = input === '-' ? await classifyLogStream(io.stdin) : await classifyLogFile(input);
    } catch (error) {
      io.stderr.write(
        `pip-doctor: ${t.text(msg(ERROR_WORDS.cannotRead, { file: input, reason: readErrorReason(error) }))}\n`,
      );
      exitCode = EXIT.inputFailed;
      continue;
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(withEnglish({ input, ...finding }))}\n`);
    } else {
      if (index > 0) io.stdout.write('\n');
      io.stdout.write(
        formatFinding(input === '-' ? t.text(msg(STANDARD_INPUT)) : input, finding, t),
      );
    }
  }
  return exitCode;
}
