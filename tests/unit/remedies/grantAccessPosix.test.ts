import {
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';

const isRoot = process.geteuid?.() === 0;
const NOBODY = 65534;

/**
 * The action runs as root (standing in for pkexec's root) on behalf of the
 * user uid 65534, whose ~/.local a `sudo pip install --user` filled with
 * root-owned files. The scan is this machine's, told it was taken by that
 * user: the folder facts a scan as uid 65534 would report.
 */
describe.skipIf(!isRoot)(
  isRoot
    ? 'grant-access on POSIX: root-owned files in the user’s own ~/.local handed back, and back again on undo'
    : 'grant-access on POSIX (skipped: chown to another user needs root)',
  () => {
    const root = tempTree('grant-posix');
    const home = join(root, 'home', 'nobody');
    const local = join(home, '.local');
    const site = join(local, 'lib', 'python3.11', 'site-packages');
    const hardLinked = join(root, 'outside.txt');

    beforeAll(() => {
      mkdirSync(home, { recursive: true });
      chownSync(join(root, 'home'), 0, 0);
      chownSync(home, NOBODY, NOBODY);
      // What sudo left: ~/.local and everything pip put in it, owned by root.
      mkdirSync(join(site, 'pkg'), { recursive: true });
      writeFileSync(join(site, 'pkg', '__init__.py'), '');
      mkdirSync(join(local, 'bin'));
      writeFileSync(join(local, 'bin', 'tool'), '#!/bin/sh\n');
      symlinkSync('/etc/passwd', join(local, 'bin', 'passwd-link'));
      // The user's own file among them stays theirs.
      mkdirSync(join(local, 'share'));
      writeFileSync(join(local, 'share', 'mine.txt'), 'mine');
      chownSync(join(local, 'share', 'mine.txt'), NOBODY, NOBODY);
      // A second name of a file outside home: changing it would change that file.
      writeFileSync(hardLinked, 'outside');
      linkSync(hardLinked, join(local, 'share', 'hard-link.txt'));
    });

    function asNobody(diagnosis: Diagnosis): Diagnosis {
      return {
        ...diagnosis,
        user: { name: 'nobody', uid: NOBODY, sid: null },
        elevated: true,
        installs: diagnosis.installs.map((install) => ({
          ...install,
          folders: [
            ...install.folders.filter((folder) => folder.role !== 'user-site'),
            {
              role: 'user-site' as const,
              path: site,
              exists: true,
              writable: false,
              reason: 'It belongs to root (uid 0), not to you.',
              owner: 'root (uid 0), group root (gid 0)',
              mode: '755 (rwxr-xr-x)',
              acl: null,
              readOnlyFileSystem: false,
              reclaim: null,
            },
          ],
        })),
      };
    }

    test('records the owners, chowns exactly the foreign files, verifies, and undo gives each back', async () => {
      const harness = createHarness(root, { homeDir: home });
      const scan = await harness.scan([SYSTEM_PYTHON], asNobody);
      const install = scan.installOf(SYSTEM_PYTHON);
      const plan = await harness.service.plan(
        scan.request({ remedy: 'grant-access', installId: install.id, folderRole: 'user-site' }),
      );
      expect(plan.steps.map((step) => step.id)).toEqual(['record-owners', 'chown']);
      const chown = plan.steps[1]!.command!;
      expect(chown.program).toMatch(/\/chown$/);
      expect(chown.args.slice(0, 3)).toEqual(['-h', `${NOBODY}:${NOBODY}`, '--']);
      expect(chown.args.slice(3)).toEqual(
        [
          local,
          join(local, 'bin'),
          join(local, 'bin', 'passwd-link'),
          join(local, 'bin', 'tool'),
          join(local, 'lib'),
          join(local, 'lib', 'python3.11'),
          site,
          join(site, 'pkg'),
          join(site, 'pkg', '__init__.py'),
          join(local, 'share'),
        ].sort(),
      );
      expect(plan.warnings.join(' ')).toContain(
        'hard-link.txt is left as it is: it is a hard link',
      );

      const outcome = await harness.service.run(plan.id);
      expect(outcome.status, outcome.summary).toBe('succeeded');
      expect(outcome.verification.detail).toContain('All 10 files are yours now.');
      for (const path of chown.args.slice(3)) expect(lstatSync(path).uid, path).toBe(NOBODY);
      expect(statSync('/etc/passwd').uid).toBe(0);
      expect(statSync(hardLinked).uid).toBe(0);

      // The owners were in the journal before anything changed.
      const history = await harness.service.journal.history(outcome.runId);
      expect(history?.results.get('record-owners')?.data).toMatchObject({
        entries: expect.arrayContaining([{ path: site, uid: 0, gid: 0 }]),
      });

      const undo = await harness.service.planUndo(outcome.runId);
      expect(undo.steps.map((step) => step.command?.args.slice(0, 2))).toEqual([['-h', '0:0']]);
      expect((await harness.service.run(undo.id)).status).toBe('succeeded');
      for (const path of chown.args.slice(3)) expect(lstatSync(path).uid, path).toBe(0);
      expect(lstatSync(join(local, 'share', 'mine.txt')).uid).toBe(NOBODY);
    }, 60_000);

    test('refuses a folder outside the user’s home: system folders are never handed to a user', async () => {
      const harness = createHarness(root, { homeDir: home });
      const scan = await harness.scan([SYSTEM_PYTHON], (diagnosis) => ({
        ...asNobody(diagnosis),
        installs: diagnosis.installs.map((install) => ({
          ...install,
          folders: install.folders.map((folder) =>
            folder.role === 'purelib' ? { ...folder, writable: false } : folder,
          ),
        })),
      }));
      await expect(
        harness.service.plan(
          scan.request({
            remedy: 'grant-access',
            installId: scan.installOf(SYSTEM_PYTHON).id,
            folderRole: 'purelib',
          }),
        ),
      ).rejects.toThrow(/only hands back files inside your own home folder/);
    }, 60_000);
  },
);
