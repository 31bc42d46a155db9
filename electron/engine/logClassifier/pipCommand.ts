/**
 * The `pip install` command a user typed, as a pasted log shows it: after a
 * shell prompt (bash `$`/`#`, cmd `C:\>`, PowerShell `PS C:\>`, zsh `%`,
 * Jupyter `!`), through `pip`, `pip3.11`, `python -m pip`, `py -3 -m pip`, a
 * full interpreter path, `sudo`, PowerShell's `&`, with options anywhere.
 */
export interface PipInstallCommand {
  /** The command line from its first word to the end of the line, prompt removed. */
  command: string;
  /** The interpreter path before `-m pip`; null for a bare `python`, `py` or a `pip` script. */
  interpreter: string | null;
  requirements: RequirementArgs;
  /** The line ends with a shell continuation (`\`, `^`, a backtick): the arguments go on. */
  continues: boolean;
}

/** What the arguments of `pip install` ask for. */
export interface RequirementArgs {
  /** The first requirement that names a distribution. */
  first: string | null;
  /** Only requirement or constraint files (`-r`), which name nothing here. */
  fromFile: boolean;
  /** A local folder or URL that names no distribution (`pip install .`). */
  unnamed: boolean;
}

const PYTHON_NAME = String.raw`(?:python|pypy)(?:\d+(?:\.\d+)*)?[dmtw]?(?:\.exe)?`;
const PYTHON_PATH = new RegExp(String.raw`(?:^|[\\/])${PYTHON_NAME}$`, 'i');
/** An interpreter word (`python3.11`, `"C:\Program Files\Python312\python.exe"`, `py`), maybe glued to a cmd prompt. */
const PYTHON_WORD = new RegExp(
  String.raw`^(.*[>!%])?(["']?)((?:[^"'<>|&;]*[\\/])?${PYTHON_NAME}|py(?:\.exe)?)\2$`,
  'i',
);
/** A pip word (`pip`, `pip3.11`, `C:\Python39\Scripts\pip.exe`), maybe glued to a prompt or `!`. */
const PIP_WORD = /^(.*[>!%])?(["']?)((?:[^"'<>|&;]*[\\/])?pip(?:\d+(?:\.\d+)?)?(?:\.exe)?)\2$/i;
const OPTION_WORD = /^-{1,2}[A-Za-z0-9]/;
/** A word before the command that belongs to it, maybe glued to a cmd prompt. */
const LEAD_WORD = /^(.*>)?(?:&|sudo|[A-Za-z_]\w*=\S*)$/;
const SUDO = /(?:^|>)sudo$/;
const SUDO_OPTION_WITH_VALUE = /^-[ugCDhpRrTt]$/;
/** What may stand before a typed command: nothing, or a prompt. Prose ("I ran pip…") may not. */
const PROMPT_END = /(?:^|[$#>%❯»!+]|(?:^|\s)RUN|^\s*Run|^\s*In \[\d*\]:)\s*$/;

interface Word {
  text: string;
  start: number;
}

/** A pip word, maybe options, then `install`: where a command may be; its words are read next. */
const PIP_THEN_INSTALL =
  /pip(?:\d+(?:\.\d+)?)?(?:\.exe)?["']?(?:\s+-{1,2}[A-Za-z0-9][\w.=-]*)*\s+install(?=\s|$)/;
/** Shell operators that end the command's own arguments. */
const COMMAND_END = /^(?:\||\|\||&&|;|&|\d?>>?\S*|<)$/;

/** A `pip install` command typed on this line, or null (pip's own hints are not commands). */
export function parsePipInstall(line: string): PipInstallCommand | null {
  const match = PIP_THEN_INSTALL.exec(line);
  if (!match) return null;
  const headEnd = match.index + match[0].length;
  const words = wordsOf(line.slice(0, headEnd));
  if (words.length < 2) return null;
  const found = invocationBefore(words, words.length - 1);
  if (!found || !PROMPT_END.test(line.slice(0, found.start))) return null;
  const rest = wordsOf(line.slice(headEnd)).map((w) => w.text);
  const end = rest.findIndex((w) => COMMAND_END.test(w));
  const own = end < 0 ? rest : rest.slice(0, end);
  const continues = end < 0 && /^(?:\\|\^|`)$/.test(own[own.length - 1] ?? '');
  if (continues) own.pop();
  return {
    command: line.slice(found.start).trim(),
    interpreter: found.interpreter,
    requirements: requirementsIn(own),
    continues,
  };
}

/**
 * Where the command that ends in `words[at]` (`install`) starts: its pip word
 * or `python -m pip`, then `sudo`, `VAR=value` and PowerShell's `&` before
 * them. Null when no pip stands before `install`.
 */
function invocationBefore(
  words: Word[],
  at: number,
): { start: number; interpreter: string | null } | null {
  let i = at - 1;
  while (i > 0 && OPTION_WORD.test(words[i]!.text)) i--; // pip's general options
  const pip = PIP_WORD.exec(words[i]!.text);
  if (!pip) return null;
  let first = i;
  let start = words[i]!.start + (pip[1]?.length ?? 0);
  let interpreter: string | null = null;
  if (pip[1] === undefined && pip[3]!.toLowerCase() === 'pip' && words[i - 1]?.text === '-m') {
    let k = i - 2;
    while (k > 0 && OPTION_WORD.test(words[k]!.text)) k--; // the interpreter's options (`py -3.11`)
    const python = k >= 0 ? PYTHON_WORD.exec(words[k]!.text) : null;
    if (!python) return null;
    first = k;
    start = words[k]!.start + (python[1]?.length ?? 0);
    if (/[\\/]/.test(python[3]!)) interpreter = python[3]!;
  }
  if (start > words[first]!.start) return { start, interpreter }; // glued to a prompt
  // `sudo -H`, `sudo -u me`, `VAR=value` and PowerShell's `&` before the command belong to it.
  for (let j = first - 1; j >= 0; j--) {
    const lead = LEAD_WORD.exec(words[j]!.text);
    if (lead) {
      start = words[j]!.start + (lead[1]?.length ?? 0);
      if (lead[1] !== undefined) break; // glued to a cmd prompt, which ends here
      continue;
    }
    const word = words[j]!.text;
    const sudoArgument =
      OPTION_WORD.test(word) || SUDO_OPTION_WITH_VALUE.test(words[j - 1]?.text ?? '');
    const afterSudo = words.slice(Math.max(0, j - 3), j).some((w) => SUDO.test(w.text));
    if (!sudoArgument || !afterSudo) break;
  }
  return { start, interpreter };
}

const WORD = /(?:"[^"]*"|'[^']*'|[^\s"']+)+|["']/g;

/** The line's words with where each starts; quotes keep spaces in. Linear in the line. */
function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(line); match !== null; match = WORD.exec(line)) {
    words.push({ text: match[0], start: match.index });
  }
  return words;
}

/** More arguments of a command whose line ended with a continuation character. */
export function parseContinuation(line: string): {
  requirements: RequirementArgs;
  continues: boolean;
} {
  const words = wordsOf(line).map((w) => w.text);
  const continues = /^(?:\\|\^|`)$/.test(words[words.length - 1] ?? '');
  if (continues) words.pop();
  return { requirements: requirementsIn(words), continues };
}

/** pip install options that take a value, so the value is not taken for a package. */
const OPTIONS_WITH_VALUE = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--trusted-host',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--progress-bar',
  '--cache-dir',
  '--log',
  '--log-file',
  '--proxy',
  '--timeout',
  '--retries',
  '--cert',
  '--client-cert',
  '--global-option',
  '--install-option',
  '--config-settings',
  '-C',
  '--report',
  '--only-binary',
  '--no-binary',
  '--python',
  '--exists-action',
  '--root-user-action',
  '--use-feature',
  '--use-deprecated',
  '--keyring-provider',
  '--hash',
  '-b',
  '--build',
  '-d',
  '--download',
]);
const REQUIREMENT_FILE_OPTIONS = new Set(['-r', '--requirement', '-c', '--constraint']);
const EDITABLE_OPTIONS = new Set(['-e', '--editable']);

function requirementsIn(words: string[]): RequirementArgs {
  const found: RequirementArgs = { first: null, fromFile: false, unnamed: false };
  for (let i = 0; i < words.length; i++) {
    const word = unquote(words[i]!);
    if (word.startsWith('-')) {
      const [option] = word.split('=', 1);
      if (REQUIREMENT_FILE_OPTIONS.has(option!) || /^-[rc]\S/.test(word)) found.fromFile = true;
      if (word.includes('=') || /^-[rc]\S/.test(word)) continue;
      if (EDITABLE_OPTIONS.has(word)) continue; // its value is a requirement like any other
      if (OPTIONS_WITH_VALUE.has(word)) i++;
      continue;
    }
    if (word === '@' || /^@\s*\S/.test(word)) continue; // the URL half of `name @ url`
    const name = requirementName(word);
    if (name === undefined) continue;
    if (name === null) {
      found.unnamed = true;
      continue;
    }
    found.first = name;
    return found;
  }
  return found;
}

/**
 * The distribution a requirement names: `requests[socks]>=2` → `requests`,
 * `name @ url` → `name`, a wheel or sdist file or URL → the name in its file
 * name, `git+…#egg=name` → `name`. Null for a folder or URL that names none;
 * undefined for a word that is no requirement at all (`requirements.txt`).
 */
export function requirementName(word: string): string | null | undefined {
  const text = unquote(word.trim());
  if (text === '') return undefined;
  if (PLAIN_NAME.test(text)) return trimName(text);
  const direct = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*@/.exec(text);
  if (direct && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return trimName(direct[1]!);
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(text);
  if (egg) return trimName(egg[1]!);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[a-z]:[\\/]/i.test(text)) {
    // A URL: its last path segment may be a wheel or an sdist.
    const file =
      text
        .replace(/[?#].*$/, '')
        .split('/')
        .pop() ?? '';
    return distributionFromArchiveName(file);
  }
  if (/[\\/]/.test(text) || text.startsWith('.') || text.startsWith('~')) {
    return distributionFromArchiveName(text.split(/[\\/]/).pop() ?? '');
  }
  if (/\.(?:txt|in|cfg|toml|ini|py)$/i.test(text)) return undefined;
  const archive = distributionFromArchiveName(text);
  if (archive) return archive;
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(text);
  return name ? trimName(name[0]) : undefined;
}

/** A bare name, the common case: letters, digits, `._-`, and no file extension. */
const PLAIN_NAME =
  /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.(?!(?:whl|zip|gz|tgz|bz2|tbz|xz|txz|tar|egg|txt|in|cfg|toml|ini|py)$)[A-Za-z0-9_-]+)*$/i;
const ARCHIVE = /\.(?:whl|zip|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|egg)$/i;

/**
 * The distribution name in a wheel or sdist file name (binary distribution
 * format spec: a wheel's name is everything before its first `-`, with `_`
 * as printed; an sdist is `{name}-{version}`). Null for anything else.
 */
export function distributionFromArchiveName(file: string): string | null {
  if (!ARCHIVE.test(file)) return null;
  if (/\.whl$/i.test(file)) {
    const name = /^([A-Za-z0-9][A-Za-z0-9_.]*)-/.exec(file);
    return name ? name[1]! : null;
  }
  const sdist = /^([A-Za-z0-9][A-Za-z0-9_.-]*?)-v?\d/.exec(file);
  return sdist ? sdist[1]! : null;
}

function trimName(name: string): string {
  return name.replace(/[.-]+$/, '');
}

function unquote(word: string): string {
  return word.replace(/^(["'])(.*)\1$/, '$2').replace(/^["']|["']$/g, '');
}

/**
 * The interpreter pip's own output names: the path before `-m pip` in its
 * upgrade notice (`To update, run: …`, pip ≥ 22.1; `You should consider
 * upgrading via the '… -m pip install --upgrade pip' command.`, pip 20–22.0,
 * both `sys.executable` when it is not simply on PATH) and in its guard
 * against replacing itself (`[sys.executable, "-m", "pip"] + sys.argv[1:]`),
 * or argv[0] of the setup.py and build-hook commands it ran (`command: …`,
 * pip 19.2–21; `Command "…" failed`, pip 6–19; `Command … failed` and
 * `Complete output from command …`, pip 1.x; `Running command …`, verbose).
 */
export function interpreterPipReports(line: string): string | null {
  let match: RegExpExecArray | null;
  if (line.includes('-m pip')) {
    match =
      /To update, run:\s+(.+?)\s+-m pip install\b/.exec(line) ??
      /consider upgrading via the '(.+?)\s+-m pip install\b/.exec(line);
    if (match) return pythonPath(match[1]!);
  }
  if (line.includes('ommand ') || line.includes('ommand: ')) {
    match =
      /(?:\bcommand: |Command "?|Complete output from command |Running command )(?:(["'])(.+?)\1|(.+?))\s+(?:-u\s+)?(?:-c\s|\S*_in_process\.py\b)/.exec(
        line,
      );
    if (match) return pythonPath(match[2] ?? match[3]!);
  }
  return null;
}

/** pip's suggestion after its guard, `<sys.executable> -m pip install …`: the path before `-m pip`. */
export function interpreterOfSuggestion(line: string): string | null {
  const match = /^\s*(.+?)\s+-m pip\b/.exec(line);
  return match ? pythonPath(match[1]!) : null;
}

function pythonPath(candidate: string): string | null {
  const path = unquote(candidate.trim());
  return /[\\/]/.test(path) && PYTHON_PATH.test(path) ? path : null;
}

/**
 * The interpreter behind `pip X from <dir> (python X.Y)` (pip's `--version`
 * line and its verbose `Using pip …` line, utils/misc.get_pip_version), when
 * the folder layout says it without guessing: `<prefix>/lib/pythonX.Y/site-packages`
 * has `<prefix>/bin/pythonX.Y` (every CPython install and virtualenv; `bin/python`
 * in a folder named like a venv), Debian's `/usr/lib/python3/dist-packages` has
 * `/usr/bin/pythonX.Y`; on Windows a python.org or conda root folder holds
 * `python.exe`, a venv `Scripts\python.exe`. A user site-packages (`~/.local`,
 * `%APPDATA%\Python\Python311\site-packages`) has no interpreter, and an unknown Windows folder could be
 * either layout: both give null.
 */
export function interpreterOfPipVersion(line: string): string | null {
  if (!line.includes('(python ') || !line.includes(' from ')) return null;
  const match = /\bpip \S+ from (.+?) \(python (\d+\.\d+)\)/.exec(line);
  if (!match) return null;
  const site = /^(.*?)[\\/](?:site|dist)-packages(?=[\\/]|$)/i.exec(match[1]!.trim());
  if (!site) return null;
  const version = match[2]!;
  const libDir = site[1]!;
  const windows =
    /^[a-z]:\\|^\\\\/i.test(libDir) || (libDir.includes('\\') && !libDir.includes('/'));
  if (windows) return windowsInterpreter(libDir);
  const posix = /^(.*)\/lib(?:64)?\/python(\d+(?:\.\d+)?)$/.exec(libDir);
  if (!posix) return null;
  const prefix = posix[1]!;
  if (prefix === '' || /\/\.local$/.test(prefix)) return null;
  if (VENV_NAME.test(prefix.split('/').pop()!)) return `${prefix}/bin/python`;
  const exact = posix[2]!.includes('.') ? posix[2]! : version;
  return `${prefix}/bin/python${exact}`;
}

const VENV_NAME =
  /^(?:\.?venv|\.?env|virtualenv|\.?virtualenvs?|[\w.-]*[-_.]venv|venv[-_.][\w.-]*)$/i;

function windowsInterpreter(libDir: string): string | null {
  const lib = /^(.*)[\\/]Lib$/i.exec(libDir);
  if (!lib) return null;
  const root = lib[1]!;
  const parts = root.split(/[\\/]/);
  const name = parts[parts.length - 1]!;
  const parent = parts[parts.length - 2] ?? '';
  if (VENV_NAME.test(name)) return `${root}\\Scripts\\python.exe`;
  if (
    /^Python\d+(?:-(?:32|64|arm64))?$/i.test(name) ||
    /^(?:ana|mini)conda\d*$|^miniforge\d*$|^mambaforge$/i.test(name) ||
    /^python_embed(?:d?ed)?$/i.test(name) ||
    /^PythonSoftwareFoundation\.Python\./i.test(name) ||
    parent.toLowerCase() === 'envs'
  ) {
    return `${root}\\python.exe`;
  }
  return null;
}
