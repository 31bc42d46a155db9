import { defineMessages } from '@formatjs/intl';

/**
 * The names of access rights, as Windows' Properties > Security tab and its
 * Advanced permissions show them in the user's language. English keeps the
 * lower-case words the explanations have always used.
 */
export const RIGHTS_WORDS = defineMessages({
  fullControl: {
    id: 'platform.rights.fullControl',
    defaultMessage: 'full control',
    description:
      'A Windows permission, as on Properties > Security ("Full control"); shown in a table cell and inside sentences',
  },
  modify: {
    id: 'platform.rights.modify',
    defaultMessage: 'modify',
    description: 'A Windows permission, as on Properties > Security ("Modify")',
  },
  readAndExecute: {
    id: 'platform.rights.readAndExecute',
    defaultMessage: 'read and execute',
    description: 'A Windows permission, as on Properties > Security ("Read & execute")',
  },
  read: {
    id: 'platform.rights.read',
    defaultMessage: 'read',
    description: 'A Windows permission, as on Properties > Security ("Read")',
  },
  write: {
    id: 'platform.rights.write',
    defaultMessage: 'write',
    description: 'A Windows permission, as on Properties > Security ("Write")',
  },
  listContents: {
    id: 'platform.rights.listContents',
    defaultMessage: 'list contents',
    description: 'An advanced Windows permission ("List folder / read data")',
  },
  createFiles: {
    id: 'platform.rights.createFiles',
    defaultMessage: 'create files',
    description: 'An advanced Windows permission ("Create files / write data")',
  },
  createFolders: {
    id: 'platform.rights.createFolders',
    defaultMessage: 'create folders',
    description: 'An advanced Windows permission ("Create folders / append data")',
  },
  readExtendedAttributes: {
    id: 'platform.rights.readExtendedAttributes',
    defaultMessage: 'read extended attributes',
    description: 'An advanced Windows permission ("Read extended attributes")',
  },
  writeExtendedAttributes: {
    id: 'platform.rights.writeExtendedAttributes',
    defaultMessage: 'write extended attributes',
    description: 'An advanced Windows permission ("Write extended attributes")',
  },
  traverse: {
    id: 'platform.rights.traverse',
    defaultMessage: 'traverse',
    description: 'An advanced Windows permission ("Traverse folder / execute file")',
  },
  deleteChildren: {
    id: 'platform.rights.deleteChildren',
    defaultMessage: 'delete subfolders and files',
    description: 'An advanced Windows permission ("Delete subfolders and files")',
  },
  readAttributes: {
    id: 'platform.rights.readAttributes',
    defaultMessage: 'read attributes',
    description: 'An advanced Windows permission ("Read attributes")',
  },
  writeAttributes: {
    id: 'platform.rights.writeAttributes',
    defaultMessage: 'write attributes',
    description: 'An advanced Windows permission ("Write attributes")',
  },
  delete: {
    id: 'platform.rights.delete',
    defaultMessage: 'delete',
    description: 'An advanced Windows permission ("Delete")',
  },
  readPermissions: {
    id: 'platform.rights.readPermissions',
    defaultMessage: 'read permissions',
    description: 'An advanced Windows permission ("Read permissions")',
  },
  changePermissions: {
    id: 'platform.rights.changePermissions',
    defaultMessage: 'change permissions',
    description: 'An advanced Windows permission ("Change permissions")',
  },
  takeOwnership: {
    id: 'platform.rights.takeOwnership',
    defaultMessage: 'take ownership',
    description: 'An advanced Windows permission ("Take ownership")',
  },
  none: {
    id: 'platform.rights.none',
    defaultMessage: 'no rights',
    description: 'An access entry that gives no right that matters for files (only "Synchronize")',
  },
  several: {
    id: 'platform.rights.several',
    defaultMessage: '{rights}',
    description:
      'Several Windows permissions of one entry, already joined as a list ("write, delete and read permissions"): keep it as {rights}',
  },
});
