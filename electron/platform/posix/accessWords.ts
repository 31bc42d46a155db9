import { defineMessages } from '@formatjs/intl';

/**
 * Why a folder refuses pip, on macOS and Linux. {which} is "that" when the
 * sentence is about the existing folder pip would create the missing one in
 * (after platform.access.missingFolder), else "this". Owners and groups are
 * account names, modes octal numbers, codes the system's error codes.
 */
export const accessWords = defineMessages({
  withIntro: {
    id: 'platform.access.withIntro',
    defaultMessage: '{intro} {reason}',
    description:
      'Two sentences in a row: the folder does not exist yet, then why its parent refuses',
  },
  missingFolder: {
    id: 'platform.access.missingFolder',
    defaultMessage: 'This folder does not exist yet; pip would create it inside {parent}.',
    description: '{parent} is a folder',
  },
  readOnlyMount: {
    id: 'platform.access.readOnlyMount',
    defaultMessage:
      '{which, select, that {That folder} other {This folder}} is on a read-only file system: {mount} is mounted read-only ({fsType}); no one can change it, administrators (root) included.',
    description: '{mount} is a mount point (a folder), {fsType} a file system type (ext4, nfs)',
  },
  readOnly: {
    id: 'platform.access.readOnly',
    defaultMessage:
      '{which, select, that {That folder} other {This folder}} is on a read-only file system ({code}); no one can change it, administrators (root) included.',
  },
  rootRefused: {
    id: 'platform.access.rootRefused',
    defaultMessage:
      'Even root cannot change {which, select, that {that folder} other {this folder}} ({code}): it may be marked immutable (chattr +i on Linux, chflags on macOS), protected by the system (System Integrity Protection on macOS), or on a network share that does not trust root (root_squash).',
  },
  ownerNoWrite: {
    id: 'platform.access.ownerNoWrite',
    defaultMessage:
      'You own {which, select, that {that folder} other {this folder}}, but its write permission is turned off (mode {mode}).',
  },
  ownerNoSearch: {
    id: 'platform.access.ownerNoSearch',
    defaultMessage:
      'You own {which, select, that {that folder} other {this folder}}, but its search (x) permission is turned off, so nothing can be created in it (mode {mode}).',
  },
  groupReadOnly: {
    id: 'platform.access.groupReadOnly',
    defaultMessage:
      'Only {owner} can change {which, select, that {that folder} other {this folder}} (owned by {owner}, group {group}, mode {mode}); you are {you}, in group {group}, which may only read it.',
    description: '{you} is the user as "ana (uid 1000)"',
  },
  ownerAndGroupOnly: {
    id: 'platform.access.ownerAndGroupOnly',
    defaultMessage:
      'Only {owner} and members of group {group} can change {which, select, that {that folder} other {this folder}} (owned by {owner}, group {group}, mode {mode}); you are {you}, not in group {group}.',
    description: '{you} is the user as "ana (uid 1000)"',
  },
  ownerOnly: {
    id: 'platform.access.ownerOnly',
    defaultMessage:
      'Only {owner} can change {which, select, that {that folder} other {this folder}} (owned by {owner}, mode {mode}); you are {you}.',
    description: '{you} is the user as "ana (uid 1000)"',
  },
  noSearch: {
    id: 'platform.access.noSearch',
    defaultMessage:
      '{which, select, that {That folder} other {This folder}} lets you write but not search it (owned by {owner}, mode {mode}), so nothing can be created in it; you are {you}.',
  },
  refused: {
    id: 'platform.access.refused',
    defaultMessage:
      '{facts, select, none {The permissions of {which, select, that {that folder} other {this folder}} would let you write to it, but the system refused ({code}): an access control list, an SELinux or AppArmor rule, or a flag such as immutable may forbid it.} mine {The permissions of {which, select, that {that folder} other {this folder}} (owned by you, mode {mode}) would let you write to it, but the system refused ({code}): an access control list, an SELinux or AppArmor rule, or a flag such as immutable may forbid it.} other {The permissions of {which, select, that {that folder} other {this folder}} (owned by {owner}, mode {mode}) would let you write to it, but the system refused ({code}): an access control list, an SELinux or AppArmor rule, or a flag such as immutable may forbid it.}}',
    description: 'facts says which facts are known: none, mine (the user owns it) or other',
  },
  unreachable: {
    id: 'platform.access.unreachable',
    defaultMessage:
      '{you, select, none {You cannot reach this folder: {above} does not let you look inside it (owned by {owner}, mode {mode}).} other {You cannot reach this folder: {above} does not let you look inside it (owned by {owner}, mode {mode}); you are {you}.}}',
    description: '{above} is a folder; {you} the user as "ana (uid 1000)", or "none"',
  },
  unreachableUnknown: {
    id: 'platform.access.unreachableUnknown',
    defaultMessage: 'You cannot reach this folder: a folder above it does not let you look inside.',
  },
  cannotDelete: {
    id: 'platform.access.cannotDelete',
    defaultMessage:
      'Pip Doctor could create a file in {which, select, that {that folder} other {this folder}} but not delete it again ({code}), and pip has to delete files to upgrade or remove packages; an append-only or immutable flag, or a security tool, may be the cause. Please delete the test file it left there: {file}',
  },
  isFile: {
    id: 'platform.access.isFile',
    defaultMessage:
      '{use, select, yes {{path} is a file, not a folder, so pip cannot use it.} other {{path} is a file, not a folder, so pip cannot create this folder below it.}}',
  },
  loop: {
    id: 'platform.access.loop',
    defaultMessage:
      'The path of {which, select, that {that folder} other {this folder}} runs in a loop of symbolic links (ELOOP), so it cannot be used.',
  },
  nameTooLong: {
    id: 'platform.access.nameTooLong',
    defaultMessage:
      'A name in the path of {which, select, that {that folder} other {this folder}} is longer than the file system allows (ENAMETOOLONG).',
  },
  diskFull: {
    id: 'platform.access.diskFull',
    defaultMessage:
      'The disk holding {which, select, that {that folder} other {this folder}} is full (ENOSPC), so nothing can be written there.',
  },
  quota: {
    id: 'platform.access.quota',
    defaultMessage:
      'You have used up your disk quota on the disk holding {which, select, that {that folder} other {this folder}} (EDQUOT).',
  },
  nothingExists: {
    id: 'platform.access.nothingExists',
    defaultMessage: 'Neither this folder nor any folder above it exists.',
  },
  noFreeName: {
    id: 'platform.access.noFreeName',
    defaultMessage:
      'Could not find an unused name for the test file in {which, select, that {that folder} other {this folder}} after 10 tries (EEXIST).',
  },
  undecided: {
    id: 'platform.access.undecided',
    defaultMessage:
      'Could not find out whether {which, select, that {that folder} other {this folder}} can be changed ({code}).',
  },
  foreign: {
    id: 'platform.access.foreign',
    defaultMessage:
      '{atLeast, select, yes {{count, plural, one {You can add new files here, but at least # file or folder inside belongs to {owner}{bySudo, select, yes {, left by an earlier `sudo pip`} other {}}, so pip cannot upgrade or remove what is in {paths}{rest, plural, =0 {} other { and # more}}.} other {You can add new files here, but at least # files and folders inside belong to {owner}{bySudo, select, yes {, left by an earlier `sudo pip`} other {}}, so pip cannot upgrade or remove what is in {paths}{rest, plural, =0 {} other { and # more}}.}}} other {{count, plural, one {You can add new files here, but # file or folder inside belongs to {owner}{bySudo, select, yes {, left by an earlier `sudo pip`} other {}}, so pip cannot upgrade or remove what is in {paths}{rest, plural, =0 {} other { and # more}}.} other {You can add new files here, but # files and folders inside belong to {owner}{bySudo, select, yes {, left by an earlier `sudo pip`} other {}}, so pip cannot upgrade or remove what is in {paths}{rest, plural, =0 {} other { and # more}}.}}}}',
    description:
      '{owner} is an account name (root) or "another user"; {paths} are the first few folders, comma-separated; {rest} how many more there are',
  },
  anotherUser: {
    id: 'platform.access.anotherUser',
    defaultMessage: 'another user',
  },
});
