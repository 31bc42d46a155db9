import { posix, win32 } from 'node:path';
import type { Cause, RemedyId } from '../../shared/model/vocabulary';
import type {
  Diagnosis,
  PythonInstall,
  Recommendation,
  RunningProcess,
  Shell,
} from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { blockedFolder, holdersOf } from './settleCause';
import { describeHolders } from './describeHolder';
import { commandLine, quoteArg } from '../../shared/shellQuote';

export interface RecommendInput {
  platform: 'linux' | 'darwin' | 'win32';
  cause: Cause | 'none';
  target: PythonInstall | null;
  installs: PythonInstall[];
  processes: RunningProcess[];
  log: LogFinding | null;
  projectDir: string;
  pipOnPath: Diagnosis['pipOnPath'];
  /** Windows settings that decide some remedies (long paths already on). */
  settings?: Diagnosis['settings'];
}

interface Draft {
  id: RemedyId;
  reason: string;
  commands: string[];
  applicable: boolean;
}

/** PEP 508 / PEP 503 distribution names: letters, digits, and . _ - inside. */
const PEP508_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** The oldest pip that installs today's wheels well (manylinux2014, PEP 600, the 2020 resolver). */
const OLD_PIP_MAJOR = 21;

/**
 * Turns the facts into an ordered list of remedies, the fix to try first at
 * rank 1, each with its reason from this machine and the exact commands.
 * Remedies that would not help are kept, last, with the reason why not.
 */
export function recommend(input: RecommendInput): Recommendation[] {
  const { target, cause } = input;
  const shell: Shell = input.platform === 'win32' ? 'powershell' : 'bash';
  if (!target) return [];
  const ctx = new Context(input, shell, target);

  const ordered: Draft[] = [];
  const add = (draft: Draft | null) => {
    if (!draft || ordered.some((existing) => existing.id === draft.id)) return;
    // A remedy that cannot help here keeps its place in the list only to say why not.
    ordered.push(draft.applicable ? draft : { ...draft, reason: ctx.whyNot(draft) });
  };
  if (target.leftovers.length > 0) add(ctx.repairInstall());

  switch (cause) {
    case 'pep668':
      add(
        ctx.venv(
          `${ctx.where} is managed by your operating system, so pip may not install into it; a virtual environment is yours to change.`,
        ),
      );
      add(ctx.pipx());
      break;
    case 'store-python':
      add(
        ctx.venv(
          "The Microsoft Store's Python folder is read-only for everyone; a virtual environment lives in a folder you own.",
        ),
      );
      add(ctx.userInstall());
      break;
    case 'long-path':
      add(ctx.enableLongPaths());
      add(
        ctx.venv(
          'A virtual environment in a short folder keeps every path under the 260-character limit.',
        ),
      );
      break;
    case 'self-upgrade-lock':
      add(ctx.usePythonMPip(true));
      add(ctx.closeProcesses());
      break;
    case 'lock':
    case 'temp-dir':
    case 'antivirus':
      add(ctx.closeProcesses());
      add(ctx.restart());
      add(ctx.venv('A fresh virtual environment has no files any running program holds.'));
      break;
    case 'permission':
      add(ctx.venv(ctx.blockedReason()));
      add(ctx.grantAccess());
      add(ctx.userInstall());
      add(ctx.elevatedInstall());
      break;
    case 'not-permission':
    case 'none':
      add(
        ctx.venv(
          'A virtual environment per project keeps installs apart and never needs administrator rights.',
        ),
      );
      break;
  }
  add(ctx.upgradePip());
  add(ctx.usePythonMPip(false));
  // Remedies that cannot help here are listed last, with the reason why not.
  for (const draft of [ctx.userInstall(), ctx.elevatedInstall(), ctx.closeProcesses()]) {
    if (draft && !draft.applicable && !ordered.some((existing) => existing.id === draft.id)) {
      ordered.push({ ...draft, reason: ctx.whyNot(draft) });
    }
  }

  const sorted = [...ordered.filter((d) => d.applicable), ...ordered.filter((d) => !d.applicable)];
  return sorted.map((draft, index) => ({ ...draft, rank: index + 1, shell, installId: target.id }));
}

class Context {
  readonly where: string;
  readonly pkg: string;
  readonly holders: RunningProcess[];
  constructor(
    private readonly input: RecommendInput,
    private readonly shell: Shell,
    private readonly target: PythonInstall,
  ) {
    this.where = `${target.executable}${target.version ? ` (Python ${target.version})` : ''}`;
    const logged = input.log?.package;
    // Only a PEP 508 name goes into a command line; anything else is shown as a placeholder.
    this.pkg = logged && logged !== 'pip' && PEP508_NAME.test(logged) ? logged : 'PACKAGE';
    this.holders = holdersOf(target, input.processes, input.log);
  }

