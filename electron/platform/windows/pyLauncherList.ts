import { win32 } from 'node:path';

/** One runtime the py launcher lists. */
export interface PyLauncherEntry {
  /** `3.12`, `3.12-32`, `3.13t`; for another company, `Company/Tag`. */
  tag: string;
  company: string;
  isDefault: boolean;
  /** Absolute; an old launcher's relative venv path is resolved against the folder py ran in. */
  executable: string;
  /** ExecutableArguments registered for it (PEP 514), or null. */
  arguments: string | null;
  /** The active virtual environment the launcher reports. */
  isVenv: boolean;
}

/**
 * `py -0p` (`py --list-paths`), in every layout windows-probes.md §6.3 shows:
 * - launcher 3.11+: ` -V:3.12 *        C:\...\python.exe` (one space, tag
 *   padded to 16, path; `*` after the tag marks the default; other
 *   companies as `-V:Company/Tag`); no header; UTF-8 even into a pipe;
 * - launcher up to 3.10: a header line, then ` -3.8-64        C:\...\python.exe *`
 *   (the `*` at the end), and `(venv)` for the active venv;
 * - pymanager's legacy layout: `Company\Tag`, and `  *  <exe>` for the venv.
 * "No installed Pythons found!" (and any other line) yields nothing.
 */
export function parsePyList(stdout: string, cwd: string): PyLauncherEntry[] {
  const entries: PyLauncherEntry[] = [];
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    const modern = /^\s*-V:(\S+?)(\s+\*)?\s+(\S.*)$/.exec(line);
    const legacy = /^\s*-(\d[\w.]*(?:-(?:32|64|arm64))?)(\s+\*)?\s+(\S.*)$/.exec(line);
    const venv = /^\s*(?:\(venv\)|\*)\s+(\S.*)$/.exec(line);
    const match = modern ?? legacy;
    if (match) {
      const [company, tag] = splitTag(match[1]!, modern !== null);
      const rest = stripTrailingStar(match[3]!);
      if (rest.path === '') continue;
      entries.push({
        tag,
        company,
        isDefault: match[2] !== undefined || rest.starred,
        ...splitArguments(rest.path, cwd),
        isVenv: false,
      });
    } else if (venv) {
      const rest = stripTrailingStar(venv[1]!);
      entries.push({
        tag: 'venv',
        company: 'venv',
        isDefault: true,
        ...splitArguments(rest.path, cwd),
        isVenv: true,
      });
    }
  }
  return entries;
}

function splitTag(text: string, modern: boolean): [string, string] {
  const separator = text.search(/[/\\]/);
  if (!modern || separator < 0) return ['PythonCore', text];
  return [text.slice(0, separator), text.slice(separator + 1)];
}

function stripTrailingStar(text: string): { path: string; starred: boolean } {
  const starred = /\s\*$/.test(text) || text === '*';
  return { path: (starred ? text.replace(/\s*\*$/, '') : text).trim(), starred };
}

/** The executable ends at `.exe`; anything after it is its registered arguments. */
function splitArguments(
  text: string,
  cwd: string,
): { executable: string; arguments: string | null } {
  const exe = /^(.*?\.exe)(?:\s+(.*))?$/i.exec(text);
  const executable = exe ? exe[1]! : text;
  return {
    executable: win32.isAbsolute(executable) ? executable : win32.resolve(cwd, executable),
    arguments: exe?.[2]?.trim() || null,
  };
}
