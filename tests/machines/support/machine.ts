import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { NOBODY } from '../../unit/platform/accessAsUser';
import { registerRunFolder } from '../../support/testRun';
import { buildDemoPackages } from './demoPackages';
import type { PackageForm } from './demoPackages';

/**
 * One real broken Linux machine: a temporary folder holding the user's home
 * and project, the wheels pip finds, and whatever the test breaks. Its user
 * is uid 65534 (root may write anywhere, so "cannot write" needs another
 * account); `sudo` is the harness itself, which runs as root.
 */

/** The user's login name, as `id -un` prints it for uid 65534 ("nobody" on Debian). */
export const USER_NAME = execFileSync('id', ['-un', String(NOBODY)], { encoding: 'utf8' }).trim();

/** Debian's interpreter, which every user may run (pyenv's live under root's 0700 home). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** Where Debian keeps the pip and setuptools wheels: ensurepip and `pip install --upgrade pip` work offline from there. */
export const DEBIAN_WHEELS = '/usr/share/python-wheels';

/** What `sudo` leaves of the environment: Debian's secure_path and root's home. */
export const SUDO_ENV: Readonly<Record<string, string>> = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/root',
  LANG: 'C.UTF-8',
  USER: 'root',
  LOGNAME: 'root',
  SUDO_USER: USER_NAME,
  SUDO_UID: String(NOBODY),
  SUDO_GID: String(NOBODY),
};

/** `setpriv` to the user, no supplementary groups (root's would let them write more). */
export const AS_USER = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];

export interface Run {
  /** null when it was killed (the timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Defaults to the user, in their shell's environment. */
  as?: 'user' | 'root';
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  timeoutMs?: number;
}

export interface MachineOptions {
  /** The project folder's path inside the home, one name per level (hostile names welcome). */
  projectPath?: string[];
  /** `sdist-dependency`: demo-dep only as an sdist, which pip unpacks (and builds) in TMPDIR. */
  packages?: PackageForm;
}

export class Machine {
  /** The user's terminal: tests set PATH, VIRTUAL_ENV, TMPDIR, ... as the situation has them. */
  readonly env: Record<string, string>;
  private namespaceHolder: ChildProcess | null = null;
  private logCount = 0;

  private constructor(
    /** The machine's own temporary folder; everything it changes lies inside. */
    readonly root: string,
    readonly home: string,
    /** Where the user stands (their project), owned by them. */
    readonly project: string,
    readonly wheels: string,
  ) {
    this.env = {
      HOME: home,
      USER: USER_NAME,
      LOGNAME: USER_NAME,
      SHELL: '/bin/bash',
      LANG: 'C.UTF-8',
      PATH: '/usr/local/bin:/usr/bin:/bin',
      // No network: pip finds the demo wheels, and pip's own for ensurepip and upgrades.
      PIP_NO_INDEX: '1',
      PIP_FIND_LINKS: `${wheels} ${DEBIAN_WHEELS}`,
    };
  }

  static create(label: string, options: MachineOptions = {}): Machine {
    const root = mkdtempSync(join(tmpdir(), `pip-doctor-machine-${label}-`));
    chmodSync(root, 0o755);
    registerRunFolder(root);
    const wheels = join(root, 'wheels');
    buildDemoPackages(wheels, options.packages ?? 'wheels');
    const home = join(root, 'home');
    const project = join(home, ...(options.projectPath ?? ['project']));
    // Made by the user, so every level of the home is theirs, as on a real machine.
    execFileSync('install', ['-d', '-o', String(NOBODY), '-g', String(NOBODY), home]);
    execFileSync('setpriv', [...AS_USER, '--', 'mkdir', '-p', '--', project]);
    return new Machine(root, home, project, wheels);
  }

  /** `source venv/bin/activate`: VIRTUAL_ENV and its bin/ first on PATH. */
  activate(venv: string): void {
    this.env.VIRTUAL_ENV = venv;
    this.prependPath(join(venv, 'bin'));
  }

  prependPath(...folders: string[]): void {
    this.env.PATH = [...folders, this.env.PATH].join(':');
  }

  /**
   * A bash script with its own positional arguments ("$1", ...): paths
   * travel as arguments, never spliced into the script.
   */
  bash(script: string, args: readonly string[] = [], options: RunOptions = {}): Promise<Run> {
    return this.run(['bash', '-c', script, 'bash', ...args], options);
  }