  private python(...args: string[]): string {
    return commandLine(this.shell, this.target.executable, args);
  }

  blockedReason(): string {
    const blocked = blockedFolder(this.target);
    if (!blocked)
      return 'A virtual environment per project keeps installs apart and never needs administrator rights.';
    return `pip installs into ${blocked.path}, which ${blocked.reason ? blocked.reason.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) : 'you cannot change'}; a virtual environment lives in a folder you own.`;
  }

  venv(reason: string): Draft {
    // A new environment never replaces the one pip failed in: that one may be in use or root's.
    // Paths in the user's OS's form, whichever OS computes the diagnosis.
    const { join } = this.input.platform === 'win32' ? win32 : posix;
    const projectVenv = join(this.input.projectDir, '.venv');
    const venvDir = this.target.prefix === projectVenv ? `${projectVenv}-new` : projectVenv;
    const venvPython =
      this.input.platform === 'win32'
        ? join(venvDir, 'Scripts', 'python.exe')
        : join(venvDir, 'bin', 'python');
    const applicable = this.target.status === 'ok';
    return {
      id: 'venv',
      reason,
      commands: [
        this.python('-m', 'venv', venvDir),
        commandLine(this.shell, venvPython, ['-m', 'pip', 'install', this.pkg]),
      ],
      applicable,
    };
  }

  userInstall(): Draft | null {
    const t = this.target;
    const userSite = t.folders.find((folder) => folder.role === 'user-site');
    const applicable =
      t.kind !== 'venv' &&
      !t.externallyManaged &&
      t.userSiteEnabled === true &&
      userSite?.writable !== false;
    return {
      id: 'user-install',
      reason: userSite
        ? `Installs into your own folder ${userSite.path} instead, which needs no administrator rights.`
        : 'Installs into your own user folder instead, which needs no administrator rights.',
      commands: [this.python('-m', 'pip', 'install', '--user', this.pkg)],
      applicable,
    };
  }

  elevatedInstall(): Draft {
    const windows = this.input.platform === 'win32';
    const applicable = !this.target.externallyManaged && blockedFolder(this.target) !== null;
    return {
      id: 'elevated-install',
      reason: windows
        ? 'Runs pip as administrator. It works, but every later install and upgrade needs administrator rights again.'
        : 'Runs pip as root. It works, but it mixes pip files with the ones your system manages; prefer a virtual environment.',
      commands: windows
        ? [
            // -Verb RunAs cannot redirect output; the elevated window shows pip's own.
            `Start-Process -Verb RunAs -Wait -FilePath ${quoteArg(this.target.executable, 'powershell')} -ArgumentList ${['-m', 'pip', 'install', this.pkg].map((arg) => quoteArg(arg, 'powershell')).join(',')}`,
          ]
        : [`sudo ${this.python('-m', 'pip', 'install', this.pkg)}`],
      applicable,
    };
  }

  grantAccess(): Draft | null {
    const blocked = blockedFolder(this.target);
    if (!blocked) return null;
    if (this.input.platform === 'win32') {
      return {
        id: 'grant-access',
        reason: `Gives your account the right to change ${blocked.path}. The least recommended fix: it weakens the protection of a folder shared by every user.`,
        commands: [
          `icacls ${quoteArg(blocked.path, 'powershell')} /grant "$($env:USERNAME):(OI)(CI)M"`,
        ],
        applicable: true,
      };
    }
    // On POSIX only folders in the user's own home are handed back; system folders stay root's.
    const home =
      this.input.projectDir.match(/^\/(?:home|Users)\/[^/]+/)?.[0] ?? process.env.HOME ?? '';
    const inHome = home !== '' && blocked.path.startsWith(`${home}/`);
    return {
      id: 'grant-access',
      reason: inHome
        ? `${blocked.path} is in your own home folder but root owns files in it (left by an earlier sudo pip); hand them back to you.`
        : `${blocked.path} belongs to the system; changing its owner would break what your package manager expects.`,
      commands: [`sudo chown -R "$(id -un)" ${commandLine('bash', blocked.path, [])}`],
      applicable: inHome,
    };
  }

  closeProcesses(): Draft {
    const holders = this.holders;
    const windows = this.input.platform === 'win32';
    return {
      id: 'close-processes',
      reason:
        holders.length > 0
          ? `${describeHolders(holders)} ${holders.length === 1 ? 'holds' : 'hold'} files of this Python; close ${holders.length === 1 ? 'it' : 'them'} and run pip again.`
          : 'Close the programs that use this Python (Jupyter, VS Code, running scripts) and run pip again.',
      commands: holders.map((p) => (windows ? `Stop-Process -Id ${p.pid}` : `kill ${p.pid}`)),
      applicable: holders.length > 0 || this.input.cause === 'lock',
    };
  }

