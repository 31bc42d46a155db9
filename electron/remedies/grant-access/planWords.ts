import { defineMessages } from '@formatjs/intl';

/**
 * The words of the plans that give the user back the right to change a
 * folder: on Windows a permission (Modify), elsewhere the files' owner.
 * {folders} lists paths ("a and b"), {count} is a number of folders or files.
 */
export const grantPlanWords = defineMessages({
  aclTitle: {
    id: 'plan.grant.acl.title',
    defaultMessage: 'Give your account the right to change {folders}',
    description: '{folders} is one folder path or a list of them.',
  },
  aclStep: {
    id: 'plan.grant.acl.step',
    defaultMessage: 'Save the current permissions, then grant your account Modify',
    description:
      "Modify is the name of the permission in Properties > Security: use Windows' own word.",
  },
  aclChanges: {
    id: 'plan.grant.acl.step.changes',
    defaultMessage:
      "First saves a copy of the permissions of {folders} and everything in {count, plural, one {it} other {them}}, for Undo, in Pip Doctor's folder under ProgramData that only administrators can change. Then lets your account create, change and delete files in {folders} and everything below (Modify, inherited by new files).",
    description: '{folders} lists the folder paths, {count} is how many there are.',
  },
  aclSharedWarning: {
    id: 'plan.grant.acl.warning.shared',
    defaultMessage:
      '{count, plural, one {{folders} is shared by every account on this computer; after this, programs you run can change it too.} other {{folders} are shared by every account on this computer; after this, programs you run can change them too.}} A virtual environment avoids that.',
    description: '{folders} lists the folder paths, {count} is how many there are.',
  },
  skippedWarning: {
    id: 'plan.grant.owner.warning.skipped',
    defaultMessage: '{path} is left as it is: {reason}.',
    description:
      '{path} is a file; {reason} says why it is not changed (from the system check, in English).',
  },
  ownerTitle: {
    id: 'plan.grant.owner.title',
    defaultMessage:
      'Hand back {count, plural, one {# file} other {# files}} in {folder} that belong to someone else',
    description:
      'Title of a fix plan that makes the user the owner of files again. {folder} is a path.',
  },
  sudoTitle: {
    id: 'plan.grant.owner.sudoTitle',
    defaultMessage: 'Hand back {count, plural, one {# file} other {# files}} in {folder}',
    description:
      'Title of a plan that shows a sudo command instead of running it. {folder} is a path.',
  },
  cannotItself: {
    id: 'plan.grant.owner.cannotItself',
    defaultMessage: 'Pip Doctor cannot do this itself: {reason}.',
    description:
      '{reason} says why a system program cannot be used (from the system check, in English).',
  },
  recordStep: {
    id: 'plan.grant.owner.step.record',
    defaultMessage: 'Write down who owns each file now',
  },
  chownStep: { id: 'plan.grant.owner.step.chown', defaultMessage: 'Make the files yours' },
  chownChanges: {
    id: 'plan.grant.owner.step.chown.changes',
    defaultMessage:
      'Makes you the owner of {count, plural, one {# file} other {# files}} in {folder}. A file that was replaced, moved or mounted over since this scan is left as it is.',
  },
  undoAclNotRecorded: {
    id: 'plan.grant.undo.acl.notRecorded',
    defaultMessage: 'The saved permissions were not recorded, so they cannot be put back.',
  },
  undoAclStep: { id: 'plan.grant.undo.acl.step', defaultMessage: 'Put the saved permissions back' },
  undoAclChanges: {
    id: 'plan.grant.undo.acl.changes',
    defaultMessage:
      'Checks that the permissions saved before access was granted are unchanged, then restores them exactly as they were.',
  },
  undoOwnersNotRecorded: {
    id: 'plan.grant.undo.owner.notRecorded',
    defaultMessage: 'The former owners were not recorded, so the files stay yours.',
  },
  undoOutsideHome: {
    id: 'plan.grant.undo.owner.outsideHome',
    defaultMessage:
      '{folder} is not a folder inside your home folder ({home}), so Pip Doctor will not change owners there; the files stay as they are.',
  },
  undoNoHelper: {
    id: 'plan.grant.undo.owner.noHelper',
    defaultMessage: '{reason}, so the files stay yours.',
    description:
      '{reason} says why the system Python cannot be used (a sentence from the system check, in English).',
  },
  undoToRoot: {
    id: 'plan.grant.undo.owner.toRoot',
    defaultMessage: 'Give {count, plural, one {# file} other {# files}} back to root',
    description: 'root is the name of the administrator account on Linux and macOS; keep it.',
  },
  undoToOwner: {
    id: 'plan.grant.undo.owner.toOwner',
    defaultMessage: 'Give {count, plural, one {# file} other {# files}} back to uid:gid {owner}',
    description: '{owner} is a user and group number pair such as 1001:1001.',
  },
  undoToFormerOwners: {
    id: 'plan.grant.undo.owner.toFormer',
    defaultMessage:
      'Give {count, plural, one {# file} other {# files}} back to their former owners',
  },
  undoOwnerChanges: {
    id: 'plan.grant.undo.owner.changes',
    defaultMessage:
      '{count, plural, one {Makes the file belong again to the owner recorded before the change ({owners}).} other {Makes each of # files belong again to the owner recorded before the change ({owners}).}}',
    description: '{owners} lists user and group numbers such as 0:0.',
  },
});
