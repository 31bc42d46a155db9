import { posix, win32 } from 'node:path';
import type { PlatformPath } from 'node:path';
import type { Shell } from '../shared/model/diagnosis';
import type { Platform } from '../shared/model/platform';

/**
 * What the layers above need to know about an operating system, as facts
 * and capabilities rather than as its name (DESIGN.md rule 8): the engine,
 * the remedies and the report ask these, and no code outside platform/
 * tests which OS it is. The traits are of the OS a Diagnosis was made on,
 * not of the one reading it: Windows plans are built and tested on Linux.
 */
export interface OsTraits {
  readonly platform: Platform;
  /** Path rules of that OS. */
  readonly paths: PlatformPath;
  /** The shell the commands shown to the user are written for. */
  readonly shell: Shell;
  /** The command that starts the user's Python from a terminal. */
  readonly pythonCommand: 'python' | 'python3';
  /** Where a virtual environment keeps its interpreter and its scripts. */
  readonly venvBinFolder: 'Scripts' | 'bin';
  readonly venvPythonName: 'python.exe' | 'python';
  /** Who may change anything: "administrator", or "root". */
  readonly administrator: 'administrator' | 'root';
  /** How administrator rights are asked for: the UAC prompt, or polkit's password dialog. */
  readonly elevation: 'uac' | 'pkexec';
  /** How "may write there" is granted: an ACL entry (Windows), or handing files back to their user (POSIX). */
  readonly grantModel: 'acl' | 'owner';
  /** How a program is asked to close: through a process handle (its window's close message, then TerminateProcess), or SIGTERM then SIGKILL. */
  readonly closeMethod: 'process-handle' | 'signals';
  /** The path length limit that a setting lifts (Windows' MAX_PATH); null where there is none. */
  readonly pathLengthLimit: number | null;
  /** Virus scanners open new files for a moment, so a brief lock is tried again. */
  readonly transientLocks: boolean;
  /** The user's own PATH lives in the registry, so the app can put a folder on it. */
  readonly userPathInRegistry: boolean;
  /** Account names and paths compare without case. */
  readonly caseInsensitiveNames: boolean;
  /** Long paths, Controlled Folder Access and UAC are settings of this OS (Diagnosis.settings). */
  readonly hasSystemSettings: boolean;
  /** What ends every program's hold on files, in the OS's own words. */
  readonly signOutOrRestart: 'Sign out or restart Windows' | 'Log out or restart';
  /** The OS's name as users know it. */
  readonly displayName: 'Windows' | 'Linux' | 'macOS';
}

const WINDOWS: OsTraits = {
  platform: 'win32',
  paths: win32,
  shell: 'powershell',
  pythonCommand: 'python',
  venvBinFolder: 'Scripts',
  venvPythonName: 'python.exe',
  administrator: 'administrator',
  elevation: 'uac',
  grantModel: 'acl',
  closeMethod: 'process-handle',
  pathLengthLimit: 260,
  transientLocks: true,
  userPathInRegistry: true,
  caseInsensitiveNames: true,
  hasSystemSettings: true,
  signOutOrRestart: 'Sign out or restart Windows',
  displayName: 'Windows',
};

const POSIX_BASE = {
  paths: posix,
  shell: 'bash',
  pythonCommand: 'python3',
  venvBinFolder: 'bin',
  venvPythonName: 'python',
  administrator: 'root',
  elevation: 'pkexec',
  grantModel: 'owner',
  closeMethod: 'signals',
  pathLengthLimit: null,
  transientLocks: false,
  userPathInRegistry: false,
  caseInsensitiveNames: false,
  hasSystemSettings: false,
  signOutOrRestart: 'Log out or restart',
} as const;

const TRAITS: { readonly [P in Platform]: OsTraits } = {
  win32: WINDOWS,
  linux: { ...POSIX_BASE, platform: 'linux', displayName: 'Linux' },
  darwin: { ...POSIX_BASE, platform: 'darwin', displayName: 'macOS' },
};

export function osTraits(platform: Platform): OsTraits {
  return TRAITS[platform];
}

/** The interpreter inside a virtual environment, in that OS's layout. */
export function venvPython(traits: OsTraits, folder: string): string {
  return traits.paths.join(folder, traits.venvBinFolder, traits.venvPythonName);
}
