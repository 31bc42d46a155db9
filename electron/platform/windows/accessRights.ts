import type { MessageDescriptor } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { RIGHTS_WORDS } from './rightsWords';

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

const NAMED_BITS: Array<[number, MessageDescriptor]> = [
  [RIGHT.readData, RIGHTS_WORDS.listContents],
  [RIGHT.addFile, RIGHTS_WORDS.createFiles],
  [RIGHT.addSubfolder, RIGHTS_WORDS.createFolders],
  [RIGHT.readExtendedAttributes, RIGHTS_WORDS.readExtendedAttributes],
  [RIGHT.writeExtendedAttributes, RIGHTS_WORDS.writeExtendedAttributes],
  [RIGHT.traverse, RIGHTS_WORDS.traverse],
  [RIGHT.deleteChild, RIGHTS_WORDS.deleteChildren],
  [RIGHT.readAttributes, RIGHTS_WORDS.readAttributes],
  [RIGHT.writeAttributes, RIGHTS_WORDS.writeAttributes],
  [RIGHT.delete, RIGHTS_WORDS.delete],
  [RIGHT.readPermissions, RIGHTS_WORDS.readPermissions],
  [RIGHT.changePermissions, RIGHTS_WORDS.changePermissions],
  [RIGHT.takeOwnership, RIGHTS_WORDS.takeOwnership],
];

/**
 * "full control", "modify", "read and execute", or the named rights
 * ("write, delete and read permissions") for what fits no standard set, as
 * messages: each language names them as its Properties > Security tab does,
 * and joins several as it joins a list. Synchronize is left out: it says
 * nothing about changing files.
 */
export function rightsInWords(mask: number): Message {
  let rights = specificRights(mask) & ~RIGHT.synchronize;
  const full = FULL_CONTROL & ~RIGHT.synchronize;
  if ((rights & full) === full) return msg(RIGHTS_WORDS.fullControl);
  const named: Message[] = [];
  const take = (set: number, words: MessageDescriptor) => {
    if ((rights & set) === set) {
      named.push(msg(words));
      rights &= ~set;
    }
  };
  take(MODIFY, RIGHTS_WORDS.modify);
  take(READ_AND_EXECUTE, RIGHTS_WORDS.readAndExecute);
  take(READ, RIGHTS_WORDS.read);
  take(WRITE, RIGHTS_WORDS.write);
  for (const [bit, words] of NAMED_BITS) take(bit, words);
  if (named.length === 0) return msg(RIGHTS_WORDS.none);
  return named.length === 1 ? named[0]! : msg(RIGHTS_WORDS.several, { rights: listOf(named) });
}
