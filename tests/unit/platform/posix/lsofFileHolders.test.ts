import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHeldPathMatcher } from '../../../../electron/platform/posix/heldPathMatcher';
import {
  findHoldersLsof,
  holdersInLsofOutput,
} from '../../../../electron/platform/posix/lsofFileHolders';
import { parseLsofFields, unescapeLsof } from '../../../../electron/platform/posix/lsofFields';
import { findHoldersLinux } from '../../../../electron/platform/posix/procFileHolders';
import { SYSTEM_PYTHON, startHolder } from '../../../support/pythonHolder';
import { FIXTURES } from '../../../support/repoPaths';

// Recorded with real lsof while a Python held files of a fake venv: see README.md beside it.
const FIXTURE = readFileSync(join(FIXTURES, 'posix', 'lsof-F-sample.txt'), 'utf8');
const FIXTURE_SITE = '/tmp/pip-doctor-fixture/venv dir ü/lib/python3.11/site-packages';
const PYTHON_PID = 14585;
const SLEEP_PID = 14587;

describe('parseLsofFields on real lsof -F output', () => {
  const processes = parseLsofFields(FIXTURE);

  it('reads every process set with its command and files', () => {
    expect(processes.map((p) => [p.pid, p.command])).toEqual([
      [PYTHON_PID, 'python3'],
      [SLEEP_PID, 'sleep'],
    ]);
    const python = processes[0]!;
    expect(python.files[0]).toEqual({ fd: 'cwd', type: 'DIR', name: '/tmp/pip-doctor-fixture' });
    expect(python.files).toContainEqual({ fd: 'txt', type: 'REG', name: '/usr/bin/python3.11' });
    expect(python.files).toContainEqual({ fd: '5', type: 'sock', name: 'protocol: TCP' });
    expect(python.files).toContainEqual({ fd: '6', type: 'FIFO', name: 'pipe' });
  });

  it('decodes the \\xNN escapes of the C locale back to UTF-8 names', () => {
    expect(processes[0]!.files).toContainEqual({
      fd: '3',
      type: 'REG',
      name: `${FIXTURE_SITE}/pkg/données.py`,
    });
  });

  it('keeps both ways lsof shows a deleted file: fd DEL (mapped) and a (deleted) name (open)', () => {
    const files = processes[0]!.files;
    expect(files).toContainEqual({
      fd: 'DEL',
      type: 'REG',
      name: `${FIXTURE_SITE}/pkg/_speedups.so`,
    });
    expect(files).toContainEqual({
      fd: '4',
      type: 'REG',
      name: `${FIXTURE_SITE}/pkg/old.pyc (deleted)`,
    });
  });

  it('reads the NUL-terminated variant (-F ...0) the same way', () => {
    const nulTerminated = FIXTURE.replace(/\n/g, '\0').replace(/\0(?=[pf])/g, '\0\n');
    expect(parseLsofFields(nulTerminated)).toEqual(processes);
  });
});

describe('holdersInLsofOutput', () => {
  it('lists the processes holding files under the prefix, deleted ones marked', async () => {
    const matcher = await createHeldPathMatcher([FIXTURE_SITE]);
    expect(holdersInLsofOutput(FIXTURE, matcher)).toEqual([
      {
        pid: PYTHON_PID,
        holds: [
          `${FIXTURE_SITE}/numpy/core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so`,
          `${FIXTURE_SITE}/pkg/_speedups.so (deleted)`,
          `${FIXTURE_SITE}/pkg/données.py`,
          `${FIXTURE_SITE}/pkg/old.pyc (deleted)`,
        ],
      },
      // The sleep only has its working directory there: that blocks nothing.
    ]);
  });

  it('puts priority paths first', async () => {
    const priority = `${FIXTURE_SITE}/pkg/données.py`;
    const matcher = await createHeldPathMatcher([FIXTURE_SITE], [priority]);
    expect(holdersInLsofOutput(FIXTURE, matcher)[0]!.holds[0]).toBe(priority);
  });
});

describe('unescapeLsof', () => {
  it('undoes C escapes, including a doubled backslash, and leaves ^X as printed', () => {
    expect(unescapeLsof('/a/tab\\tx')).toBe('/a/tab\tx');
    expect(unescapeLsof('/a/back\\\\x41slash')).toBe('/a/back\\x41slash');
    expect(unescapeLsof('/a/l\\xc3\\xa9\\xe4\\xb8\\xad')).toBe('/a/lé中');
    expect(unescapeLsof('/a/ctl^Ac')).toBe('/a/ctl^Ac');
    expect(unescapeLsof('/raw/é')).toBe('/raw/é');
  });
});

describe.skipIf(!existsSync('/usr/bin/lsof'))('findHoldersLsof, run for real', () => {
  const root = mkdtempSync(join(tmpdir(), 'pip-doctor-lsof-'));
  const site = join(root, 'venv ü', 'site-packages');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the same holders as the /proc scan', async () => {
    mkdirSync(join(site, 'pkg'), { recursive: true });
    const opened = join(site, 'pkg', 'modèle a.py');
    const mapped = join(site, 'pkg', '_ext.so');
    writeFileSync(opened, 'x = 1\n');
    const extension = execFileSync(SYSTEM_PYTHON, ['-c', 'import _json; print(_json.__file__)'], {
      encoding: 'utf8',
    }).trim();
    copyFileSync(extension, mapped);
    const holder = await startHolder([`open:${opened}`, `map:${mapped}`]);
    try {
      const viaLsof = await findHoldersLsof([site]);
      const viaProc = await findHoldersLinux([site]);
      expect(viaLsof.holders).toEqual([{ pid: holder.pid, holds: [mapped, opened] }]);
      expect(viaLsof.holders).toEqual(viaProc.holders);
      if (process.geteuid?.() === 0) expect(viaLsof.gaps).toEqual([]);
    } finally {
      await holder.stop();
    }
  });
});
