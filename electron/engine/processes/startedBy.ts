/**
 * Names the app a person would recognise behind a process: "the Python that
 * holds numpy's .pyd is a Jupyter kernel started by VS Code" tells a user what
 * to close; "python.exe, pid 8812" does not. Works from names, executables and
 * command lines only, so it is the same on every platform.
 */

/** What is known of a process or a parent; command lines are optional (the model's parents have none). */
export interface ProcessIdentity {
  name: string;
  executable: string | null;
  commandLine?: string | null;
}

export interface StartedBy {
  /** What the process itself is, when recognisable ("Jupyter kernel"); null for a plain interpreter. */
  role: string | null;
  /** The nearest recognisable app among the parents ("VS Code"); null when none is. */
  app: string | null;
}

type Kind =
  /** Something that runs on behalf of an app (a kernel, a language server); not an app itself. */
  | 'role'
  | 'app'
  | 'terminal'
  /** Recognisable, but weaker than any app or terminal above it. */
  | 'shell';

interface Facts {
  /** Lower-case program names: the executable's and comm's base names, the script and `-m` module run. */
  programs: Set<string>;
  executable: string;
  commandLine: string;
}

interface Rule {
  label: string;
  kind: Kind;
  /** For roles: the app they belong to when no parent names one (Pylance is always VS Code's). */
  impliedApp?: string;
  matches(facts: Facts): boolean;
}

const has =
  (...names: string[]) =>
  (facts: Facts): boolean =>
    names.some((name) => facts.programs.has(name));
const hasPrefix =
  (...prefixes: string[]) =>
  (facts: Facts): boolean =>
    [...facts.programs].some((program) => prefixes.some((prefix) => program.startsWith(prefix)));
const mentions =
  (...fragments: string[]) =>
  (facts: Facts): boolean =>
    fragments.some(
      (fragment) => facts.commandLine.includes(fragment) || facts.executable.includes(fragment),
    );

/** The shells recognised by name; each is labelled "<name> shell" (holderWords.ts words it). */
export const SHELLS = ['bash', 'zsh', 'fish', 'sh', 'dash', 'ksh', 'tcsh', 'csh', 'nu'] as const;

/**
 * First match wins, so the specific comes before the general: debugpy vendors
 * pydevd (PyCharm's debugger), an IDLE subprocess runs idlelib too, and a
 * Spyder kernel is a Jupyter kernel with its own launcher.
 */
