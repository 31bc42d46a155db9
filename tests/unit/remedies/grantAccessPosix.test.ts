import { fixtureMessage } from '../../support/fixtureMessage';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import { refusalOf } from '../../support/refusal';
import { english } from '../../support/english';

const isRoot = process.geteuid?.() === 0;

/** The parts of a journal line the tamper test edits. */
interface JournalLine {
  runId: string;
  type: string;
  stepId?: string;
  data?: unknown;
  facts?: { steps: Array<{ kind: string; facts: { paths?: string[] } }> };
}
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

    /** The hand-back of ~/.local's root-owned files, planned and run as root for uid 65534. */
    const handBackUserSite = async () => {
      const harness = createHarness(root, { homeDir: home });
      const scan = await harness.scan([SYSTEM_PYTHON], asNobody);
      const plan = await harness.service.plan(
        scan.request({
          remedy: 'grant-access',
          installId: scan.installOf(SYSTEM_PYTHON).id,
          folderRole: 'user-site',
        }),
      );
      const outcome = await harness.service.run(plan.id);
      expect(outcome.status, english(outcome.summary)).toBe('succeeded');
      return { harness, outcome };
    };

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
              reason: fixtureMessage('It belongs to root (uid 0), not to you.'),
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
      // The privileged helper from the system's Python, its source on the command line.
      const helper = plan.steps[1]!.command!;
      expect(helper.program).toBe('/usr/bin/python3');
      expect(helper.args.slice(0, 4)).toEqual(['-I', '-X', 'utf8', '-c']);
      expect(helper.args[4]).toContain('O_NOFOLLOW');
      const handedBack = [
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
      ].sort();
      expect(english(plan.steps[1]!.changes!)).toContain(
        `Makes you the owner of 10 files in ${local}.`,
      );
      expect(plan.warnings.map(english).join(' ')).toContain(
        'hard-link.txt is left as it is: it is a hard link',
      );

      const outcome = await harness.service.run(plan.id);
      expect(outcome.status, english(outcome.summary)).toBe('succeeded');
      expect(english(outcome.verification.detail)).toContain('All 10 files are yours now.');
      for (const path of handedBack) expect(lstatSync(path).uid, path).toBe(NOBODY);
      expect(statSync('/etc/passwd').uid).toBe(0);
      expect(statSync(hardLinked).uid).toBe(0);

      // The owners were in the journal before anything changed.
      const history = await harness.service.journal.history(outcome.runId);
      const siteInfo = lstatSync(site, { bigint: true });
      expect(history?.results.get('record-owners')?.data).toMatchObject({
        root: { path: local },
        entries: expect.arrayContaining([
          { path: site, uid: 0, gid: 0, dev: `${siteInfo.dev}`, ino: `${siteInfo.ino}` },
        ]),
      });

      // Undo runs the same helper, found again in the system's folders.
      const undo = await harness.service.planUndo(outcome.runId);
      expect(undo.steps.map((step) => english(step.title))).toEqual(['Give 10 files back to root']);
      expect(undo.steps[0]!.command).toEqual(helper);
      expect((await harness.service.run(undo.id)).status).toBe('succeeded');
      for (const path of handedBack) expect(lstatSync(path).uid, path).toBe(0);
      expect(lstatSync(join(local, 'share', 'mine.txt')).uid).toBe(NOBODY);
    }, 60_000);

    test('a pkexec and a chown the user put first on PATH are never used: only the system’s own', async () => {
      // A program that would get the administrator password (pkexec) or run as root (chown).
      const fakeBin = join(root, 'fake-bin');
      mkdirSync(fakeBin, { recursive: true });
      for (const name of ['pkexec', 'chown', 'python3'])
        writeFileSync(join(fakeBin, name), '#!/bin/sh\necho FAKE\n', { mode: 0o755 });
      const harness = createHarness(root, {
        homeDir: home,
        env: { PATH: `${fakeBin}:${process.env.PATH ?? ''}` },
      });
      // Not elevated: the plan must ask for root, through pkexec if it may.
      const scan = await harness.scan([SYSTEM_PYTHON], (diagnosis) => ({
        ...asNobody(diagnosis),
        elevated: false,
      }));
      const plan = await harness.service.plan(
        scan.request({
          remedy: 'grant-access',
          installId: scan.installOf(SYSTEM_PYTHON).id,
          folderRole: 'user-site',
        }),
      );
      expect(JSON.stringify(plan)).not.toContain(fakeBin);
      // This machine has no pkexec in its system folders: the sudo command is shown instead.
      expect(plan.steps).toEqual([]);
      expect(english(plan.warnings[0]!)).toContain('(pkexec is not installed)');
      expect(plan.instructions.map((instruction) => instruction.text)).toEqual([
        expect.stringMatching(/^sudo \/usr\/bin\/chown -h 65534:65534 -- /),
      ]);
    }, 60_000);

    test('pkexec is taken from the system’s /usr/bin, and refused with the reason when others can change it', async () => {
      const planWith = async (pkexecMode: number) => {
        // A small system of its own (the service's posixSystemRoot seam), owned by root.
        const system = join(root, `system-${pkexecMode.toString(8)}`);
        mkdirSync(join(system, 'usr', 'bin'), { recursive: true });
        for (const dir of [system, join(system, 'usr'), join(system, 'usr', 'bin')])
          chmodSync(dir, 0o755);
        writeFileSync(join(system, 'usr', 'bin', 'pkexec'), '#!/bin/sh\nexit 126\n');
        chmodSync(join(system, 'usr', 'bin', 'pkexec'), pkexecMode);
        const harness = createHarness(root, {
          homeDir: home,
          extra: { posixSystemRoot: system },
        });
        const scan = await harness.scan([SYSTEM_PYTHON], (diagnosis) => ({
          ...asNobody(diagnosis),
          elevated: false,
        }));
        const plan = await harness.service.plan(
          scan.request({
            remedy: 'grant-access',
            installId: scan.installOf(SYSTEM_PYTHON).id,
            folderRole: 'user-site',
          }),
        );
        return { plan, pkexec: join(system, 'usr', 'bin', 'pkexec') };
      };

      const trusted = await planWith(0o755);
      const command = trusted.plan.steps[1]!.command!;
      expect(command.program).toBe(trusted.pkexec);
      expect(command.args.slice(0, 5)).toEqual(['/usr/bin/python3', '-I', '-X', 'utf8', '-c']);

      const groupWritable = await planWith(0o775);
      expect(groupWritable.plan.steps).toEqual([]);
      expect(english(groupWritable.plan.warnings[0]!)).toBe(
        'Pip Doctor will not ask for administrator rights through /usr/bin/pkexec: /usr/bin/pkexec can be changed by users other than root (mode 775); it shows the command instead of running it.',
      );
    }, 60_000);

    test('undo after the user swapped a folder for a symlink: that folder and all below are refused, nothing outside changes', async () => {
      const { harness, outcome } = await handBackUserSite();
      // Another account's files, where the swapped folder now points.
      const other = join(root, 'other-user');
      mkdirSync(join(other, 'python3.11', 'site-packages', 'pkg'), { recursive: true });
      writeFileSync(join(other, 'python3.11', 'site-packages', 'pkg', '__init__.py'), '');
      execFileSync('chown', ['-R', '12345:12345', other]);
      const lib = join(local, 'lib');
      renameSync(lib, `${lib}.real`);
      symlinkSync(other, lib);
      try {
        const undo = await harness.service.planUndo(outcome.runId);
        const undone = await harness.service.run(undo.id);
        expect(undone.status).toBe('failed');
        expect(english(undone.summary)).toMatch(
          /5 files were left as they were \(lib: it is not the file that was recorded/,
        );
        const outside = execFileSync('find', [other, '!', '-uid', '12345'], { encoding: 'utf8' });
        expect(outside).toBe('');
        expect(lstatSync(join(local, 'bin', 'tool')).uid).toBe(0);
        expect(lstatSync(join(`${lib}.real`, 'python3.11')).uid).toBe(NOBODY);
      } finally {
        rmSync(lib);
        renameSync(`${lib}.real`, lib);
        execFileSync('chown', ['-R', '-h', '0:0', lib]);
      }
    }, 60_000);

    test('undo of a journal edited to name a system file with its real device and inode: refused, the file stays root’s', async () => {
      const { harness, outcome } = await handBackUserSite();
      // A same-user program rewrites the journal: "undo" now gives root's file to uid 65534.
      const system = join(root, 'system');
      const secret = join(system, 'secret');
      mkdirSync(system, { recursive: true });
      writeFileSync(secret, 'root only', { mode: 0o600 });
      const identity = (path: string) => {
        const info = lstatSync(path, { bigint: true });
        return { dev: `${info.dev}`, ino: `${info.ino}` };
      };
      const forged = {
        root: { path: system, ...identity(system) },
        entries: [{ path: secret, uid: NOBODY, gid: NOBODY, ...identity(secret) }],
      };
      const journalFile = harness.service.journal.file;
      const lines = readFileSync(journalFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const entry = JSON.parse(line) as JournalLine;
          if (entry.runId !== outcome.runId) return entry;
          if (entry.type === 'step-result' && entry.stepId === 'record-owners')
            return { ...entry, data: forged };
          if (entry.type === 'planned' && entry.facts) {
            for (const step of entry.facts.steps)
              if (step.kind === 'chown') step.facts.paths = [secret];
          }
          return entry;
        });
      writeFileSync(journalFile, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));

      expect(await refusalOf(harness.service.planUndo(outcome.runId))).toMatch(
        `${system} is not a folder inside your home folder (${home})`,
      );
      expect(lstatSync(secret).uid).toBe(0);
      // The hand-back itself stays as it was: put the tree back for the other tests.
      execFileSync('chown', ['-R', '-h', '0:0', local]);
      execFileSync('chown', [`${NOBODY}:${NOBODY}`, join(local, 'share', 'mine.txt')]);
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
      expect(
        await refusalOf(
          harness.service.plan(
            scan.request({
              remedy: 'grant-access',
              installId: scan.installOf(SYSTEM_PYTHON).id,
              folderRole: 'purelib',
            }),
          ),
        ),
      ).toMatch(/only hands back files inside your own home folder/);
    }, 60_000);
  },
);
