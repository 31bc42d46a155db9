import { defineMessages } from '@formatjs/intl';

/**
 * The sentences that explain why pip may not change a Windows folder. Paths,
 * error codes and account names as Windows shows them (Administrators,
 * Users, SYSTEM: from the access list) are values and stay as they are.
 */
export const WINDOWS_ACCESS_WORDS = defineMessages({
  sentences: {
    id: 'platform.windowsAccess.sentences',
    defaultMessage: '{sentences}',
    description:
      'Several sentences of one explanation, each already in your language and joined as your language writes sentences: keep it as {sentences}',
  },
  notThereYet: {
    id: 'platform.windowsAccess.notThereYet',
    defaultMessage: 'This folder does not exist yet; pip would create it inside {parent}.',
    description: '{parent} is the nearest folder above that exists (a path)',
  },
  readOnlyDrive: {
    id: 'platform.windowsAccess.readOnlyDrive',
    defaultMessage:
      '{path} is on a read-only drive (write-protected); no one can change it, administrators included.',
    description: '{path} is a folder',
  },
  listUnreadable: {
    id: 'platform.windowsAccess.listUnreadable',
    defaultMessage:
      'Windows refused to let you create files in {path} ({code}), and its access list could not be read to say why: {why}.',
    description:
      '{path} is a folder, {code} an error code (EPERM), {why} the error Windows gave when asked for the access list (often in English) or the next message',
  },
  listNotRead: {
    id: 'platform.windowsAccess.listNotRead',
    defaultMessage: 'it was not read',
    description:
      'Why the access list is missing when no error says more; ends the sentence "…could not be read to say why: {why}."',
  },
  onlyTheyRefused: {
    id: 'platform.windowsAccess.onlyTheyRefused',
    defaultMessage:
      'Only {writers} may change {path}; Windows refused to let you create files there ({code}).',
    description:
      '{writers} is a list of account names as Windows shows them (Administrators, SYSTEM), {path} a folder, {code} an error code (EPERM)',
  },
  noOneRefused: {
    id: 'platform.windowsAccess.noOneRefused',
    defaultMessage:
      'No one is given the right to change {path}; Windows refused to let you create files there ({code}).',
    description: '{path} is a folder, {code} an error code (EPERM)',
  },
  notGranted: {
    id: 'platform.windowsAccess.notGranted',
    defaultMessage: '{whoMay}; {yourPart}.',
    description:
      'One sentence of two halves: {whoMay} says who may change the folder ("Only Administrators may change C:\\…"), {yourPart} what the user may do ("you are in Users, who may only read it")',
  },
  onlyTheyMay: {
    id: 'platform.windowsAccess.onlyTheyMay',
    defaultMessage:
      'Only {writers} may change {path}{inherited, select, yes { (rights inherited from the folders above)} other {}}',
    description:
      'First half of a sentence. {writers} is a list of account names as Windows shows them (Administrators, SYSTEM), {path} a folder',
  },
  noOneMay: {
    id: 'platform.windowsAccess.noOneMay',
    defaultMessage: 'No one is given the right to create files in {path}',
    description: 'First half of a sentence; {path} is a folder',
  },
  noGroupOfYours: {
    id: 'platform.windowsAccess.noGroupOfYours',
    defaultMessage: 'none of the groups you are in is given any right there',
    description: 'Second half of a sentence, after who may change the folder',
  },
  onlyYourRights: {
    id: 'platform.windowsAccess.onlyYourRights',
    defaultMessage: 'you are given only {rights} there',
    description:
      'Second half of a sentence, after who may change the folder. {rights} are permission names ("read and execute")',
  },
  yourGroupsRead: {
    id: 'platform.windowsAccess.yourGroupsRead',
    defaultMessage:
      'you are in {groups}, {count, plural, one {who} other {who together}} may only read it',
    description:
      'Second half of a sentence, after who may change the folder. {groups} is a list of account names as Windows shows them (Users), {count} how many',
  },
  yourGroupsRights: {
    id: 'platform.windowsAccess.yourGroupsRights',
    defaultMessage:
      'you are in {groups}, {count, plural, one {who} other {who together}} may only {rights} there',
    description:
      'Second half of a sentence, after who may change the folder. {groups} is a list of account names (Users), {count} how many, {rights} permission names ("read and execute and create folders")',
  },
  notElevated: {
    id: 'platform.windowsAccess.notElevated',
    defaultMessage:
      'You are an administrator, but programs you start run without your administrator rights until you approve a User Account Control prompt.',
  },
  notAdministrator: {
    id: 'platform.windowsAccess.notAdministrator',
    defaultMessage: 'You are not an administrator on this computer.',
  },
  denyEntry: {
    id: 'platform.windowsAccess.denyEntry',
    defaultMessage:
      'A deny entry on {path} forbids {whom, select, you {you ({name})} member {{name}, a group you are in,} other {{name}, a group your account belongs to even when it does not use its rights,}} to {rights}.',
    description:
      '{path} is a folder, {name} the account or group the entry names as Windows shows it, {rights} permission names ("write and delete")',
  },
  denyOrigin: {
    id: 'platform.windowsAccess.denyOrigin',
    defaultMessage:
      '{origin, select, inherited {It is inherited from a folder above} other {It is set on this folder itself, not inherited}}.',
    description: 'Where the deny entry of the sentence before comes from',
  },
  denyOriginOutweighs: {
    id: 'platform.windowsAccess.denyOriginOutweighs',
    defaultMessage:
      '{origin, select, inherited {It is inherited from a folder above} other {It is set on this folder itself, not inherited}}, and it outweighs the {rights} you are given through {source, select, own {your own entry} other {{name}}}.',
    description:
      'Where the deny entry of the sentence before comes from, and which allowed rights it beats. {rights} are permission names ("modify"), {name} a group as Windows shows it (Users)',
  },
  grantedYetRefused: {
    id: 'platform.windowsAccess.grantedYetRefused',
    defaultMessage:
      'The access list of {path} lets you create files there (through {through}), yet Windows refused ({code}): a security program such as an antivirus, or a file held open inside the folder, may be the cause.',
    description:
      '{path} is a folder, {through} the entries that allow it (account names, or "your own entry"), {code} an error code (EPERM)',
  },
  grantedYetControlled: {
    id: 'platform.windowsAccess.grantedYetControlled',
    defaultMessage:
      'The access list of {path} lets you create files there (through {through}), yet Windows refused ({code}). Controlled Folder Access is on: it stops programs it does not trust from changing protected folders (Documents, Desktop, Pictures and the folders added to it), whatever the access list says.',
    description:
      '{path} is a folder, {through} the entries that allow it (account names, or "your own entry"), {code} an error code. Use Windows Security\'s name for Controlled folder access',
  },
  yourOwnEntry: {
    id: 'platform.windowsAccess.yourOwnEntry',
    defaultMessage: 'your own entry',
    description: 'An access-list entry that names the user themself, in a list of entries',
  },
  cannotDelete: {
    id: 'platform.windowsAccess.cannotDelete',
    defaultMessage:
      'Pip Doctor could create a file in {path} but not delete it again ({code}), and pip has to delete files to upgrade or remove packages.',
    description: '{path} is a folder, {code} an error code (EPERM)',
  },
  addNotDelete: {
    id: 'platform.windowsAccess.addNotDelete',
    defaultMessage:
      'The access list gives you {rights} there: enough to add files, not to delete them.',
    description: '{rights} are permission names ("write and read permissions")',
  },
  deleteTestFile: {
    id: 'platform.windowsAccess.deleteTestFile',
    defaultMessage: 'Please delete the test file it left there: {file}',
    description: '{file} is the path of the test file Pip Doctor left behind',
  },
  storePython: {
    id: 'platform.windowsAccess.storePython',
    defaultMessage:
      "It is the Microsoft Store's package of Python, which Windows keeps read-only for everyone, administrators included.",
  },
  readOnlyIgnored: {
    id: 'platform.windowsAccess.readOnlyIgnored',
    defaultMessage:
      'Its read-only attribute is set, but Windows ignores that attribute on folders, so it is not the reason.',
  },
  fileInTheWay: {
    id: 'platform.windowsAccess.fileInTheWay',
    defaultMessage:
      '{path} is a file, not a folder, so pip cannot {same, select, yes {use it} other {create this folder below it}}.',
    description: '{path} is the path of a file where pip expects a folder',
  },
  nothingExists: {
    id: 'platform.windowsAccess.nothingExists',
    defaultMessage: 'Neither this folder nor any folder above it exists.',
  },
  pathTooLong: {
    id: 'platform.windowsAccess.pathTooLong',
    defaultMessage:
      'The path of this folder is longer than Windows allows here ({limit} characters, unless long paths are enabled).',
    description: '{limit} is a number (260)',
  },
  diskFull: {
    id: 'platform.windowsAccess.diskFull',
    defaultMessage: 'The disk holding this folder is full, so nothing can be written there.',
  },
  noUnusedName: {
    id: 'platform.windowsAccess.noUnusedName',
    defaultMessage:
      'Could not find an unused name for the test file in this folder after {tries, plural, one {# try} other {# tries}}.',
  },
  undecided: {
    id: 'platform.windowsAccess.undecided',
    defaultMessage: 'Could not find out whether this folder can be changed ({code}).',
    description: '{code} is an error code (ETIMEDOUT)',
  },
});