const RULES: Rule[] = [
  {
    label: 'Spyder kernel',
    kind: 'role',
    impliedApp: 'Spyder',
    matches: mentions('spyder_kernels'),
  },
  {
    label: 'Jupyter kernel',
    kind: 'role',
    matches: mentions('ipykernel_launcher', '-m ipykernel'),
  },
  {
    label: 'Python language server (Pylance)',
    kind: 'role',
    impliedApp: 'VS Code',
    matches: mentions('vscode-pylance', 'pylance'),
  },
  {
    label: 'Python language server',
    kind: 'role',
    matches: (facts) =>
      has(
        'jedi-language-server',
        'pylsp',
        'pyright-langserver',
        'basedpyright-langserver',
      )(facts) || mentions('lsp_server.py', 'python-lsp-server')(facts),
  },
  { label: 'Python debugger (debugpy)', kind: 'role', matches: mentions('debugpy') },
  {
    label: 'PyCharm debugger',
    kind: 'role',
    impliedApp: 'PyCharm',
    matches: mentions('pydevd.py'),
  },
  {
    label: 'PyCharm Python console',
    kind: 'role',
    impliedApp: 'PyCharm',
    matches: mentions('pydevconsole.py'),
  },
  { label: 'IDLE shell', kind: 'role', impliedApp: 'IDLE', matches: mentions('idlelib.run') },

  {
    label: 'VS Code',
    kind: 'app',
    matches: (facts) =>
      has('code', 'code-insiders', 'codium', 'code-oss', 'vscodium')(facts) ||
      hasPrefix('code helper', 'code - insiders helper')(facts) ||
      // Electron, node and the remote server run from VS Code's own folders.
      mentions(
        'visual studio code',
        'microsoft vs code',
        '.vscode-server',
        '/code/resources/app',
      )(facts) ||
      (has('electron')(facts) && facts.executable.includes('vscode')),
  },
  {
    label: 'Jupyter',
    kind: 'app',
    matches: (facts) =>
      hasPrefix(
        'jupyter-lab',
        'jupyter-noteboo',
        'jupyter-server',
        'jupyterlab',
        'jupyter_server',
      )(facts) ||
      has('notebook', 'nbclassic')(facts) ||
      mentions('jupyter lab', 'jupyter notebook', 'jupyter server')(facts),
  },
  {
    label: 'PyCharm',
    kind: 'app',
    // On Linux the IDE is a JVM from its own folder; a Python in ~/PycharmProjects is not PyCharm.
    matches: (facts) =>
      hasPrefix('pycharm')(facts) || (has('java', 'javaw')(facts) && mentions('pycharm')(facts)),
  },
  {
    label: 'Anaconda Navigator',
    kind: 'app',
    matches: (facts) =>
      has('anaconda-navigator', 'anaconda_navigator')(facts) ||
      mentions('anaconda-navigator', 'anaconda_navigator')(facts),
  },
  { label: 'Spyder', kind: 'app', matches: has('spyder', 'spyder3') },
  {
    label: 'IDLE',
    kind: 'app',
    matches: (facts) =>
      [...facts.programs].some((program) => /^idle(\d+(\.\d+)?)?$/.test(program)) ||
      mentions('idlelib')(facts),
  },

  { label: 'GNOME Terminal', kind: 'terminal', matches: hasPrefix('gnome-terminal') },
  { label: 'Konsole', kind: 'terminal', matches: has('konsole') },
  { label: 'xterm', kind: 'terminal', matches: has('xterm', 'uxterm') },
  { label: 'kitty', kind: 'terminal', matches: has('kitty') },
  { label: 'Alacritty', kind: 'terminal', matches: has('alacritty') },
  { label: 'Xfce Terminal', kind: 'terminal', matches: has('xfce4-terminal') },
  // The server's comm is "tmux: server"; its base name is just tmux.
  { label: 'tmux', kind: 'terminal', matches: hasPrefix('tmux') },
  {
    label: 'iTerm2',
    kind: 'terminal',
    matches: (facts) => has('iterm2')(facts) || facts.executable.includes('iterm.app'),
  },
  {
    label: 'Terminal',
    kind: 'terminal',
    matches: (facts) => has('terminal')(facts) && facts.executable.includes('terminal.app'),
  },
  { label: 'Windows Terminal', kind: 'terminal', matches: has('windowsterminal', 'openconsole') },
  // Git for Windows' terminal: mintty runs the bash a Git Bash window shows.
  { label: 'Git Bash', kind: 'terminal', matches: has('mintty', 'git-bash') },
  { label: 'Command Prompt', kind: 'terminal', matches: has('cmd') },
  { label: 'PowerShell', kind: 'terminal', matches: has('powershell', 'pwsh', 'powershell_ise') },
  { label: 'Console window', kind: 'terminal', matches: has('conhost') },
  { label: 'SSH session', kind: 'terminal', matches: has('sshd') },

  ...SHELLS.map((shell): Rule => ({
    label: `${shell} shell`,
    kind: 'shell',
    matches: has(shell),
  })),
];

/** Interpreters whose first argument is the program a person would name (python jupyter-lab). */
const INTERPRETERS = /^(python[\d.]*w?|pythonw|py|node|java|javaw)$/;

function baseName(path: string): string {
  const base = path
    .slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
    .toLowerCase();
  return base.endsWith('.exe') ? base.slice(0, -4) : base;
}

