import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import type { HolderRole, Starter } from '../../shared/model/diagnosis';

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

/** The app as a person knows it: its own name, or words Windows shows in the user's language. */
export type AppName = string | Message;

export interface StartedBy {
  /** What the process itself is, when recognisable (a Jupyter kernel); null for a plain interpreter. */
  role: HolderRole | null;
  /** The nearest recognisable app among the parents ("VS Code"); null when none is. */
  app: AppName | null;
  appKind: 'app' | 'terminal' | 'shell' | null;
}

const words = defineMessages({
  startedBy: {
    id: 'diagnosis.starter.roleStartedBy',
    defaultMessage: '{role} started by {app}',
    description:
      'Who started a program that holds files: {role} is what it is ("Jupyter kernel"), {app} the app that started it ("VS Code")',
  },
  spyderKernel: { id: 'diagnosis.starter.role.spyderKernel', defaultMessage: 'Spyder kernel' },
  jupyterKernel: { id: 'diagnosis.starter.role.jupyterKernel', defaultMessage: 'Jupyter kernel' },
  pylance: {
    id: 'diagnosis.starter.role.pylance',
    defaultMessage: 'Python language server (Pylance)',
  },
  languageServer: {
    id: 'diagnosis.starter.role.languageServer',
    defaultMessage: 'Python language server',
  },
  debugpy: { id: 'diagnosis.starter.role.debugpy', defaultMessage: 'Python debugger (debugpy)' },
  pycharmDebugger: {
    id: 'diagnosis.starter.role.pycharmDebugger',
    defaultMessage: 'PyCharm debugger',
  },
  pycharmConsole: {
    id: 'diagnosis.starter.role.pycharmConsole',
    defaultMessage: 'PyCharm Python console',
  },
  idleShell: { id: 'diagnosis.starter.role.idleShell', defaultMessage: 'IDLE shell' },
  commandPrompt: {
    id: 'diagnosis.starter.app.commandPrompt',
    defaultMessage: 'Command Prompt',
    description: "Windows' own name for cmd.exe's window, as Windows shows it in this language",
  },
  consoleWindow: {
    id: 'diagnosis.starter.app.consoleWindow',
    defaultMessage: 'Console window',
    description: 'A Windows console window (conhost.exe) a program was started from',
  },
  sshSession: {
    id: 'diagnosis.starter.app.sshSession',
    defaultMessage: 'SSH session',
    description: 'A remote login over SSH a program was started from',
  },
  appName: {
    id: 'diagnosis.starter.appName',
    defaultMessage: '{app}',
    description: "An app's own name alone (VS Code, GNOME Terminal): keep it as {app}",
  },
  shell: {
    id: 'diagnosis.starter.app.shell',
    defaultMessage: '{shell} shell',
    description: "{shell} is a shell program's name (bash, zsh, fish), not translated",
  },
});

/** The role in the user's words ("Jupyter kernel"). */
export function roleWords(role: HolderRole): Message {
  return msg(ROLE_WORDS[role]);
}

