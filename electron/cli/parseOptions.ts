import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './cliIo';
import { ERROR_WORDS } from './errorWords';
import { msg } from '../shared/i18n/message';

/** node:util parseArgs, with its errors turned into usage errors a person can read. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const detail = error instanceof Error ? error.message : String(error);
    // Node names the option in quotes ("Unknown option '--bogus'"): the option, not Node's English, is shown.
    const option = /'([^']+)'/.exec(detail)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
      throw new UsageError(msg(ERROR_WORDS.unknownOption, { option }));
    throw new UsageError(
      msg(ERROR_WORDS.badOption, {
        detail: detail.replace(/\. To specify a positional argument.*$/s, ''),
      }),
    );
  }
}
