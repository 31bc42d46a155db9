import { defineMessages } from '@formatjs/intl';

/**
 * The classifier's plain-words summaries, one whole message per verdict
 * (issue #17). Paths, package names and commands arrive as values and are
 * never translated; `{file}` is either a quoted path or one of the file
 * phrases below, so a translator sees every sentence whole.
 */
export const SUMMARY = defineMessages({
  pep668: {
    id: 'log.summary.pep668',
    defaultMessage:
      'This Python is managed by your operating system, which does not let pip install into it (PEP 668). Install into a virtual environment instead, or use pipx for command-line tools.',
  },
  storeFolder: {
    id: 'log.summary.storeFolder',
    defaultMessage:
      "The Microsoft Store's Python keeps its program folder read-only for everyone, so pip could not write {file}. Install with --user, into a virtual environment, or use the python.org installer.",
    description: '{file} is a quoted file name or path, or the words "a file it needed"',
  },
  longPath: {
    id: 'log.summary.longPath',
    defaultMessage:
      'The file path is longer than Windows allows by default (260 characters), so Windows could not create {file}. Turn on long path support, or use a virtual environment in a short folder such as {shortFolder}.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed"; {shortFolder} is an example folder (C:\\venvs)',
  },
  longName: {
    id: 'log.summary.longName',
    defaultMessage:
      'A file or folder name in {file} is longer than the 255 characters Windows allows, even with long paths turned on. Try another version of the package, or install it on Linux or macOS.',
    description:
      '{file} is a quoted path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  virusDetected: {
    id: 'log.summary.virusDetected',
    defaultMessage:
      "A virus scanner blocked {file}, saying it contains a virus. Check the scanner's quarantine before trying again.",
    description: '{file} is a quoted file name or path, or the words "a file it needed"',
  },
  scannerLikely: {
    id: 'log.summary.scannerLikely',
    defaultMessage:
      "A virus scanner most likely blocked {file}, a file pip had just written, while it was checking it. Wait a moment and try again; if it keeps happening, check the scanner's log or quarantine.",
    description: '{file} is a quoted file name or path, or the words "a file it needed"',
  },
  scannerReset: {
    id: 'log.summary.scannerReset',
    defaultMessage:
      "The download was cut off (the connection was reset), and the log names security software that inspects files or network traffic. Such software often breaks pip's downloads: allow Python and pip through it, or pause it briefly, and try again.",
  },
  pipSelfUpgrade: {
    id: 'log.summary.pipSelfUpgrade',
    defaultMessage:
      'pip tried to replace its own program (pip.exe) while it was running, which Windows does not allow. Upgrade pip with "{command}" instead.',
    description: '{command} is the command to type (python -m pip install --upgrade pip)',
  },
  inUse: {
    id: 'log.summary.inUse',
    defaultMessage:
      'Another running program has {file} open, so it could not be replaced. Close the Python programs that use it (a notebook, an editor, a running script) and try again.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  loadedBinary: {
    id: 'log.summary.loadedBinary',
    defaultMessage:
      'A running Python program has loaded {file}, so Windows would not let pip replace it. Close the programs that use this Python (Jupyter, VS Code, a running script) and try again.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  stashBinary: {
    id: 'log.summary.stashBinary',
    defaultMessage:
      'pip had already moved {file} aside to replace it, but could not delete it because a running Python program still has it loaded. Close the programs that use this Python (Jupyter, VS Code, a running script) and try again; administrator rights would not help.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  uninstallStash: {
    id: 'log.summary.uninstallStash',
    defaultMessage:
      'pip could not move {file} aside while replacing it, most likely because a running program still uses it. Close the Python programs that use this environment and try again.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  userFolderDenied: {
    id: 'log.summary.userFolderDenied',
    defaultMessage:
      'Windows refused pip access to {file} in a folder you can normally change. Usually a running Python program holds a file there; a security setting or a virus scanner can also cause it.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  tempFile: {
    id: 'log.summary.tempFile',
    defaultMessage:
      'pip failed on one of its own temporary files, {file}. Something briefly held or blocked it (often a virus scanner or another pip); trying again, or using a different temporary folder, usually helps.',
    description: '{file} is a quoted file name or path, or the words "a file it needed"',
  },
  tempNotOwned: {
    id: 'log.summary.tempNotOwned',
    defaultMessage:
      'pip\'s temporary build folder {folder} belongs to another user (often root, after "{sudoPip}"), so pip cannot build in it. Delete that folder (it only holds leftovers), or set TMPDIR to a folder of your own, and try again.',
    description:
      '{folder} is a quoted folder path; {sudoPip} is the command "sudo pip". TMPDIR is the name of a setting: keep it.',
  },
  tempNotOwnedUnnamed: {
    id: 'log.summary.tempNotOwnedUnnamed',
    defaultMessage:
      'pip\'s temporary build folder belongs to another user (often root, after "{sudoPip}"), so pip cannot build in it. Delete that folder (it only holds leftovers), or set TMPDIR to a folder of your own, and try again.',
    description:
      'The log does not name the folder in a readable way. {sudoPip} is the command "sudo pip". TMPDIR is the name of a setting: keep it.',
  },
  cacheNotOwned: {
    id: 'log.summary.cacheNotOwned',
    defaultMessage:
      'pip\'s folder {file} (or the folder above it) belongs to another user, usually root after an earlier "{sudoPip}", so pip could not use it. Give it back to your own account (for example: {chown} on that folder) and stop using sudo with pip.',
    description:
      '{file} is a quoted folder path, or the words "a file it needed"; {sudoPip} is the command "sudo pip"; {chown} is a command that gives the folder back',
  },
  brokenLauncher: {
    id: 'log.summary.brokenLauncher',
    defaultMessage:
      '{program} could not start: the Python it runs with no longer exists (it was deleted or moved), so its virtual environment is broken. Make the environment again with a Python that exists.',
    description: '{program} is the quoted path of the pip program, or just "pip"',
  },
  noTempDir: {
    id: 'log.summary.noTempDir',
    defaultMessage:
      'Python found no temporary folder it could write to. Make sure TMPDIR (TEMP and TMP on Windows) points to a folder that exists, that you can write to, and whose disk is not full, then try again.',
    description: 'TMPDIR, TEMP and TMP are names of settings: keep them',
  },
  noTempDirTried: {
    id: 'log.summary.noTempDirTried',
    defaultMessage:
      'Python found no temporary folder it could write to (it tried {file} first). Make sure TMPDIR (TEMP and TMP on Windows) points to a folder that exists, that you can write to, and whose disk is not full, then try again.',
    description:
      '{file} is a quoted folder path, or the words "a file it needed". TMPDIR, TEMP and TMP are names of settings: keep them',
  },
  tempDiskFull: {
    id: 'log.summary.tempDiskFull',
    defaultMessage:
      "The disk that holds pip's temporary folder {folder} is full, so pip could not write {file}. Free some space there, or point TMPDIR (TEMP and TMP on Windows) to a folder on a disk with room, and try again.",
    description:
      '{folder} is a quoted folder path; {file} is a quoted file name or path, or the words "a file it needed". TMPDIR, TEMP and TMP are names of settings: keep them',
  },
  tempDiskFullUnnamed: {
    id: 'log.summary.tempDiskFullUnnamed',
    defaultMessage:
      "The disk that holds pip's temporary folder is full, so pip could not write {file}. Free some space there, or point TMPDIR (TEMP and TMP on Windows) to a folder on a disk with room, and try again.",
    description:
      '{file} is a quoted file name or path, or the words "a file it needed". TMPDIR, TEMP and TMP are names of settings: keep them',
  },
  adminFolderBinary: {
    id: 'log.summary.adminFolderBinary',
    defaultMessage:
      'pip could not replace {file}: that folder can only be changed by an administrator (a running program may also be using the file). Installing into a virtual environment avoids both.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  adminFolder: {
    id: 'log.summary.adminFolder',
    defaultMessage:
      'pip could not write {file} because only an administrator may change that folder. Install into a virtual environment, or with --user, instead.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  posixDenied: {
    id: 'log.summary.posixDenied',
    defaultMessage:
      'pip could not write {file} because you are not allowed to change that folder (it belongs to root or another user). Install into a virtual environment, or with --user, instead of using sudo.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  readOnlyFs: {
    id: 'log.summary.readOnlyFs',
    defaultMessage:
      'pip could not write {file} because that folder is on a read-only file system: nobody can change it, so administrator rights (sudo) cannot help. Install into a virtual environment on a writable disk, such as your home folder, instead.',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed", possibly followed by "(part of <package>)"',
  },
  deniedNoPath: {
    id: 'log.summary.deniedNoPath',
    defaultMessage:
      'pip was refused access to a file, but the log does not say which one. A scan of this machine can tell whether the folder is protected or a running program holds it.',
  },
  osError: {
    id: 'log.summary.osError',
    defaultMessage:
      'pip failed with an operating-system error ({code}) that is not about permissions.',
    description: '{code} is the error as printed, such as "WinError 2" or "Errno 22"',
  },
  osErrorUnknown: {
    id: 'log.summary.osErrorUnknown',
    defaultMessage:
      'pip failed with an operating-system error (unknown) that is not about permissions.',
  },
  osErrorOnFile: {
    id: 'log.summary.osErrorOnFile',
    defaultMessage:
      'pip failed with an operating-system error on {file} that is not about permissions. {detail}',
    description:
      '{file} is a quoted file name or path, or the words "a file it needed"; {detail} is a whole sentence saying what the problem is instead',
  },
  nothingMatched: {
    id: 'log.summary.nothingMatched',
    defaultMessage:
      'Nothing in this text matched a known pip error. Paste the full output of the failing pip command, including the lines starting with ERROR.',
    description: 'ERROR is the word pip prints at the start of its error lines: keep it',
  },
  empty: {
    id: 'log.summary.empty',
    defaultMessage: 'The log is empty. Paste the full output of the failing pip command.',
  },
  binary: {
    id: 'log.summary.binary',
    defaultMessage:
      'This file is not a text log (it contains binary data). Save the output of the failing pip command as text, or paste it here.',
  },
});

