import type { Command } from '../../shared/actionModel';
import { system32Program } from './powershell';

/**
 * icacls command lines (reference §1.3, §1.4). The account is always named
 * by SID (`*S-1-5-…`): account names are localised.
 */

/** Saves the DACLs of `dir` and everything below it; names in the file are relative to dir's parent. */
export function saveAcl(systemRoot: string, dir: string, backupFile: string): Command {
  return {
    program: system32Program(systemRoot, 'icacls.exe'),
    args: [dir, '/save', backupFile, '/T', '/C'],
    env: {},
  };
}

/** Modify, inherited by new files (OI) and folders (CI), applied to what exists (/T). */
export function grantModify(systemRoot: string, dir: string, sid: string): Command {
  return {
    program: system32Program(systemRoot, 'icacls.exe'),
    args: [dir, '/grant', `*${sid}:(OI)(CI)M`, '/T', '/C'],
    env: {},
  };
}

/** Applies the saved DACLs again; takes the parent folder, since the names in the file are relative to it. */
export function restoreAcl(systemRoot: string, parentDir: string, backupFile: string): Command {
  return {
    program: system32Program(systemRoot, 'icacls.exe'),
    args: [parentDir, '/restore', backupFile, '/C'],
    env: {},
  };
}

export interface SavedAcl {
  name: string;
  /** The DACL in SDDL, which is not localised: `D:PAI(A;OICI;FA;;;S-1-5-…)`. */
  sddl: string;
}

/**
 * Reads an `icacls /save` file: UTF-16LE (with or without a BOM), a name
 * line then an SDDL line per object. Returns null for anything else, so a
 * backup that could not restore is noticed before permissions change.
 */
export function parseAclBackup(bytes: Buffer): SavedAcl[] | null {
  const text = decodeUtf16(bytes);
  if (text === null) return null;
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  if (lines.length === 0 || lines.length % 2 !== 0) return null;
  const entries: SavedAcl[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const sddl = lines[i + 1]!;
    if (!sddl.startsWith('D:')) return null;
    entries.push({ name: lines[i]!, sddl });
  }
  return entries;
}

function decodeUtf16(bytes: Buffer): string | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const body = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2) : bytes;
  // ASCII names and SDDL in UTF-16LE have a zero in every odd byte; UTF-8 or OEM text has none.
  if (body.length >= 2 && body[1] !== 0) return null;
  return body.toString('utf16le');
}
