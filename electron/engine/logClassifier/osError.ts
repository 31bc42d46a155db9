/**
 * Python prints an OSError as `[WinError N] message: 'path'` or
 * `[Errno N] message: 'path' -> 'other'` (CPython Objects/exceptions.c,
 * OSError_str); Python 2 printed a WindowsError as `[Error N] message: 'path'`
 * (its WindowsError_str), N being the same Windows error number, so it is
 * read as `WinError N`. The number is the same in every Windows language; the
 * message is localised. Paths are printed with repr() (Objects/unicodeobject.c,
 * unicode_repr): backslashes doubled; single quotes around the path unless it
 * holds a `'` and no `"`, then double quotes; a `'` inside single quotes is
 * written `\'`.
 */
export interface OsErrorMention {
  /** `WinError` or `Errno`. */
  kind: 'WinError' | 'Errno';
  number: number;
  message: string;
  path: string | null;
  secondPath: string | null;
}

/** The fast test every line passes before the regular expression runs. */
export function mayMentionOsError(line: string): boolean {
  return line.includes('WinError') || line.includes('Errno') || line.includes('[Error');
}

/** `[WinError N]`, `[Errno N]` or Python 2's `[Error N]`: where an OS error starts. */
export const OS_ERROR_CODE = /\[(?:WinError|Errno|Error)\s*-?\d+\]/;
const OS_ERROR_HEAD = /^\[(WinError|Errno|Error)\s*(-?\d+)\]\s*/;
/** Where the quoted file name starts: `: '` or `: "` after the message. */
const PATH_START = /:\s*(['"])/;
const ARROW = /^\s*->\s*(['"])/;

/** Python 2's `[Error N]` is a Windows error number. */
const kindOf = (printed: string): OsErrorMention['kind'] =>
  printed === 'Errno' ? 'Errno' : 'WinError';

/** A quoted string as Python's repr() wrote it: its text still escaped, and where it ends. */
interface Quoted {
  raw: string;
  quote: string;
  end: number;
}

/**
 * Reads the repr() string that opens at `open`. A backslash escapes the next
 * character, so `'it\'s'` is read whole. Returns null when the string does
 * not close on this text (a terminal wrapped it onto the next line).
 */
export function readQuoted(text: string, open: number): Quoted | null {
  const quote = text[open]!;
  for (let at = text.indexOf(quote, open + 1); at >= 0; at = text.indexOf(quote, at + 1)) {
    // A quote is escaped when an odd number of backslashes runs up to it.
    let backslashes = 0;
    while (at - backslashes - 1 > open && text.charCodeAt(at - backslashes - 1) === 92) {
      backslashes++;
    }
    if (backslashes % 2 === 0) return { raw: text.slice(open + 1, at), quote, end: at + 1 };
  }
  // Markdown ate one backslash of a pair before the closing quote (`'C:\dir\'`): a repr never
  // ends a line on an escaped quote, so the line's last quote closes the path.
  const last = text.trimEnd();
  if (last.length - 1 > open && last.endsWith(quote) && last.endsWith(`\\${quote}`)) {
    return { raw: last.slice(open + 1, -1), quote, end: last.length };
  }
  return null;
}

/** The one or two paths after an OS error's message, or where they stop being readable. */
function pathsAfter(text: string): {
  messageEnd: number;
  first: Quoted | null;
  second: Quoted | null;
  unclosed: boolean;
} {
  const start = PATH_START.exec(text);
  if (!start) return { messageEnd: text.length, first: null, second: null, unclosed: false };
  const open = start.index + start[0].length - 1;
  const first = readQuoted(text, open);
  if (!first) return { messageEnd: start.index, first: null, second: null, unclosed: true };
  const arrow = ARROW.exec(text.slice(first.end));
  if (!arrow) return { messageEnd: start.index, first, second: null, unclosed: false };
  const second = readQuoted(text, first.end + arrow[0].length - 1);
  return { messageEnd: start.index, first, second, unclosed: second === null };
}

/** A line whose OS error opens a quoted path that continues on the next line (a terminal wrap). */
export function hasUnclosedPath(line: string): boolean {
  const at = line.search(OS_ERROR_CODE);
  if (at < 0) return false;
  return pathsAfter(line.slice(at)).unclosed;
}

export function parseOsError(line: string): OsErrorMention | null {
  const at = line.search(OS_ERROR_CODE);
  if (at < 0) return null;
  const text = line.slice(at);
  const head = OS_ERROR_HEAD.exec(text)!;
  const rest = text.slice(head[0].length);
  const { messageEnd, first, second } = pathsAfter(rest);
  return {
    kind: kindOf(head[1]!),
    number: Number(head[2]),
    message: rest
      .slice(0, messageEnd)
      .replace(/[\s.]+$/, '')
      .trim(),
    path: first ? unrepr(first) : null,
    secondPath: second ? unrepr(second) : null,
  };
}

/**
 * Undoes the repr() escaping that matters for paths: `\\` and the escaped
 * quote. Nothing else is touched: logs pasted through Markdown often lost one
 * backslash of each pair, and reading `\t` in `C:\temp` as a tab would
 * corrupt those.
 */
export function unrepr({ raw, quote }: Pick<Quoted, 'raw' | 'quote'>): string {
  return raw.replace(quote === "'" ? /\\([\\'])/g : /\\(\\)/g, '$1');
}

/**
 * Messages that print only an OSError's strerror, without its number:
 * distutils' `could not create '%s': %s` (e.strerror) and the like. Windows
 * messages come from FormatMessage and are localised; POSIX ones come from the
 * C library, which Python leaves in English.
 */
const STRERROR_CODES: ReadonlyArray<[string, OsErrorMention['kind'], number]> = [
  ['Permission denied', 'Errno', 13],
  ['Operation not permitted', 'Errno', 1],
  ['Read-only file system', 'Errno', 30],
  ['No space left on device', 'Errno', 28],
  ['No such file or directory', 'Errno', 2],
  ['File name too long', 'Errno', 36],
  ['Text file busy', 'Errno', 26],
  ['Device or resource busy', 'Errno', 16],
  ['Resource busy', 'Errno', 16],
  ['Invalid argument', 'Errno', 22],
  ['Access is denied', 'WinError', 5],
  [
    'The process cannot access the file because it is being used by another process',
    'WinError',
    32,
  ],
  ['The system cannot find the file specified', 'WinError', 2],
  ['The system cannot find the path specified', 'WinError', 3],
  ['The filename or extension is too long', 'WinError', 206],
  ['There is not enough space on the disk', 'WinError', 112],
  ['The media is write protected', 'WinError', 19],
  // ERROR_ACCESS_DENIED and ERROR_SHARING_VIOLATION as localised Windows prints them.
  ['Zugriff verweigert', 'WinError', 5],
  ['Accès refusé', 'WinError', 5],
  ['Acceso denegado', 'WinError', 5],
  ['Accesso negato', 'WinError', 5],
  ['Acesso negado', 'WinError', 5],
  ['Отказано в доступе', 'WinError', 5],
  ['拒绝访问', 'WinError', 5],
  ['存取被拒', 'WinError', 5],
  ['액세스가 거부되었습니다', 'WinError', 5],
  ['アクセスが拒否されました', 'WinError', 5],
  [
    'Der Prozess kann nicht auf die Datei zugreifen, da sie von einem anderen Prozess verwendet wird',
    'WinError',
    32,
  ],
  [
    'Le processus ne peut pas accéder au fichier car ce fichier est utilisé par un autre processus',
    'WinError',
    32,
  ],
  [
    'El proceso no tiene acceso al archivo porque está siendo utilizado por otro proceso',
    'WinError',
    32,
  ],
  ['另一个程序正在使用此文件，进程无法访问', 'WinError', 32],
];

/** The error a bare strerror text stands for, or null when it is not one Python prints. */
export function osErrorOfStrerror(message: string): Pick<OsErrorMention, 'kind' | 'number'> | null {
  const text = message.trim().replace(/[.。]+$/, '');
  const found = STRERROR_CODES.find(([words]) => words === text);
  return found ? { kind: found[1], number: found[2] } : null;
}
