/**
 * Splits decoded log text into clean lines, streaming: ANSI colour and cursor
 * codes removed, `\r` progress-bar redraws treated as line ends, and any line
 * longer than MAX_LINE cut into pieces so that one enormous line cannot grow
 * memory without bound.
 */
export const MAX_LINE = 64 * 1024;

// CSI sequences (colours, cursor moves) and OSC sequences (titles, hyperlinks).
const ANSI =
  // eslint-disable-next-line no-control-regex -- matching escape codes is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

export class LineSplitter {
  private rest = '';

  /** Returns the complete lines in `text`; an unfinished last line waits for more. */
  push(text: string): string[] {
    let combined = this.rest + text;
    // A final `\r` may be the first half of a `\r\n` cut by a chunk boundary: wait for the next
    // chunk rather than end a line now and read its `\n` as a second, empty one.
    const finalCr = combined.endsWith('\r');
    if (finalCr) combined = combined.slice(0, -1);
    const parts = combined.split(/\r\n|\r|\n/);
    this.rest = (parts.pop() ?? '') + (finalCr ? '\r' : '');
    const lines: string[] = [];
    for (const part of parts) pushCapped(lines, part);
    if (this.rest.length > MAX_LINE) {
      // Keep a short tail: a `\r\n` may be split across chunks, and so may an ANSI code.
      const head = this.rest.slice(0, this.rest.length - 16);
      this.rest = this.rest.slice(this.rest.length - 16);
      pushCapped(lines, head);
    }
    return lines.map(stripAnsi);
  }

  end(): string[] {
    const last = this.rest.replace(/\r$/, '');
    this.rest = '';
    return last === '' ? [] : [stripAnsi(last)];
  }
}

function pushCapped(lines: string[], line: string): void {
  for (let start = 0; start < line.length || start === 0; start += MAX_LINE) {
    lines.push(line.slice(start, start + MAX_LINE));
    if (line.length === 0) break;
  }
}