  restart(): Draft {
    return {
      id: 'restart',
      reason:
        'If the files stay held, signing out or restarting releases every handle; then run pip again before opening your editor.',
      commands: [],
      applicable: true,
    };
  }

  usePythonMPip(selfUpgrade: boolean): Draft | null {
    const pip = this.input.pipOnPath.find((entry) => entry.command === 'pip');
    const python = this.input.pipOnPath.find(
      (entry) => entry.command === (this.input.platform === 'win32' ? 'python' : 'python3'),
    );
    const mismatch = pip?.installId && python?.installId && pip.installId !== python.installId;
    if (!selfUpgrade && !mismatch) return null;
    return {
      id: 'use-python-m-pip',
      reason: selfUpgrade
        ? 'pip cannot replace its own running pip.exe; run it through Python instead, which holds python.exe rather than pip.exe.'
        : '`pip` on your PATH installs into a different Python than `python` runs; `python -m pip` always installs into the Python you run.',
      commands: [
        selfUpgrade
          ? this.python('-m', 'pip', 'install', '--upgrade', 'pip')
          : this.python('-m', 'pip', 'install', this.pkg),
      ],
      applicable: true,
    };
  }

  upgradePip(): Draft | null {
    const major = Number(this.target.pipVersion?.split('.')[0] ?? NaN);
    if (!(major < OLD_PIP_MAJOR) || this.target.externallyManaged) return null;
    return {
      id: 'upgrade-pip',
      reason: `pip ${this.target.pipVersion} is old; newer pip finds prebuilt wheels and gives clearer errors.`,
      commands: [this.python('-m', 'pip', 'install', '--upgrade', 'pip', 'setuptools', 'wheel')],
      applicable: true,
    };
  }

  enableLongPaths(): Draft {
    const alreadyOn = this.input.settings?.longPathsEnabled === true;
    return {
      id: 'enable-long-paths',
      reason:
        'Windows limits paths to 260 characters unless long paths are enabled (needs administrator rights once).',
      commands: [
        "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem' -Name LongPathsEnabled -Value 1 -PropertyType DWORD -Force",
      ],
      applicable: this.input.platform === 'win32' && !alreadyOn,
    };
  }

  pipx(): Draft {
    return {
      id: 'pipx-or-venv',
      reason:
        'For a command-line tool, pipx gives it a virtual environment of its own and puts the command on your PATH.',
      commands: [`pipx install ${this.pkg}`],
      applicable: true,
    };
  }

  repairInstall(): Draft {
    const leftovers = this.target.leftovers;
    const pipMissing = leftovers.some((leftover) => leftover.kind === 'pip-missing');
    return {
      id: 'repair-install',
      reason: `An earlier pip run stopped half-way and left ${leftovers.length} leftover${leftovers.length === 1 ? '' : 's'} (${leftovers
        .slice(0, 2)
        .map((l) => l.path)
        .join(', ')})${pipMissing ? '; pip itself is missing' : ''}.`,
      commands: [
        ...leftovers
          .filter((l) => l.kind !== 'pip-missing')
          .map((l) =>
            this.input.platform === 'win32'
              ? `Remove-Item -Recurse -Force ${commandLine('powershell', l.path, [])}`
              : `rm -rf ${commandLine('bash', l.path, [])}`,
          ),
        ...(pipMissing ? [this.python('-m', 'ensurepip', '--upgrade')] : []),
      ],
      applicable: true,
    };
  }

  whyNot(draft: Draft): string {
    switch (draft.id) {
      case 'user-install':
        if (this.target.kind === 'venv')
          return '--user does nothing useful inside a virtual environment.';
        if (this.target.externallyManaged)
          return 'PEP 668 forbids --user installs into this Python too.';
        if (this.target.userSiteEnabled === false)
          return 'This Python has user installs turned off.';
        return 'Your user folder is not writable either.';
      case 'elevated-install':
        return this.target.externallyManaged
          ? 'Running pip as root here would change files your operating system manages and can break it.'
          : 'pip can already write where it installs; administrator rights would change nothing.';
      case 'close-processes':
        return 'No running program holds files of this Python right now.';
      case 'enable-long-paths':
        return this.input.platform === 'win32'
          ? 'Long paths are already enabled on this computer.'
          : 'Only Windows limits paths to 260 characters.';
      default:
        return draft.reason;
    }
  }
}