function factsOf(identity: ProcessIdentity): Facts {
  const commandLine = (identity.commandLine ?? '').toLowerCase();
  const programs = new Set<string>([baseName(identity.name)]);
  if (identity.executable) programs.add(baseName(identity.executable));
  const words = commandWords(commandLine);
  if (words[0]) programs.add(baseName(words[0]));
  if (words[0] && INTERPRETERS.test(baseName(words[0]))) {
    const module = words.indexOf('-m');
    const script = words[1] && !words[1].startsWith('-') ? baseName(words[1]) : '';
    if (module >= 0 && words[module + 1]) programs.add(words[module + 1]!);
    // An installed command (jupyter-lab, spyder-script.py on Windows) names its app; a
    // user's own code.py or cmd.py must not pass for VS Code or the Command Prompt.
    else if (!/\.pyw?$/.test(script)) programs.add(script);
    else if (/-script\.pyw?$/.test(script)) programs.add(script.replace(/-script\.pyw?$/, ''));
  }
  // `jupyter lab` runs jupyter-lab: on Windows the process is jupyter.exe (or its Python) with "lab".
  const jupyter = words.findIndex((word) => baseName(word) === 'jupyter');
  const subcommand = jupyter >= 0 ? words[jupyter + 1] : undefined;
  if (subcommand && JUPYTER_APPS.has(subcommand)) programs.add(`jupyter-${subcommand}`);
  programs.delete('');
  return { programs, executable: (identity.executable ?? '').toLowerCase(), commandLine };
}

const JUPYTER_APPS = new Set(['lab', 'notebook', 'server', 'nbclassic']);

/**
 * The words of a command line, a quoted part counting as one word: Windows
 * quotes paths with spaces ("C:\Program Files\Python312\python.exe"), and
 * splitting them at the space would lose the program's name. Only program
 * names are wanted, so the quotes themselves are dropped.
 */
function commandWords(commandLine: string): string[] {
  return [...commandLine.matchAll(/"([^"]*)"?|[^\s"]+/g)]
    .map((match) => match[1] ?? match[0])
    .filter((word) => word !== '');
}

function recognise(identity: ProcessIdentity): Rule | null {
  const facts = factsOf(identity);
  return RULES.find((rule) => rule.matches(facts)) ?? null;
}

/**
 * The process's own role, and the nearest app among its parents (nearest
 * first). Shells only count when nothing better is found: the shell a VS Code
 * terminal runs is not what the user would name.
 */
export function startedBy(
  process: ProcessIdentity,
  parents: readonly ProcessIdentity[],
): StartedBy {
  const own = recognise(process);
  let shell: string | null = null;
  for (const parent of parents) {
    const rule = recognise(parent);
    if (!rule) continue;
    if (rule.kind === 'shell') {
      shell ??= rule.label;
      continue;
    }
    // A kernel's subprocess belongs to whatever started the kernel: keep walking,
    // unless the role itself says whose it is.
    if (rule.kind === 'role' && !rule.impliedApp) continue;
    return { role: own?.label ?? null, app: rule.impliedApp ?? rule.label };
  }
  return { role: own?.label ?? null, app: own?.impliedApp ?? shell };
}

/** One phrase for RunningProcess.startedBy: "Jupyter kernel started by VS Code", "VS Code", "Jupyter kernel". */
export function describeStarter(
  process: ProcessIdentity,
  parents: readonly ProcessIdentity[],
): string | null {
  const { role, app } = startedBy(process, parents);
  if (role && app && !role.startsWith(app)) return `${role} started by ${app}`;
  return role ?? app;
}

/** Deep enough for any real launch chain; a corrupt table cannot make the walk endless. */
const MAX_PARENT_DEPTH = 64;

/**
 * The parents of `pid`, nearest first, up to pid 1 (included) or the first
 * parent the table does not know (it exited, or belongs to another session).
 * Guards against cycles, which a pid reused mid-scan can create.
 */
export function parentChain<T extends { pid: number; ppid: number }>(
  pid: number,
  table: ReadonlyMap<number, T>,
  maxDepth = MAX_PARENT_DEPTH,
): T[] {
  const chain: T[] = [];
  const seen = new Set<number>([pid]);
  let ppid = table.get(pid)?.ppid;
  while (ppid !== undefined && ppid > 0 && chain.length < maxDepth && !seen.has(ppid)) {
    const parent = table.get(ppid);
    if (!parent) break;
    chain.push(parent);
    seen.add(ppid);
    if (ppid === 1) break;
    ppid = parent.ppid;
  }
  return chain;
}
