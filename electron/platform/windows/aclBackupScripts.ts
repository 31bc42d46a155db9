import { z } from 'zod';
import type { Command } from '../../shared/actionModel';
import { adminFolderLines, WINDOWS_ADMIN_FOLDER } from './elevatedWindows';
import type { AdminFolderLines } from './elevatedWindows';
import { powershellCommand, psLiteral, system32Program } from './powershell';

/**
 * The ACL backup that Undo hands to `icacls /restore`, which applies it as
 * administrator: whoever can change that file chooses the permissions of
 * the folders it names. So it is written by the elevated side itself, in
 * its own administrators-only folder under ProgramData (elevatedWindows.ts),
 * in the same elevated run as the grant and before it; its SHA-256 is
 * printed as it is saved (the step records it), and Undo's elevated side
 * restores nothing unless every backup still has that hash.
 */

/** The grant stops before changing anything: a backup could not be saved. */
export const BACKUP_NOT_SAVED = 214;
/** Undo restores nothing: a backup is not the file that was saved. */
export const BACKUP_CHANGED = 215;

const MARK = 'PIP-DOCTOR-ACL-BACKUP ';

/** The backup of the index-th folder, in the grant step's elevated folder. */
export function aclBackupName(index: number): string {
  return index === 0 ? 'acl-backup.txt' : `acl-backup-${index + 1}.txt`;
}

export const AclBackupSchema = z.object({
  /** The folder whose permissions it holds (names inside are relative to its parent). */
  folder: z.string(),
  /** Its name in the grant step's elevated folder. */
  file: z.string().regex(/^acl-backup(?:-\d+)?\.txt$/),
  sha256: z.string().regex(/^[0-9A-F]{64}$/),
});
export type AclBackup = z.infer<typeof AclBackupSchema>;
export const AclBackupsSchema = z.object({ backups: z.array(AclBackupSchema).min(1) });

/**
 * A list of lists, one per line: each row behind a unary comma, since
 * `@(@('a', 'b'))` flattens to `@('a', 'b')` and a loop over it would see
 * the strings instead of the one row.
 */
function rows(items: readonly (readonly string[])[]): string {
  return `@(\n${items.map((item) => `  ,@(${item.map(psLiteral).join(', ')})`).join('\n')}\n)`;
}

const HASH_OF_FILE =
  "[BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash([IO.File]::ReadAllBytes($file))) -replace '-', ''";

/** Saves each folder's ACL into the elevated folder and prints its hash, then grants; stops at the first failure. */
export function saveThenGrantScript(
  icacls: string,
  dirs: readonly string[],
  sid: string,
  adminName: string,
  adminFolder: AdminFolderLines = WINDOWS_ADMIN_FOLDER,
): string {
  return [
    // Checked again here: without UAC (the app already elevated) nothing else made it safe.
    ...adminFolderLines(adminName, adminFolder),
    `$icacls = ${psLiteral(icacls)}`,
    `foreach ($b in ${rows(dirs.map((dir, index) => [dir, aclBackupName(index)]))}) {`,
    '  $file = [IO.Path]::Combine($out, $b[1])',
    '  [IO.File]::Delete($file)',
    '  & $icacls $b[0] /save $file /T /C',
    // /C goes on past files it cannot read and then exits non-zero: the backup decides.
    // A name line, then its DACL in SDDL, in UTF-16LE (reference §1.3): anything else could not restore.
    '  $saved = @()',
    '  if ([IO.File]::Exists($file)) { $saved = [IO.File]::ReadAllText($file, [Text.Encoding]::GetEncoding(1200)) -split "`r?`n" }',
    "  if ($saved.Count -lt 2 -or -not $saved[1].StartsWith('D:')) {",
    "    [Console]::Error.WriteLine('The permissions of ' + $b[0] + ' could not be saved, so nothing was changed: without a backup there would be no Undo.')",
    `    exit ${BACKUP_NOT_SAVED}`,
    '  }',
    `  $h = ${HASH_OF_FILE}`,
    `  [Console]::Out.WriteLine(${psLiteral(MARK)} + $b[1] + ' ' + $h)`,
    '}',
    `foreach ($dir in @(${dirs.map(psLiteral).join(', ')})) {`,
    `  & $icacls $dir /grant ${psLiteral(`*${sid}:(OI)(CI)M`)} /T /C`,
    '  if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }',
    '}',
    'exit 0',
  ].join('\n');
}

export function saveThenGrantCommand(
  systemRoot: string,
  dirs: readonly string[],
  sid: string,
  adminName: string,
): Command {
  return powershellCommand(
    systemRoot,
    saveThenGrantScript(system32Program(systemRoot, 'icacls.exe'), dirs, sid, adminName),
  );
}

/** The hash of each backup as the grant printed it; null unless every folder's is there. */
export function readAclBackups(stdout: string, dirs: readonly string[]): AclBackup[] | null {
  const printed = new Map<string, string>();
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^PIP-DOCTOR-ACL-BACKUP (\S+) ([0-9A-F]{64})$/.exec(line.trim());
    if (match) printed.set(match[1]!, match[2]!);
  }
  const backups = dirs.map((folder, index) => ({
    folder,
    file: aclBackupName(index),
    sha256: printed.get(aclBackupName(index)) ?? '',
  }));
  return backups.every((backup) => backup.sha256 !== '') ? backups : null;
}

/** Checks every backup's hash first, then restores each from its folder's parent; nothing when one differs. */
export function restoreScript(
  icacls: string,
  backups: readonly { parent: string; file: string; sha256: string }[],
  adminName: string,
  adminFolder: AdminFolderLines = WINDOWS_ADMIN_FOLDER,
): string {
  return [
    // Checked again here: without UAC (the app already elevated) nothing else made it safe.
    ...adminFolderLines(adminName, adminFolder),
    `$icacls = ${psLiteral(icacls)}`,
    `$backups = ${rows(backups.map((backup) => [backup.parent, backup.file, backup.sha256]))}`,
    'foreach ($b in $backups) {',
    '  $file = [IO.Path]::Combine($out, $b[1])',
    "  $h = ''",
    `  if ([IO.File]::Exists($file)) { $h = ${HASH_OF_FILE} }`,
    '  if ($h -ne $b[2]) {',
    "    [Console]::Error.WriteLine('The saved permissions in ' + $file + ' are not the ones Pip Doctor saved, so nothing was put back.')",
    `    exit ${BACKUP_CHANGED}`,
    '  }',
    '}',
    'foreach ($b in $backups) {',
    '  & $icacls $b[0] /restore ([IO.Path]::Combine($out, $b[1])) /C',
    '  if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }',
    '}',
    'exit 0',
  ].join('\n');
}

export function restoreCommand(
  systemRoot: string,
  backups: readonly { parent: string; file: string; sha256: string }[],
  adminName: string,
): Command {
  return powershellCommand(
    systemRoot,
    restoreScript(system32Program(systemRoot, 'icacls.exe'), backups, adminName),
  );
}
