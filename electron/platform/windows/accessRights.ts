/**
 * File-system access masks in plain words, and the bits pip needs. Values
 * from .NET's FileSystemRights and the generic rights (windows-probes.md
 * §2.1); masks arrive unsigned.
 */

export const RIGHT = {
  readData: 0x1,
  /** On a folder: create files in it. */
  addFile: 0x2,
  /** On a folder: create folders in it. */
  addSubfolder: 0x4,
  readExtendedAttributes: 0x8,
  writeExtendedAttributes: 0x10,
  traverse: 0x20,
  deleteChild: 0x40,
  readAttributes: 0x80,
  writeAttributes: 0x100,
  delete: 0x10000,
  readPermissions: 0x20000,
  changePermissions: 0x40000,
  takeOwnership: 0x80000,
  synchronize: 0x100000,
  genericAll: 0x10000000,
  genericExecute: 0x20000000,
  genericWrite: 0x40000000,
  genericRead: 0x80000000,
} as const;

const FULL_CONTROL = 0x1f01ff;
const MODIFY = 0x301bf;
const READ_AND_EXECUTE = 0x200a9;
const READ = 0x20089;
const WRITE = 0x116;

/**
 * The specific rights a mask grants, with the generic bits mapped the way
 * Windows maps them for files (FILE_GENERIC_*). Generic bits normally sit
 * only on inherit-only entries, which do not apply to the folder itself.
 */
export function specificRights(mask: number): number {
  let rights = mask & 0x00ffffff;
  if (mask & RIGHT.genericAll) rights |= FULL_CONTROL;
  if (mask & RIGHT.genericRead) rights |= READ;
  if (mask & RIGHT.genericWrite) rights |= WRITE | RIGHT.readPermissions;
  if (mask & RIGHT.genericExecute)
    rights |= RIGHT.traverse | RIGHT.readAttributes | RIGHT.readPermissions;
  return rights >>> 0;
}

/** Creating a file or folder in a folder: what pip does first. */
export function allowsCreating(mask: number): boolean {
  const rights = specificRights(mask);
  return (rights & RIGHT.addFile) !== 0 && (rights & RIGHT.addSubfolder) !== 0;
}

/** Any right that changes a folder's contents: a deny entry with one of these stops pip. */
export const CHANGE_BITS =
  RIGHT.addFile | RIGHT.addSubfolder | RIGHT.deleteChild | RIGHT.delete | RIGHT.writeAttributes;

export function touchesChanges(mask: number): boolean {
  return (specificRights(mask) & CHANGE_BITS) !== 0;
}

const NAMED_BITS: Array<[number, string]> = [
  [RIGHT.readData, 'list contents'],
  [RIGHT.addFile, 'create files'],
  [RIGHT.addSubfolder, 'create folders'],
  [RIGHT.readExtendedAttributes, 'read extended attributes'],
  [RIGHT.writeExtendedAttributes, 'write extended attributes'],
  [RIGHT.traverse, 'traverse'],
  [RIGHT.deleteChild, 'delete subfolders and files'],
  [RIGHT.readAttributes, 'read attributes'],
  [RIGHT.writeAttributes, 'write attributes'],
  [RIGHT.delete, 'delete'],
  [RIGHT.readPermissions, 'read permissions'],
  [RIGHT.changePermissions, 'change permissions'],
  [RIGHT.takeOwnership, 'take ownership'],
];

/**
 * "full control", "modify", "read and execute", or the named rights
 * ("write, delete, read permissions") for what fits no standard set.
 * Synchronize is left out: it says nothing about changing files.
 */
export function rightsInWords(mask: number): string {
  let rights = specificRights(mask) & ~RIGHT.synchronize;
  const full = FULL_CONTROL & ~RIGHT.synchronize;
  if ((rights & full) === full) return 'full control';
  const words: string[] = [];
  const take = (set: number, word: string) => {
    if ((rights & set) === set) {
      words.push(word);
      rights &= ~set;
    }
  };
  take(MODIFY, 'modify');
  take(READ_AND_EXECUTE, 'read and execute');
  take(READ, 'read');
  take(WRITE, 'write');
  for (const [bit, word] of NAMED_BITS) take(bit, word);
  return words.length > 0 ? words.join(', ') : 'no rights';
}
