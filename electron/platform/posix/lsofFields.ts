/**
 * Parses `lsof -F` output ("OUTPUT FOR OTHER PROGRAMS" in `man lsof`): one
 * field per line, its first character naming it. A `p` line starts a process
 * set, an `f` line a file set inside it. The same lsof program prints the same
 * format on macOS and Linux, which is why a fixture recorded on Linux tests the
 * macOS backend.
 */

export interface LsofFile {
  /** "cwd", "txt", "mem", "DEL" (Linux: a mapped file since deleted), or a number with a mode letter. */
  fd: string;
  type: string | null;
  /** The path (decoded), or lsof's description for sockets and pipes. */
  name: string | null;
}

export interface LsofProcess {
  pid: number;
  command: string | null;
  files: LsofFile[];
}

export function parseLsofFields(output: string): LsofProcess[] {
  const processes: LsofProcess[] = [];
  let current: LsofProcess | null = null;
  let file: LsofFile | null = null;
  // With the `0` field letter lsof ends fields with NUL and sets with NL; without it, each field with NL.
  for (const line of output.split(/[\0\n]/)) {
    if (line === '') continue;
    const value = line.slice(1);
    switch (line[0]) {
      case 'p':
        current = { pid: Number(value), command: null, files: [] };
        file = null;
        processes.push(current);
        break;
      case 'c':
        if (current) current.command = unescapeLsof(value);
        break;
      case 'f':
        if (!current) break;
        file = { fd: value, type: null, name: null };
        current.files.push(file);
        break;
      case 't':
        if (file) file.type = value;
        break;
      case 'n':
        if (file) file.name = unescapeLsof(value);
        break;
      default:
        // Fields not asked for, or added by a newer lsof: not ours to interpret.
        break;
    }
  }
  return processes;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  '\\': 0x5c,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
};

/**
 * lsof prints bytes it deems unprintable in C form: \n, \t..., and \xNN for
 * every byte of a UTF-8 name under the C locale ("dir \xc3\xbc" for "dir ü");
 * a backslash itself comes out doubled, so \\x41 stays a literal "\x41".
 * Decoding them back to bytes, then UTF-8, gives the real path to match.
 * Other control characters come out as ^X; a literal '^' in a name prints the
 * same way, so those are left as printed rather than guessed at.
 */
export function unescapeLsof(printed: string): string {
  if (!printed.includes('\\')) return printed;
  const bytes: number[] = [];
  const source = Buffer.from(printed, 'utf8');
  for (let i = 0; i < source.length; i++) {
    const byte = source[i]!;
    if (byte === 0x5c /* \ */ && i + 1 < source.length) {
      const next = String.fromCharCode(source[i + 1]!);
      const simple = SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        bytes.push(simple);
        i += 1;
        continue;
      }
      const hex = next === 'x' ? source.subarray(i + 2, i + 4).toString('latin1') : '';
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 3;
        continue;
      }
    }
    bytes.push(byte);
  }
  return Buffer.from(bytes).toString('utf8');
}
