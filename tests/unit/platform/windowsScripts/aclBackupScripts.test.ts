import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
  readdirSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_CHANGED,
  BACKUP_NOT_SAVED,
  readAclBackups,
  restoreScript,
  saveThenGrantScript,
} from '../../../../electron/platform/windows/aclBackupScripts';
import {
  ADMIN_FOLDER,
  FOLDER_REFUSED,
} from '../../../../electron/platform/windows/elevatedWindows';
import type { AdminFolderLines } from '../../../../electron/platform/windows/elevatedWindows';
import { powershellCommand, psLiteral } from '../../../../electron/platform/windows/powershell';
import { FIXTURES } from '../../../support/repoPaths';
import { findPwsh, pwshTitle, runPwsh } from '../../../support/pwsh';

/**
 * The scripts that save an ACL before the grant and put it back on Undo,
 * run by the real PowerShell. What only Windows has is said so: icacls is a
 * stand-in that logs its arguments and, for /save, writes the recorded
 * `icacls /save` file (UTF-16LE, tests/fixtures/actions/windows); ProgramData
 * is a folder of the test's, holding the elevated side's folder as the
 * elevated script leaves it.
 */
const pwsh = findPwsh();
const work = mkdtempSync(join(tmpdir(), 'pip-doctor-acl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SAVED = join(FIXTURES, 'actions', 'windows', 'icacls-save-site-packages.txt');
const LOG = join(work, 'icacls.log');
const NAME = 'b1946ac92492d2347c6235b4d2611184';
const programData = join(work, 'ProgramData');
const elevatedFolder = join(programData, ...ADMIN_FOLDER, NAME);
/** What only Windows has, as in elevatedAndPlainScripts.test.ts: no ACL, no owner check; the link check runs. */
const ON_LINUX: AdminFolderLines = {
  programData: `$base = ${psLiteral(programData)}`,
  newAdminFolder:
    'function New-AdminFolder([string]$path) { [void][IO.Directory]::CreateDirectory($path) }',
  protectAdminFolder: 'function Protect-AdminFolder([string]$path) { }',
};
const SITE = 'C:\\Program Files\\Python312\\Lib\\site-packages';
const SCRIPTS = 'C:\\Program Files\\Python312\\Scripts';

/** icacls as far as these scripts use it: /save writes `saves` (the recorded file by default). */
function standIn(saves: string | null): string {
  const path = join(work, saves === null ? 'icacls-saves-nothing' : 'icacls');
  writeFileSync(
    path,
    [
      '#!/usr/bin/env python3',
      'import json, shutil, sys',
      `open(${JSON.stringify(LOG)}, "a").write(json.dumps(sys.argv[1:]) + "\\n")`,
      ...(saves === null
        ? []
        : [`if sys.argv[2] == "/save": shutil.copyfile(${JSON.stringify(saves)}, sys.argv[3])`]),
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}

const logged = (): string[][] => {
  try {
    return readFileSync(LOG, 'utf8')
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as string[]);
  } catch {
    return [];
  }
};

const run = (script: string) => runPwsh(pwsh!, powershellCommand('C:\\Windows', script).args);

beforeEach(() => {
  rmSync(LOG, { force: true });
  rmSync(programData, { recursive: true, force: true });
  mkdirSync(elevatedFolder, { recursive: true });
});

describe.skipIf(pwsh === null)(pwshTitle('The ACL backup and its restore', pwsh), () => {
  it('saves every folder’s ACL into the elevated folder before any grant, and prints each backup’s SHA-256', async () => {
    const icacls = standIn(SAVED);
    const result = await run(
      saveThenGrantScript(icacls, [SITE, SCRIPTS], 'S-1-5-21-1-2-3-1001', NAME, ON_LINUX),
    );
    expect(result.exitCode).toBe(0);
    const backups = join(elevatedFolder, 'acl-backup.txt');
    expect(logged()).toEqual([
      [SITE, '/save', backups, '/T', '/C'],
      [SCRIPTS, '/save', join(elevatedFolder, 'acl-backup-2.txt'), '/T', '/C'],
      [SITE, '/grant', '*S-1-5-21-1-2-3-1001:(OI)(CI)M', '/T', '/C'],
      [SCRIPTS, '/grant', '*S-1-5-21-1-2-3-1001:(OI)(CI)M', '/T', '/C'],
    ]);
    const sha256 = createHash('sha256').update(readFileSync(SAVED)).digest('hex').toUpperCase();
    expect(readAclBackups(result.stdout, [SITE, SCRIPTS])).toEqual([
      { folder: SITE, file: 'acl-backup.txt', sha256 },
      { folder: SCRIPTS, file: 'acl-backup-2.txt', sha256 },
    ]);
  });

  it('grants nothing when a backup could not be saved, or is not an icacls /save file', async () => {
    const utf8 = join(work, 'utf8-backup.txt');
    writeFileSync(utf8, 'site-packages\r\nD:PAI(A;;FA;;;SY)\r\n', 'utf8');
    for (const icacls of [standIn(null), standIn(utf8)]) {
      rmSync(LOG, { force: true });
      const result = await run(
        saveThenGrantScript(icacls, [SITE], 'S-1-5-21-1-2-3-1001', NAME, ON_LINUX),
      );
      expect(result.exitCode).toBe(BACKUP_NOT_SAVED);
      expect(result.stderr).toContain(
        `The permissions of ${SITE} could not be saved, so nothing was changed`,
      );
      expect(logged().map((args) => args[1])).toEqual(['/save']);
    }
  });

  it('restores only backups that still have the hash recorded when they were saved', async () => {
    const icacls = standIn(SAVED);
    const saved = await run(
      saveThenGrantScript(icacls, [SITE, SCRIPTS], 'S-1-5-21-1-2-3-1001', NAME, ON_LINUX),
    );
    const backups = readAclBackups(saved.stdout, [SITE, SCRIPTS])!;
    const parents = backups.map((backup) => ({
      ...backup,
      parent: backup.folder.replace(/\\[^\\]+$/, ''),
    }));

    rmSync(LOG, { force: true });
    const restored = await run(restoreScript(icacls, parents, NAME, ON_LINUX));
    expect(restored.exitCode).toBe(0);
    expect(logged()).toEqual([
      [
        'C:\\Program Files\\Python312\\Lib',
        '/restore',
        join(elevatedFolder, 'acl-backup.txt'),
        '/C',
      ],
      ['C:\\Program Files\\Python312', '/restore', join(elevatedFolder, 'acl-backup-2.txt'), '/C'],
    ]);

    // One backup changed after it was saved (a forged ACL): nothing at all is restored.
    appendFileSync(
      join(elevatedFolder, 'acl-backup-2.txt'),
      Buffer.from('x\r\nD:(A;;FA;;;WD)\r\n', 'utf16le'),
    );
    rmSync(LOG, { force: true });
    const refused = await run(restoreScript(icacls, parents, NAME, ON_LINUX));
    expect(refused.exitCode).toBe(BACKUP_CHANGED);
    expect(refused.stderr).toContain('are not the ones Pip Doctor saved, so nothing was put back');
    expect(logged()).toEqual([]);
  });

  it('makes its folder safe itself when it runs without UAC (the app already elevated), and saves nothing through a link', async () => {
    const icacls = standIn(SAVED);
    rmSync(programData, { recursive: true, force: true });
    mkdirSync(programData);
    const made = await run(
      saveThenGrantScript(icacls, [SITE], 'S-1-5-21-1-2-3-1001', NAME, ON_LINUX),
    );
    expect(made.exitCode).toBe(0);
    expect(readAclBackups(made.stdout, [SITE])).not.toBeNull();

    const victim = join(work, 'victim');
    mkdirSync(victim, { recursive: true });
    rmSync(elevatedFolder, { recursive: true, force: true });
    symlinkSync(victim, elevatedFolder);
    rmSync(LOG, { force: true });
    const refused = await run(
      saveThenGrantScript(icacls, [SITE], 'S-1-5-21-1-2-3-1001', NAME, ON_LINUX),
    );
    expect(refused.exitCode).toBe(FOLDER_REFUSED);
    expect(logged()).toEqual([]);
    expect(readdirSync(victim)).toEqual([]);
  });
});
