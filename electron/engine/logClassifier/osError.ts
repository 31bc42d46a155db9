/**
 * Python prints an OSError as `[WinError N] message: 'path'` or
 * `[Errno N] message: 'path' -> 'other'` (CPython Objects/exceptions.c,
 * OSError_str); Python 2 printed a WindowsError as `[Error N] message: 'path'`
 * (its WindowsError_str), N being the same Windows error number, so it is
 * read as `WinError N`. The number is the same in every Windows language; the
 * message is localised. Paths are printed with repr(): backslashes doubled,
 * and double quotes used when the path itself contains a single quote.
 */
export interface OsErrorMention {
  /** `WinError` or `Errno`. */
  kind: 'WinError' | 'Errno';
  number: number;
  message: string;
  path: string | null;
  secondPath: string | null;
}

const OS_ERROR =
  /\[(WinError|Errno|Error)\s*(-?\d+)\]\s*([^'"]*?)(?::\s*(?:'([^']*)'|"([^"]*)")(?:\s*->\s*(?:'([^']*)'|"([^"]*)"))?)?\s*\.?\s*$/;

/** The fast test every line passes before the regular expression runs. */
export function mayMentionOsError(line: string): boolean {
  return line.includes('WinError') || line.includes('Errno') || line.includes('[Error');
}

/** `[WinError N]`, `[Errno N]` or Python 2's `[Error N]`: where an OS error starts. */
export const OS_ERROR_CODE = /\[(?:WinError|Errno|Error)\s*-?\d+\]/;

/** Python 2's `[Error N]` is a Windows error number. */
const kindOf = (printed: string): OsErrorMention['kind'] =>
  printed === 'Errno' ? 'Errno' : 'WinError';

/** A line whose OS error opens a quoted path that continues on the next line (a terminal wrap). */
export function hasUnclosedPath(line: string): boolean {
  const at = line.search(OS_ERROR_CODE);
  if (at < 0) return false;
  const tail = line.slice(at);
  const open = tail.search(/:\s*['"]/);
  if (open < 0) return false;
  const quote = tail[tail.slice(open).search(/['"]/) + open]!;
  const count = tail.slice(open).split(quote).length - 1;
  return count % 2 === 1;
}

export function parseOsError(line: string): OsErrorMention | null {
  const at = line.search(OS_ERROR_CODE);
  if (at < 0) return null;
  const match = OS_ERROR.exec(line.slice(at));
  if (!match) {
    // The bracket is there but the rest is unusual (text after the path): keep the number.
    const bare = /\[(WinError|Errno|Error)\s*(-?\d+)\]\s*([^:'"]*)/.exec(line.slice(at))!;
    return {
      kind: kindOf(bare[1]!),
      number: Number(bare[2]),
      message: bare[3]!.trim(),
      path: quotedPathAfter(line.slice(at)),
      secondPath: null,
    };
  }
  const path = match[4] ?? match[5];
  const second = match[6] ?? match[7];
  return {
    kind: kindOf(match[1]!),
    number: Number(match[2]),
    message: match[3]!.trim(),
    path: path === undefined ? null : unrepr(path),
    secondPath: second === undefined ? null : unrepr(second),
  };
}

function quotedPathAfter(text: string): string | null {
  const quoted = /:\s*(?:'([^']+)'|"([^"]+)")/.exec(text);
  const value = quoted?.[1] ?? quoted?.[2];
  return value === undefined ? null : unrepr(value);
}

/**
 * Undoes the repr() escaping that matters for paths. Only `\\` is collapsed:
 * logs pasted through Markdown often lost one backslash of each pair, and
 * reading `\t` in `C:\temp` as a tab would corrupt those.
 */
export function unrepr(path: string): string {
  return path.replace(/\\\\/g, '\\');
}