  /** Runs a program as the user (their shell's environment) or as root (what sudo gives), inside the machine's mount namespace if it has one. */
  run(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
    const asUser = (options.as ?? 'user') === 'user';
    const cwd = options.cwd ?? this.project;
    const command = [
      // nsenter would start in the namespace's root folder, so it is told the one asked for. Not
      // --wd: that opens the folder in this namespace, where the one entered cannot reach it, so
      // getcwd() walks up by reading each parent, and uid 65534 may not read a checkout's 0700
      // parent (`mktemp -d`): Node dies with "EACCES: process.cwd failed". --wdns opens it there.
      ...(this.namespaceHolder
        ? ['nsenter', `--target=${this.namespaceHolder.pid}`, '--mount', `--wdns=${cwd}`, '--']
        : []),
      ...(asUser ? ['setpriv', ...AS_USER, '--'] : []),
      ...argv,
    ];
    return runToEnd(command, {
      env: options.env ?? (asUser ? this.env : SUDO_ENV),
      cwd,
      timeoutMs: options.timeoutMs ?? 180_000,
    });
  }

  /**
   * What the user types, run the way bash runs it, with stdout and stderr
   * in one stream (what a terminal shows, what the user saves as the log).
   */
  async type(command: string, options: RunOptions = {}): Promise<{ run: Run; logFile: string }> {
    const run = await this.bash(`exec 2>&1\n${command}`, [], options);
    this.logCount += 1;
    const logFile = join(this.root, `terminal-${this.logCount}.log`);
    writeFileSync(logFile, run.stdout, { mode: 0o644 });
    return { run, logFile };
  }

  /** Saves a log the user pasted from elsewhere (a Windows machine's terminal). */
  saveLog(text: string): string {
    this.logCount += 1;
    const logFile = join(this.root, `pasted-${this.logCount}.log`);
    writeFileSync(logFile, text, { mode: 0o644 });
    return logFile;
  }

  /**
   * From here on every step runs in a private mount namespace set up by
   * `setup` (run as root, folders as "$1"...). It lives as long as one
   * process that holds it, so ending that process removes every mount.
   */
  async enterMountNamespace(setup: string, args: readonly string[]): Promise<void> {
    const holder = spawn(
      'unshare',
      [
        '--mount',
        '--propagation',
        'private',
        '--',
        'bash',
        '-c',
        `set -e\n${setup}\necho ready\nexec cat`,
        'bash',
        ...args,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    holder.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.once('data', () => resolve());
      holder.once('exit', (code) =>
        reject(new Error(`mount namespace setup failed (${code}): ${stderr}`)),
      );
    });
    this.namespaceHolder = holder;
  }

  /** Ends what the machine started (its mount namespace, processes left running), then removes it, root's files included. */
  async destroy(): Promise<void> {
    const holder = this.namespaceHolder;
    killProcessesOf(this.root, this.home, holder?.pid);
    if (holder && holder.exitCode === null && holder.signalCode === null) {
      const exited = once(holder, 'exit');
      holder.stdin!.end();
      await exited;
    }
    this.namespaceHolder = null;
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** One command to its end, its whole process group killed when it outlives the timeout. */
function runToEnd(
  command: readonly string[],
  options: { env: Readonly<Record<string, string>>; cwd: string; timeoutMs: number },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      env: options.env,
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a letter of a hostile path split between two chunks stays whole.
    child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      stderr += `\n[harness: killed after ${options.timeoutMs} ms]`;
      process.kill(-child.pid!, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Every process the machine started and left running: whatever runs with its
 * home as HOME (the user's shell and all it started, the engine's probes),
 * or names its folder in its command line or working folder (a holder).
 * Killed by pid; never this worker, its parent, or the namespace holder,
 * which `destroy` ends by closing its stdin.
 */
function killProcessesOf(root: string, home: string, namespaceHolder: number | undefined): void {
  const spared = new Set([process.pid, process.ppid, namespaceHolder]);
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || spared.has(pid)) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (environ.includes(`HOME=${home}`) || commandLine.includes(root) || cwd.startsWith(root))
        process.kill(pid, 'SIGKILL');
    } catch {
      // It ended meanwhile, or is a kernel thread: nothing to end.
    }
  }
}

/** A machine for the running test, destroyed when the test ends, passed or failed. */
export function machineForThisTest(label: string, options: MachineOptions = {}): Machine {
  const machine = Machine.create(label, options);
  onTestFinished(() => machine.destroy());
  return machine;
}
