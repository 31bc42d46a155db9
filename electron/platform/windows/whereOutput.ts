import { win32 } from 'node:path';

/** One line where.exe printed, and whether it survived decoding. */
export interface WhereHit {
  path: string;
  /**
   * False when the line holds U+FFFD: where.exe writes a pipe in the console
   * (OEM) code page, not UTF-8 (windows-probes.md §0), so a non-ASCII folder
   * name (C:\Users\Jürgen) arrives mangled and must be looked up another way.
   */
  decodable: boolean;
}

/**
 * where.exe output for several patterns (`where.exe python pip ...`): one
 * path per line in PATH order (§6.1). The lines do not say which pattern
 * matched, so each is given to the command its file name (without the
 * PATHEXT extension) spells. The "INFO: Could not find files" line goes to
 * stderr and is localised; it is never read.
 */
export function parseWhereOutput(
  stdout: string,
  commands: readonly string[],
): Map<string, WhereHit[]> {
  const hits = new Map<string, WhereHit[]>(commands.map((command) => [command, []]));
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || !/^(?:[a-z]:\\|\\\\)/i.test(line)) continue;
    const base = win32.basename(line);
    const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
    const command = commands.find((candidate) => candidate.toLowerCase() === stem.toLowerCase());
    if (command === undefined) continue;
    hits.get(command)!.push({ path: line, decodable: !line.includes('\uFFFD') });
  }
  return hits;
}
