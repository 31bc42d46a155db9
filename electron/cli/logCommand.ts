import { classifyLogFile, classifyLogStream } from '../engine/logClassifier';
import type { LogFinding } from '../shared/model/logFinding';
import { EXIT, UsageError } from './cliIo';
import type { CliIo } from './cliIo';
import { formatFinding } from './formatFinding';
import type { Translator } from '../engine/i18n/translator';
import { withEnglish } from '../engine/i18n/withEnglish';
import { parseOptions } from './parseOptions';

export const LOG_HELP = `Usage: pip-doctor log [--json] FILE... | -

Explains why a pip install failed, from its saved output. "-" reads standard input.
Logs of any size are read as a stream; UTF-8 and UTF-16 (PowerShell's ">") are understood.

Options:
  --json     One JSON LogFinding per input, one per line, in input order
  -h, --help Show this help

Exit status: 0 when every input was read, 1 when an input could not be read
(the others are still answered), 2 for a usage error.
`;

export async function runLogCommand(args: string[], io: CliIo, t: Translator): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout.write(LOG_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('log needs a FILE, or "-" for standard input');
  if (positionals.filter((p) => p === '-').length > 1)
    throw new UsageError('"-" may be given only once');

  let exitCode: number = EXIT.ok;
  for (const [index, input] of positionals.entries()) {
    let finding: LogFinding;
    try {
      finding = input === '-' ? await classifyLogStream(io.stdin) : await classifyLogFile(input);
    } catch (error) {
      io.stderr.write(`pip-doctor: cannot read ${input}: ${describeReadError(error)}\n`);
      exitCode = EXIT.inputFailed;
      continue;
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(withEnglish({ input, ...finding }))}\n`);
    } else {
      if (index > 0) io.stdout.write('\n');
      io.stdout.write(formatFinding(input === '-' ? 'standard input' : input, finding, t));
    }
  }
  return exitCode;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