/** The file a summary names, when the log names none a person could read at a glance. */
export const FILE_PHRASE = defineMessages({
  unnamed: {
    id: 'log.file.unnamed',
    defaultMessage: 'a file it needed',
    description:
      'Stands in a sentence where the file name would be ("pip could not write a file it needed"): the log names no file, or one too long to read',
  },
  partOf: {
    id: 'log.file.partOf',
    defaultMessage: '{file} (part of {package})',
    description:
      'A file and the package it belongs to, inside a longer sentence; {file} is a quoted path or "a file it needed", {package} a package name',
  },
});

/** What a log shows instead of a permission problem; a sentence of its own, or the end of another. */
export const NOT_PERMISSION = defineMessages({
  diskFull: {
    id: 'log.notPermission.diskFull',
    defaultMessage: 'The disk is full: free some space and try again.',
  },
  build: {
    id: 'log.notPermission.build',
    defaultMessage:
      'A package had to be built from source and the build failed (often a missing compiler such as Microsoft C++ Build Tools). This is not a permission problem.',
  },
  noMatch: {
    id: 'log.notPermission.noMatch',
    defaultMessage:
      'pip found no version of the package for this Python. Check the name, and whether the package supports your Python version. This is not a permission problem.',
  },
  tls: {
    id: 'log.notPermission.tls',
    defaultMessage:
      'A secure connection to the package index failed (a certificate problem, often a proxy or firewall). This is not a permission problem.',
  },
  network: {
    id: 'log.notPermission.network',
    defaultMessage:
      'pip could not reach the package index (a network, proxy or firewall problem). This is not a permission problem.',
  },
  conflict: {
    id: 'log.notPermission.conflict',
    defaultMessage:
      'The packages you asked for need versions of other packages that conflict with each other. This is not a permission problem.',
  },
  hash: {
    id: 'log.notPermission.hash',
    defaultMessage:
      'A downloaded file did not match its expected hash. This is not a permission problem.',
  },
  pythonVersion: {
    id: 'log.notPermission.pythonVersion',
    defaultMessage:
      'The package does not support this version of Python. This is not a permission problem.',
  },
  memory: {
    id: 'log.notPermission.memory',
    defaultMessage: 'pip ran out of memory. This is not a permission problem.',
  },
  other: {
    id: 'log.notPermission.other',
    defaultMessage: 'This is not a permission problem.',
  },
});
