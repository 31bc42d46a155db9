/**
 * One argument quoted the way CommandLineToArgvW and the MSVC runtime read
 * it back (the rules Node's own spawn follows on Windows): needed where a
 * command line is a single string, as in ProcessStartInfo.Arguments.
 * Backslashes are literal except before a quote, where they are doubled.
 */
export function quoteWindowsArgument(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let quoted = '"';
  let backslashes = 0;
  for (const char of arg) {
    if (char === '\\') {
      backslashes++;
      continue;
    }
    if (char === '"') {
      quoted += '\\'.repeat(backslashes * 2 + 1) + '"';
    } else {
      quoted += '\\'.repeat(backslashes) + char;
    }
    backslashes = 0;
  }
  return `${quoted}${'\\'.repeat(backslashes * 2)}"`;
}

export function windowsCommandLine(args: readonly string[]): string {
  return args.map(quoteWindowsArgument).join(' ');
}
