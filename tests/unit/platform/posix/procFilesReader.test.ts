import { englishDeep } from '../../../support/english';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHoldersLinux } from '../../../../electron/platform/posix/procFileHolders';
import { startHolder } from '../../../support/pythonHolder';
import type { HolderProcess } from '../../../support/pythonHolder';

// The worker threads that read /proc, on the real machine. This file runs in a
// process of its own (vitest forks), so its first scan meets threads not yet started.

const root = mkdtempSync(join(tmpdir(), 'pip-doctor-reader-'));
const site = join(root, 'venv', 'lib', 'python3.11', 'site-packages');
const heldFile = join(site, 'pkg', '__init__.py');
let holder: HolderProcess;

beforeAll(async () => {
  mkdirSync(join(site, 'pkg'), { recursive: true });
  writeFileSync(heldFile, 'x = 1\n');
  holder = await startHolder([`open:${heldFile}`]);
});

afterAll(async () => {
  await holder.stop();
  rmSync(root, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('the /proc reader threads', () => {
  it('give up after the time limit with a gap that says so, and the next scan starts afresh', async () => {
    // Starting a thread takes milliseconds at the very least, so the first answer
    // cannot arrive within 1 ms: the scan must go on without it rather than wait.
    const late = await findHoldersLinux([site], { timeoutMs: 1 });
    expect(late.holders).toEqual([]);
    expect(englishDeep(late.gaps)).toEqual([
      {
        area: 'processes',
        message: expect.stringMatching(
          /^The open files of running programs could not be read within 0\.001 s/,
        ),
        howToReveal: expect.stringMatching(/scan again/),
      },
    ]);
    const next = await findHoldersLinux([site]);
    expect(next.holders).toEqual([{ pid: holder.pid, holds: [heldFile] }]);
  });

  it('never name this process, which must not offer to close itself', async () => {
    const ownHandle = openSync(heldFile, 'r');
    try {
      const scan = await findHoldersLinux([site]);
      expect(scan.holders.map((entry) => entry.pid)).toEqual([holder.pid]);
    } finally {
      closeSync(ownHandle);
    }
  });

  it('answer scans asked at the same time, each with its own paths', async () => {
    const elsewhere = join(root, 'elsewhere');
    const [inside, outside] = await Promise.all([
      findHoldersLinux([site]),
      findHoldersLinux([elsewhere]),
    ]);
    expect(inside.holders).toEqual([{ pid: holder.pid, holds: [heldFile] }]);
    expect(outside.holders).toEqual([]);
  });
});