const ROLE_WORDS = {
  'spyder-kernel': words.spyderKernel,
  'jupyter-kernel': words.jupyterKernel,
  pylance: words.pylance,
  'language-server': words.languageServer,
  debugpy: words.debugpy,
  'pycharm-debugger': words.pycharmDebugger,
  'pycharm-console': words.pycharmConsole,
  'idle-shell': words.idleShell,
} as const satisfies Record<HolderRole, unknown>;

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
  /** A role's id, or the app's own name. */
  label: string;
  kind: Kind;
  /** Words for an app Windows names in the user's language; without them the label is the name. */
  words?: Message;
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
    label: 'spyder-kernel',
    kind: 'role',
    impliedApp: 'Spyder',
    matches: mentions('spyder_kernels'),
  },
  {
    label: 'jupyter-kernel',
    kind: 'role',
    matches: mentions('ipykernel_launcher', '-m ipykernel'),
  },
  {
    label: 'pylance',
    kind: 'role',
    impliedApp: 'VS Code',
    matches: mentions('vscode-pylance', 'pylance'),
  },
  {
    label: 'language-server',
    kind: 'role',
    matches: (facts) =>
      has(
        'jedi-language-server',
        'pylsp',
        'pyright-langserver',
        'basedpyright-langserver',
      )(facts) || mentions('lsp_server.py', 'python-lsp-server')(facts),
  },
  { label: 'debugpy', kind: 'role', matches: mentions('debugpy') },
  {
    label: 'pycharm-debugger',
    kind: 'role',
    impliedApp: 'PyCharm',
    matches: mentions('pydevd.py'),
  },
  {
    label: 'pycharm-console',
    kind: 'role',
    impliedApp: 'PyCharm',
    matches: mentions('pydevconsole.py'),
  },
  { label: 'idle-shell', kind: 'role', impliedApp: 'IDLE', matches: mentions('idlelib.run') },

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
  {
    label: 'Command Prompt',
    kind: 'terminal',
    words: msg(words.commandPrompt),
    matches: has('cmd'),
  },
  { label: 'PowerShell', kind: 'terminal', matches: has('powershell', 'pwsh', 'powershell_ise') },
  {
    label: 'Console window',
    kind: 'terminal',
    words: msg(words.consoleWindow),
    matches: has('conhost'),
  },
  {
    label: 'SSH session',
    kind: 'terminal',
    words: msg(words.sshSession),
    matches: has('sshd'),
  },

  ...['bash', 'zsh', 'fish', 'sh', 'dash', 'ksh', 'tcsh', 'csh', 'nu'].map((shell): Rule => ({
    label: shell,
    kind: 'shell',
    words: msg(words.shell, { shell }),
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
  const role = own?.kind === 'role' ? (own.label as HolderRole) : null;
  let shell: Rule | null = null;
  for (const parent of parents) {
    const rule = recognise(parent);
    if (!rule) continue;
    if (rule.kind === 'shell') {
      shell ??= rule;
      continue;
    }
    // A kernel's subprocess belongs to whatever started the kernel: keep walking,
    // unless the role itself says whose it is.
    if (rule.kind === 'role' && !rule.impliedApp) continue;
    if (rule.kind === 'role') return { role, app: rule.impliedApp ?? null, appKind: 'app' };
    return { role, app: appName(rule), appKind: rule.kind };
  }
  if (own?.impliedApp) return { role, app: own.impliedApp, appKind: 'app' };
  // A process that is itself an app (VS Code's own Python) names that app.
  if (own && own.kind !== 'role') return { role, app: appName(own), appKind: own.kind };
  return { role, app: shell ? appName(shell) : null, appKind: shell ? 'shell' : null };
}

function appName(rule: Rule): AppName {
  return rule.words ?? rule.label;
}

/**
 * RunningProcess.startedBy: the facts and one phrase for them ("Jupyter
 * kernel started by VS Code", "VS Code", "Jupyter kernel"); null when nothing
 * is recognised.
 */
export function describeStarter(
  process: ProcessIdentity,
  parents: readonly ProcessIdentity[],
): Starter | null {
  return starterOf(startedBy(process, parents));
}

/** The model's starter from the facts: the phrase is made here, once, never parsed back. */
export function starterOf({ role, app, appKind }: StartedBy): Starter | null {
  const sameApp = role !== null && app !== null && roleNamesItsApp(role, app);
  const phrase =
    role && app && !sameApp
      ? msg(words.startedBy, { role: roleWords(role), app })
      : role
        ? roleWords(role)
        : app === null
          ? null
          : typeof app === 'string'
            ? msg(words.appName, { app })
            : app;
  return phrase === null ? null : { role, app, appKind, phrase };
}

/** A PyCharm debugger started by PyCharm: the role's words already name the app, so it is said once. */
export function roleNamesItsApp(role: HolderRole, app: AppName): boolean {
  return IMPLIED_BY_ROLE[role] === app;
}

/** Roles whose own words already name their app ("PyCharm debugger"): no "started by PyCharm". */
const IMPLIED_BY_ROLE: Partial<Record<HolderRole, string>> = {
  'jupyter-kernel': 'Jupyter',
  'spyder-kernel': 'Spyder',
  'pycharm-debugger': 'PyCharm',
  'pycharm-console': 'PyCharm',
  'idle-shell': 'IDLE',
};

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
