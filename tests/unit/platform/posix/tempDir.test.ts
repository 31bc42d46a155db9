import { englishDeep, englishOf } from '../../../support/english';
import { execFile } from 'node:child_process';
import { chownSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkTempDirPosix } from '../../../../electron/platform/posix/tempDirPosix';
import { checkTempDirWith, statFolderError } from '../../../../electron/platform/tempDirCheck';
import { probeWritable } from '../../../../electron/platform/writeProbe';
import { TempDirCheckSchema } from '../../../../electron/shared/model/diagnosis';
import type { TempDirCheck } from '../../../../electron/shared/model/diagnosis';
import { REPO } from '../../../support/repoPaths';
import { tempTree } from '../../../support/tempTree';
import { NOBODY, asNobodyTitle, canMountReadOnly, canSwitchUser } from '../accessAsUser';

const scratch = realpathSync(tempTree('tempdir'));
let cases = 0;
function folder(label: string, owner?: number): string {
  const dir = join(scratch, `${++cases}-${label}`);
  mkdirSync(dir, { recursive: true });
  if (owner !== undefined) chownSync(dir, owner, owner);
  return dir;
}

const TSX_CLI = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SCRIPT = join(__dirname, '..', 'printTempDir.ts');

/**
 * printTempDir.ts in a child process, with `env` applied over its own once
 * it runs; optionally as uid 65534 and with a tmpfs mounted on `mount` (in a
 * private mount namespace: gone with the process).
 */
