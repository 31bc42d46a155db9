import { defineMessages } from '@formatjs/intl';

/**
 * The Markdown report's own words (issue #17). Markdown marks (`#`, `-`,
 * `**`) stay outside the messages; the values arrive already made inert
 * for Markdown (paths and commands as code), so translators only move them.
 */
export const REPORT_WORDS = defineMessages({
  title: {
    id: 'report.title',
    defaultMessage: '{app} report',
    description: 'The report’s top heading; {app} is the app’s name (Pip Doctor)',
  },
  appLine: {
    id: 'report.header.app',
    defaultMessage: 'App: {app} {version} on {platform}',
    description: '{platform} is an id (win32, darwin, linux), not translated',
  },
  scannedLine: {
    id: 'report.header.scanned',
    defaultMessage: 'Scanned: {time} on {platform}',
    description: '{time} is an ISO date and time; {platform} is an id (win32, darwin, linux)',
  },
  userLine: {
    id: 'report.header.user',
    defaultMessage:
      'User: {user}, {elevated, select, yes {elevated (administrator or root)} other {not elevated}}',
    description: '{user} is the account name (or <user> when hidden)',
  },
  userWithUidLine: {
    id: 'report.header.userWithUid',
    defaultMessage:
      'User: {user} (uid {uid}), {elevated, select, yes {elevated (administrator or root)} other {not elevated}}',
    description: '{user} is the account name; {uid} its numeric user id on Linux/macOS',
  },
  settingsLine: {
    id: 'report.header.settings',
    defaultMessage:
      'Long paths: {longPaths, select, on {on} off {off} other {unknown}}; Controlled Folder Access: {folderAccess, select, on {on} off {off} other {unknown}}; can elevate: {canElevate, select, yes {yes} no {no} other {unknown}}',
    description: 'Windows settings: long paths enabled, Controlled folder access, UAC available',
  },
  redacted: {
    id: 'report.header.redacted',
    defaultMessage: 'The user name and home folder are shown as {placeholder}.',
    description: '{placeholder} is the literal text <user> that replaces them',
  },
  foundHeading: { id: 'report.found.heading', defaultMessage: 'What was found' },
  causeLabel: {
    id: 'report.found.cause',
    defaultMessage: 'Cause:',
    description: 'Label before the cause id (permission, lock, …), shown in bold',
  },
  noCause: {
    id: 'report.found.noCause',
    defaultMessage: 'none found',
    description: 'After "Cause:" when no cause was found',
  },
  alsoNoticed: {
    id: 'report.found.alsoNoticed',
    defaultMessage: 'Also noticed:',
    description: 'Bold label before a list of other things the scan noticed',
  },
  logHeading: { id: 'report.log.heading', defaultMessage: 'The pip error' },
  noLog: { id: 'report.log.none', defaultMessage: 'No pip log was given.' },
  category: {
    id: 'report.log.category',
    defaultMessage:
      'Category: {category} (confidence: {confidence, select, high {high} medium {medium} other {low}})',
    description: '{category} is the cause id (permission, lock, …), not translated',
  },
  error: {
    id: 'report.log.error',
    defaultMessage: 'Error: {code}',
    description: '{code} is the error code from the log, e.g. WinError 32',
  },
  path: { id: 'report.log.path', defaultMessage: 'Path: {path}' },
  secondPath: {
    id: 'report.log.secondPath',
    defaultMessage: 'Second path: {path}',
    description: 'The second file of a rename or move that failed',
  },
  youRan: {
    id: 'report.log.youRan',
    defaultMessage: 'You ran: {command}',
    description: '{command} is the pip command the user ran',
  },
  owner: {
    id: 'report.log.owner',
    defaultMessage: 'The failing file belongs to: {package}',
    description: '{package} is a Python package name',
  },
  ownerDependency: {
    id: 'report.log.ownerDependency',
    defaultMessage: 'The failing file belongs to: {package}, which {requested} needs',
    description: '{package} is a dependency of {requested}, the package the user asked for',
  },
  alternatives: {
    id: 'report.log.alternatives',
    defaultMessage: 'Other possible causes: {causes}',
    description: '{causes} is a list of cause ids (lock, antivirus, …)',
  },
  summary: { id: 'report.log.summary', defaultMessage: 'Summary: {summary}' },
  evidence: {
    id: 'report.log.evidence',
    defaultMessage: 'The lines that decided it:',
    description: 'Before the lines of the pip log that show the cause',
  },
  pipHeading: { id: 'report.pip.heading', defaultMessage: 'Which Python pip uses' },
  notOnPath: {
    id: 'report.pip.notOnPath',
    defaultMessage: '{command}: not on PATH',
    description: '{command} is pip, pip3, python, …',
  },
  unidentified: {
    id: 'report.pip.unidentified',
    defaultMessage: 'an interpreter that could not be identified',
    description: 'What a command on PATH runs, when it is not a known Python',
  },
  target: {
    id: 'report.pip.target',
    defaultMessage: 'pip most likely installs into {install}.',
    description: '{install} reads like "Python 3.12.4, per-user at C:\\…\\python.exe"',
  },
  noTarget: {
    id: 'report.pip.noTarget',
    defaultMessage: 'Which Python pip installs into could not be decided.',
  },
  installsHeading: {
    id: 'report.installs.heading',
    defaultMessage: 'Python installs ({count})',
  },
  installTitleTarget: {
    id: 'report.installs.titleTarget',
    defaultMessage: '{title} (pip installs here)',
    description: '{title} reads like "Python 3.12.4, per-user"',
  },
  installTitle: {
    id: 'report.installs.title',
    defaultMessage: 'Python {version}, {kind}',
    description: '{kind} is an id (system, per-user, venv, store, …), not translated',
  },
  installTitleNoVersion: {
    id: 'report.installs.titleNoVersion',
    defaultMessage: 'Python (version unknown), {kind}',
    description: '{kind} is an id (system, per-user, venv, store, …), not translated',
  },
  installAt: {
    id: 'report.installs.at',
    defaultMessage: '{title} at {path}',
    description: '{title} reads like "Python 3.12.4, per-user"; {path} is its python executable',
  },
  installPath: { id: 'report.installs.path', defaultMessage: 'Path: {path}' },
  reachedAs: {
    id: 'report.installs.reachedAs',
    defaultMessage: 'Reached as: {names}',
    description: '{names} lists other paths or commands that start the same Python',
  },
  prefix: {
    id: 'report.installs.prefix',
    defaultMessage: 'Prefix: {path}',
    description: 'Python’s sys.prefix folder',
  },
  statusOk: { id: 'report.installs.statusOk', defaultMessage: 'Status: ok' },
  statusOkDetail: {
    id: 'report.installs.statusOkDetail',
    defaultMessage: 'Status: ok ({detail})',
  },
  statusBroken: {
    id: 'report.installs.statusBroken',
    defaultMessage: 'Status: {status}: {detail}',
    description: '{status} is an id (broken, not-python, …), not translated',
  },
  noDetail: { id: 'report.installs.noDetail', defaultMessage: 'no detail' },
  pipVersion: {
    id: 'report.installs.pipVersion',
    defaultMessage: 'pip: {version}',
    description: 'The pip version of this Python',
  },
  pipMissing: { id: 'report.installs.pipMissing', defaultMessage: 'pip: not installed' },
  externallyManaged: {
    id: 'report.installs.externallyManaged',
    defaultMessage: 'Externally managed (PEP 668): yes',
  },
  leftovers: {
    id: 'report.installs.leftovers',
    defaultMessage: 'Left behind by an interrupted pip run:',
  },
  leftover: {
    id: 'report.installs.leftover',
    defaultMessage: '{kind}: {path}',
    description: '{kind} is an id (stash-folder, deleteme-file), not translated',
  },
  leftoverOfPackage: {
    id: 'report.installs.leftoverOfPackage',
    defaultMessage: '{kind}: {path} (package {package})',
    description: '{kind} is an id (stash-folder, deleteme-file); {package} a package name',
  },
  foldersNone: {
    id: 'report.folders.none',
    defaultMessage: 'Folders pip writes to: none reported',
  },
  foldersAll: {
    id: 'report.folders.all',
    defaultMessage: 'Folders pip writes to: all {count} writable',
  },
  foldersSome: {
    id: 'report.folders.some',
    defaultMessage: 'Folders pip writes to: {writable} of {count} writable',
  },
  folderBlocked: {
    id: 'report.folders.blocked',
    defaultMessage:
      '{role} {path} {state, select, notWritable {not writable} other {could not be checked}}: {reason}',
    description: '{role} is an id (purelib, scripts, …); {reason} says why, in a sentence',
  },
  folderWithFacts: {
    id: 'report.folders.withFacts',
    defaultMessage: '{folder} ({facts})',
    description: '{folder} is the line about a folder; {facts} its owner and mode',
  },
  factsOwnerMode: {
    id: 'report.folders.ownerMode',
    defaultMessage: 'owner {owner}, mode {mode}',
    description: 'A folder’s owner account and its permission bits (755 (rwxr-xr-x))',
  },
  factsOwner: { id: 'report.folders.owner', defaultMessage: 'owner {owner}' },
  factsMode: {
    id: 'report.folders.mode',
    defaultMessage: 'mode {mode}',
    description: 'A folder’s permission bits, e.g. 755 (rwxr-xr-x)',
  },
  noReason: { id: 'report.folders.noReason', defaultMessage: 'no reason given' },
  aclEntry: {
    id: 'report.folders.acl',
    defaultMessage:
      '{type, select, allow {allow} deny {deny} other {{type}}} {principal}: {rights}{inherited, select, yes { (inherited)} other {}}',
    description: 'One Windows permission entry: allow/deny, the account, its rights (write, …)',
  },
  processesHeading: {
    id: 'report.processes.heading',
    defaultMessage: 'Programs holding Python files',
  },
  noHolders: {
    id: 'report.processes.none',
    defaultMessage: 'No running program holds files of the inspected installs.',
  },
  holders: {
    id: 'report.processes.holders',
    defaultMessage:
      '{count, plural, one {# running program holds} other {# running programs hold}} files of the inspected installs.',
  },
  moreProcesses: {
    id: 'report.processes.more',
    defaultMessage:
      '…and {count, plural, one {# more running Python program} other {# more running Python programs}}.',
  },
  process: {
    id: 'report.processes.process',
    defaultMessage:
      'pid {pid}{hasStarter, select, yes {, started by {starter}} other {}}{hasUser, select, yes {, user {user}{otherUser, select, yes { (another user)} other {}}} other {}}, running since {since}',
    description:
      'One running program: {pid} its process id; {starter} the program that started it (VS Code, …); {user} its account; {since} an ISO time',
  },
  commandLine: { id: 'report.processes.commandLine', defaultMessage: 'Command line: {command}' },
  startedFrom: {
    id: 'report.processes.startedFrom',
    defaultMessage: 'Started from: {chain}',
    description: '{chain} is the parent programs, joined by arrows',
  },
  parent: {
    id: 'report.processes.parent',
    defaultMessage: '{name} (pid {pid})',
    description: 'A parent program and its process id',
  },
  holds: {
    id: 'report.processes.holds',
    defaultMessage: 'Holds:',
    description: 'Before the list of files a program keeps open',
  },
  moreFiles: {
    id: 'report.processes.moreFiles',
    defaultMessage: '…and {count, plural, one {# more file} other {# more files}}',
  },
  remediesHeading: { id: 'report.remedies.heading', defaultMessage: 'Remedies, best first' },
  noRemedy: {
    id: 'report.remedies.none',
    defaultMessage: 'No remedy applies to what was found.',
  },
  remedyFor: {
    id: 'report.remedies.for',
    defaultMessage: 'For {install}.',
    description: '{install} reads like "Python 3.12.4, per-user at C:\\…\\python.exe"',
  },
  wouldNotHelp: {
    id: 'report.remedies.wouldNotHelp',
    defaultMessage: 'Would not help here',
    description: 'Heading of the fixes that do not apply to this machine',
  },
  gapsHeading: { id: 'report.gaps.heading', defaultMessage: 'What could not be inspected' },
  noGaps: { id: 'report.gaps.none', defaultMessage: 'Everything was inspected.' },
});
