import type { Verdict } from './decideCause';
import type { NotPermissionKind } from './logSignals';
import { pathForPeople } from '../../shared/pathForPeople';

interface SummaryInput {
  verdict: Verdict;
  pkg: string | null;
  notPermission: ReadonlySet<NotPermissionKind>;
  binary: boolean;
}

/** The cause in words a person who has never heard of site-packages understands. */
export function summarize({ verdict, pkg, notPermission, binary }: SummaryInput): string {
  // Long paths are named by their last part: the whole path is in the finding (`path`), shown as evidence.
  const file = named(verdict.path, 'a file it needed');
  const of = pkg ? ` (part of ${pkg})` : '';
  const temp = named(verdict.tempFolder, 'its temporary folder');
  switch (verdict.reason) {
    case 'pep668':
      return 'This Python is managed by your operating system, which does not let pip install into it (PEP 668). Install into a virtual environment instead, or use pipx for command-line tools.';
    case 'store-folder':
      return `The Microsoft Store's Python keeps its program folder read-only for everyone, so pip could not write ${file}. Install with --user, into a virtual environment, or use the python.org installer.`;
    case 'long-path-hint':
    case 'long-path-length':
      return `The file path is longer than Windows allows by default (260 characters), so Windows could not create ${file}. Turn on long path support, or use a virtual environment in a short folder such as C:\\venvs.`;
    case 'long-name-hint':
      return `A file or folder name in ${file}${of} is longer than the 255 characters Windows allows, even with long paths turned on. Try another version of the package, or install it on Linux or macOS.`;
    case 'virus-detected':
      return `A virus scanner blocked ${file}, saying it contains a virus. Check the scanner's quarantine before trying again.`;
    case 'temp-invalid-argument':
    case 'temp-executable':
    case 'scanner-named':
      return `A virus scanner most likely blocked ${file}, a file pip had just written, while it was checking it. Wait a moment and try again; if it keeps happening, check the scanner's log or quarantine.`;
    case 'scanner-reset':
      return "The download was cut off (the connection was reset), and the log names security software that inspects files or network traffic. Such software often breaks pip's downloads: allow Python and pip through it, or pause it briefly, and try again.";
    case 'pip-guard':
    case 'pip-launcher':
      return 'pip tried to replace its own program (pip.exe) while it was running, which Windows does not allow. Upgrade pip with "python -m pip install --upgrade pip" instead.';
    case 'in-use':
      return `Another running program has ${file}${of} open, so it could not be replaced. Close the Python programs that use it (a notebook, an editor, a running script) and try again.`;
    case 'loaded-binary':
      return `A running Python program has loaded ${file}${of}, so Windows would not let pip replace it. Close the programs that use this Python (Jupyter, VS Code, a running script) and try again.`;
    case 'stash-binary':
      return `pip had already moved ${file}${of} aside to replace it, but could not delete it because a running Python program still has it loaded. Close the programs that use this Python (Jupyter, VS Code, a running script) and try again; administrator rights would not help.`;
    case 'uninstall-stash':
      return `pip could not move ${file}${of} aside while replacing it, most likely because a running program still uses it. Close the Python programs that use this environment and try again.`;
    case 'user-folder-denied':
      return `Windows refused pip access to ${file}${of} in a folder you can normally change. Usually a running Python program holds a file there; a security setting or a virus scanner can also cause it.`;
    case 'temp-file':
      return `pip failed on one of its own temporary files, ${file}. Something briefly held or blocked it (often a virus scanner or another pip); trying again, or using a different temporary folder, usually helps.`;
    case 'temp-not-owned':
      return `pip's temporary build folder ${temp} belongs to another user (often root, after "sudo pip"), so pip cannot build in it. Delete that folder (it only holds leftovers), or set TMPDIR to a folder of your own, and try again.`;
    case 'cache-not-owned':
      return `pip's folder ${file} (or the folder above it) belongs to another user, usually root after an earlier "sudo pip", so pip could not use it. Give it back to your own account (for example: sudo chown -R "$USER" on that folder) and stop using sudo with pip.`;
    case 'broken-launcher':
      return `${named(verdict.path, 'pip')} could not start: the Python it runs with no longer exists (it was deleted or moved), so its virtual environment is broken. Make the environment again with a Python that exists.`;
    case 'no-temp-dir':
      return `Python found no temporary folder it could write to${verdict.path ? ` (it tried ${file} first)` : ''}. Make sure TMPDIR (TEMP and TMP on Windows) points to a folder that exists, that you can write to, and whose disk is not full, then try again.`;
    case 'temp-disk-full':
      return `The disk that holds pip's temporary folder ${temp} is full, so pip could not write ${file}. Free some space there, or point TMPDIR (TEMP and TMP on Windows) to a folder on a disk with room, and try again.`;
    case 'admin-folder':
      return binary
        ? `pip could not replace ${file}${of}: that folder can only be changed by an administrator (a running program may also be using the file). Installing into a virtual environment avoids both.`
        : `pip could not write ${file}${of} because only an administrator may change that folder. Install into a virtual environment, or with --user, instead.`;
    case 'posix-denied':
      return `pip could not write ${file}${of} because you are not allowed to change that folder (it belongs to root or another user). Install into a virtual environment, or with --user, instead of using sudo.`;
    case 'read-only-fs':
      return `pip could not write ${file}${of} because that folder is on a read-only file system: nobody can change it, so administrator rights (sudo) cannot help. Install into a virtual environment on a writable disk, such as your home folder, instead.`;
    case 'denied-no-path':
      return 'pip was refused access to a file, but the log does not say which one. A scan of this machine can tell whether the folder is protected or a running program holds it.';
    case 'other-os-error':
      if (verdict.path === null) {
        return notPermission.size > 0
          ? notPermissionSentence(notPermission)
          : `pip failed with an operating-system error (${verdict.code ?? 'unknown'}) that is not about permissions.`;
      }
      return `pip failed with an operating-system error on ${file} that is not about permissions. ${notPermissionSentence(notPermission)}`.trim();
    case 'not-permission-signal':
      return notPermissionSentence(notPermission);
    case 'nothing-matched':
      return 'Nothing in this text matched a known pip error. Paste the full output of the failing pip command, including the lines starting with ERROR.';
  }
}

function named(path: string | null, otherwise: string): string {
  return (path ? pathForPeople(path) : null) ?? otherwise;
}

function notPermissionSentence(kinds: ReadonlySet<NotPermissionKind>): string {
  if (kinds.has('disk-full')) return 'The disk is full: free some space and try again.';
  if (kinds.has('build'))
    return 'A package had to be built from source and the build failed (often a missing compiler such as Microsoft C++ Build Tools). This is not a permission problem.';
  if (kinds.has('no-match'))
    return 'pip found no version of the package for this Python. Check the name, and whether the package supports your Python version. This is not a permission problem.';
  if (kinds.has('tls'))
    return 'A secure connection to the package index failed (a certificate problem, often a proxy or firewall). This is not a permission problem.';
  if (kinds.has('network'))
    return 'pip could not reach the package index (a network, proxy or firewall problem). This is not a permission problem.';
  if (kinds.has('conflict'))
    return 'The packages you asked for need versions of other packages that conflict with each other. This is not a permission problem.';
  if (kinds.has('hash'))
    return 'A downloaded file did not match its expected hash. This is not a permission problem.';
  if (kinds.has('python-version'))
    return 'The package does not support this version of Python. This is not a permission problem.';
  if (kinds.has('memory')) return 'pip ran out of memory. This is not a permission problem.';
  return 'This is not a permission problem.';
}