function inChild(
  env: NodeJS.ProcessEnv,
  options: { asNobody?: boolean; mount?: { on: string; options: string }; args?: string[] } = {},
): Promise<Record<string, unknown> & { tempDir: TempDirCheck }> {
  let command = [process.execPath, TSX_CLI, SCRIPT, JSON.stringify(env), ...(options.args ?? [])];
  if (options.asNobody)
    command = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...command];
  if (options.mount) {
    command = [
      'unshare',
      '--mount',
      '--',
      'sh',
      '-c',
      // The folder and the options travel as "$1" and "$2", never spliced into the script.
      'mount -t tmpfs -o "$2" tmpfs "$1" && shift 2 && exec "$@"',
      'sh',
      options.mount.on,
      options.mount.options,
      ...command,
    ];
  }
  return new Promise((resolve, reject) => {
    execFile(
      command[0]!,
      command.slice(1),
      { cwd: REPO, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command.join(' ')} failed: ${stderr || error.message}`));
        else {
          const parsed = z
            .object({ tempDir: TempDirCheckSchema })
            .passthrough()
            .parse(JSON.parse(stdout));
          resolve(parsed as Record<string, unknown> & { tempDir: TempDirCheck });
        }
      },
    );
  });
}

describe('the temporary folder pip would use', () => {
  it('takes TMPDIR first, and says nothing when it works', async () => {
    const dir = folder('works');
    expect(await checkTempDirPosix({ TMPDIR: dir, HOME: folder('home') })).toEqual({
      path: dir,
      variable: 'TMPDIR',
      problem: null,
      reason: null,
      alternative: null,
      usedInstead: null,
    });
  });

  it('then TEMP, then TMP (an empty one does not count), then /tmp with no variable', async () => {
    const temp = folder('temp');
    const tmp = folder('tmp');
    expect(await checkTempDirPosix({ TEMP: temp, TMP: tmp })).toMatchObject({
      path: temp,
      variable: 'TEMP',
    });
    expect(await checkTempDirPosix({ TMPDIR: '', TMP: tmp })).toMatchObject({
      path: tmp,
      variable: 'TMP',
    });
    expect(await checkTempDirPosix({})).toMatchObject({ path: '/tmp', variable: null });
  });

  it('TMPDIR=/nonexistent: missing, Python falls back to /tmp, and the user’s cache is offered', async () => {
    const home = folder('home');
    expect(englishDeep(await checkTempDirPosix({ TMPDIR: '/nonexistent', HOME: home }))).toEqual({
      path: '/nonexistent',
      variable: 'TMPDIR',
      problem: 'missing',
      reason: 'TMPDIR is /nonexistent, which does not exist. Python then uses /tmp instead.',
      alternative: join(home, '.cache', 'pip-tmp'),
      usedInstead: '/tmp',
    });
    const cache = folder('xdg cache');
    expect(
      await checkTempDirPosix({ TMPDIR: '/nonexistent', HOME: home, XDG_CACHE_HOME: cache }),
    ).toMatchObject({ alternative: join(cache, 'pip-tmp') });
  });

  it('names the next variable Python falls back to, and takes a relative TMPDIR from the user’s folder', async () => {
    const temp = folder('fallback temp');
    const cwd = folder('cwd');
    const check = await checkTempDirPosix({ TMPDIR: 'build/tmp', PWD: cwd, TEMP: temp });
    expect(check).toMatchObject({ path: join(cwd, 'build', 'tmp'), problem: 'missing' });
    expect(englishOf(check.reason)).toBe(
      `TMPDIR is ${join(cwd, 'build', 'tmp')}, which does not exist. Python then uses ${temp} (TEMP) instead.`,
    );
  });

  it('a file where the folder should be cannot be written to', async () => {
    const file = join(folder('file'), 'tmp');
    writeFileSync(file, '');
    expect(englishDeep(await checkTempDirPosix({ TMPDIR: file }))).toMatchObject({
      problem: 'not-writable',
      reason: `TMPDIR is ${file}, which is a file, not a folder. Python then uses /tmp instead.`,
    });
  });
});

describe.skipIf(!canSwitchUser)(
  asNobodyTitle('a temporary folder uid 65534 may not write to'),
  () => {
    it('is not writable; /tmp is what Python uses instead; the user’s own cache is offered', async () => {
      const dir = folder('root owned', 0);
      const home = folder('nobody home', NOBODY);

      const { tempDir } = await inChild({ TMPDIR: dir, HOME: home }, { asNobody: true });

      expect(englishDeep(tempDir)).toEqual({
        path: dir,
        variable: 'TMPDIR',
        problem: 'not-writable',
        reason: `TMPDIR is ${dir}, which you cannot write to (EACCES). Python then uses /tmp instead.`,
        alternative: join(home, '.cache', 'pip-tmp'),
        usedInstead: '/tmp',
      });
    });

    it('offers no alternative when the home folder is not writable either', async () => {
      const dir = folder('root owned 2', 0);
      const home = folder('root home', 0);

      const { tempDir } = await inChild({ TMPDIR: dir, HOME: home }, { asNobody: true });

      expect(tempDir).toMatchObject({ problem: 'not-writable', alternative: null });
    });
  },
);

const mountable = canMountReadOnly();
describe.skipIf(!mountable)(
  mountable
    ? 'a full or read-only temporary folder (a tmpfs in a private mount namespace)'
    : 'a full or read-only temporary folder (skipped: needs root and a sandbox that allows mounting)',
  () => {
    it('a 64 KB tmpfs is full: Python still takes it, so pip runs out of space part-way', async () => {
      const dir = folder('tiny');
      const home = folder('home');

      const { tempDir } = await inChild(
        { TMPDIR: dir, HOME: home },
        { mount: { on: dir, options: 'size=64k' } },
      );

      expect(englishDeep(tempDir)).toEqual({
        path: dir,
        variable: 'TMPDIR',
        problem: 'full',
        reason: `TMPDIR is ${dir}, which has only 64 KB free. Python still takes it (a small test file fits), so pip runs out of space part-way.`,
        alternative: join(home, '.cache', 'pip-tmp'),
        usedInstead: null,
      });
    });

    it('a tmpfs out of inodes refuses the file itself (ENOSPC): full, and Python moves on', async () => {
      const dir = folder('no inodes');

      const { tempDir } = await inChild(
        { TMPDIR: dir, HOME: folder('home') },
        { mount: { on: dir, options: 'size=64m,nr_inodes=1' } },
      );

      expect(englishDeep(tempDir)).toMatchObject({
        problem: 'full',
        reason: `TMPDIR is ${dir}, which is on a disk that is full (ENOSPC). Python then uses /tmp instead.`,
      });
    });

    it('a read-only mount is not writable, and says why', async () => {
      const dir = folder('read-only');

      const { tempDir } = await inChild(
        { TMPDIR: dir, HOME: folder('home') },
        { mount: { on: dir, options: 'ro,size=64m' } },
      );

      expect(englishDeep(tempDir)).toMatchObject({
        problem: 'not-writable',
        reason: `TMPDIR is ${dir}, which is on a read-only file system. Python then uses /tmp instead.`,
      });
    });

    it('with no usable folder at all, says pip cannot unpack anything', async () => {
      const dir = folder('nothing usable');
      const check = await checkTempDirWith(
        {
          candidates: [
            { path: dir, variable: 'TMPDIR' },
            { path: '/nonexistent-a', variable: null },
            { path: '/nonexistent-b', variable: null },
          ],
          alternative: null,
          samePath: (a, b) => a === b,
        },
        {
          probeWritable: async (path) => ({
            exists: true,
            probedPath: path,
            writable: false,
            errorCode: 'EACCES',
            leftBehind: null,
          }),
          freeBytes: async () => null,
          folderError: statFolderError,
        },
      );
      expect(englishOf(check.reason)).toBe(
        `TMPDIR is ${dir}, which you cannot write to (EACCES). Nor can Python use any other folder it tries (/nonexistent-a, /nonexistent-b), so pip cannot unpack anything.`,
      );
    });
  },
);

describe('the check never hangs and never throws', () => {
  it('answers within its time limit when the folder never answers (a network share that is gone)', async () => {
    const dir = folder('hangs');
    const started = Date.now();
    const check = await checkTempDirWith(
      {
        candidates: [{ path: dir, variable: 'TMPDIR' }],
        alternative: null,
        samePath: (a, b) => a === b,
      },
      {
        probeWritable: () => new Promise(() => undefined),
        freeBytes: async () => null,
        folderError: statFolderError,
      },
      200,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(englishDeep(check)).toEqual({
      path: dir,
      variable: 'TMPDIR',
      problem: 'not-writable',
      reason: `TMPDIR is ${dir}, which did not answer within 0.2 seconds (a network folder that cannot be reached?), so pip would hang or fail there.`,
      alternative: null,
      usedInstead: null,
    });
  });

  it('turns an unexpected failure into a reason, not a rejection', async () => {
    const check = await checkTempDirWith(
      {
        candidates: [{ path: '/x', variable: 'TMPDIR' }],
        alternative: null,
        samePath: () => false,
      },
      {
        probeWritable,
        freeBytes: async () => null,
        folderError: async () => {
          throw new Error('the disk driver crashed');
        },
      },
    );
    expect(englishDeep(check)).toMatchObject({
      problem: null,
      reason: 'Pip Doctor could not check /x: the disk driver crashed',
    });
  });
});

describe('a scan with TMPDIR=/nonexistent', () => {
  it('discovers and probes every interpreter as usual, and reports the temporary folder as missing', async () => {
    const home = folder('scan home');
    const project = folder('scan project');

    const result = await inChild(
      { TMPDIR: '/nonexistent', HOME: home },
      { args: ['--scan', project] },
    );

    const probed = z
      .array(z.object({ executable: z.string(), status: z.string() }))
      .parse(result.probed);
    expect(probed.map((fact) => fact.executable)).toContain('/usr/bin/python3');
    expect(probed.every((fact) => fact.status === 'ok')).toBe(true);
    expect(result.tempDir).toMatchObject({
      path: '/nonexistent',
      variable: 'TMPDIR',
      problem: 'missing',
    });
  });
});
