import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findHoldersLinux } from '../electron/platform/posix/procFileHolders';
import { prepareOpenFilesReader } from '../electron/platform/posix/procFilesReader';
import { runProcess } from '../electron/platform/runProcess';
import { SYSTEM_PYTHON, startHolder } from '../tests/unit/platform/pythonHolder';
import type { HolderProcess } from '../tests/unit/platform/pythonHolder';
import { median, timeMs } from './benchResult';
import type { BenchResult } from './benchResult';

const LSOF = '/usr/bin/lsof';
const RUNS = 11;
/** Steady state is what a median measures; the cold first run is reported beside it. */
const WARM_UP_RUNS = 10;
const COLD_LABEL = 'findHoldersLinux, first run (ms)';
const THREAD_START_LABEL = 'reader threads started, once (ms)';
const BUDGET = 10;
const PACKAGES = 40;
const FILES_PER_PACKAGE = 10;

/**
 * A site-packages of a few hundred files, some held by real Python processes
 * (open, or loaded as shared libraries), scanned by findHoldersLinux and by
 * `lsof +D`, the tool a Linux user would reach for. Runs alternate so both
 * see the same machine load; the medians are compared against the 10x budget.
 */
export async function benchHolders(): Promise<BenchResult> {
  const name = 'who holds the files: /proc scan vs lsof +D';
  if (process.platform !== 'linux') {
    return { name, unit: 'ms', medians: {}, notes: ['skipped: the /proc scan is Linux only'] };
  }
  const root = mkdtempSync(join(tmpdir(), 'pip-doctor-bench-holders-'));
  const site = join(root, 'venv', 'lib', 'python3.11', 'site-packages');
  const holders: HolderProcess[] = [];
  try {
    const extension = execFileSync(SYSTEM_PYTHON, ['-c', 'import _json; print(_json.__file__)'], {
      encoding: 'utf8',
    }).trim();
    const files = createSite(site, extension);
    // Three processes keep sources open, three have extension modules loaded (maps only).
    for (let i = 0; i < 3; i++) {
      const opened = files.sources.slice(i * 5, i * 5 + 5).map((path) => `open:${path}`);
      holders.push(await startHolder(opened));
      holders.push(await startHolder([`map:${files.libraries[i]!}`]));
    }
    const expected = holders.map((holder) => holder.pid).sort((a, b) => a - b);

    const pidsOf = {
      proc: async () => (await findHoldersLinux([site])).holders.map((holder) => holder.pid),
      lsof: async () => {
        const run = await runProcess(LSOF, ['+D', site], { timeoutMs: 60_000 });
        return parseLsofTablePids(run.stdout);
      },
    };
    const hasLsof = existsSync(LSOF);
    // As in the app, whose probe starts the reader's threads long before the first holder scan.
    const threadStart = await timeMs(prepareOpenFilesReader);
    // The first scan is timed apart: it is the one the app makes, before the JIT
    // has seen the code. Both tools must agree before anything else is timed.
    let found: number[] = [];
    const coldRun = await timeMs(async () => (found = await pidsOf.proc()));
    assertSamePids('findHoldersLinux', found, expected);
    if (hasLsof) assertSamePids('lsof +D', await pidsOf.lsof(), expected);
    for (let i = 0; i < WARM_UP_RUNS; i++) await pidsOf.proc();

    const procRuns: number[] = [];
    const lsofRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      procRuns.push(await timeMs(pidsOf.proc));
      if (hasLsof) lsofRuns.push(await timeMs(pidsOf.lsof));
    }
    const procMedian = median(procRuns);
    const notes = [
      `${countFiles(site)} files under the prefix, ${holders.length} holder processes, ` +
        `${readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).length} processes on the machine`,
      'lsof +D is timed as a spawn, as the app would have to run it',
      `medians of ${RUNS} interleaved runs each, after ${WARM_UP_RUNS} warm-up scans`,
      'lsof +D cannot see mapped files an upgrade has deleted; findHoldersLinux reports them',
    ];
    if (!hasLsof) {
      return {
        name,
        unit: 'ms',
        medians: {
          findHoldersLinux: procMedian,
          [COLD_LABEL]: coldRun,
          [THREAD_START_LABEL]: threadStart,
        },
        notes: [...notes, `no baseline: ${LSOF} is not installed`],
      };
    }
    const lsofMedian = median(lsofRuns);
    const speedUp = lsofMedian / procMedian;
    return {
      name,
      unit: 'ms',
      medians: {
        findHoldersLinux: procMedian,
        'lsof +D': lsofMedian,
        [COLD_LABEL]: coldRun,
        [THREAD_START_LABEL]: threadStart,
      },
      ratio: {
        label: 'speed-up over lsof +D (x)',
        value: Math.round(speedUp * 10) / 10,
        budget: `>= ${BUDGET}x`,
        withinBudget: speedUp >= BUDGET,
      },
      notes,
    };
  } finally {
    await Promise.all(holders.map((holder) => holder.stop()));
    rmSync(root, { recursive: true, force: true });
  }
}

/** Packages of .py sources with one extension module each. */
function createSite(site: string, extension: string): { sources: string[]; libraries: string[] } {
  const sources: string[] = [];
  const libraries: string[] = [];
  for (let p = 0; p < PACKAGES; p++) {
    const folder = join(site, `package_${p}`, 'core');
    mkdirSync(folder, { recursive: true });
    for (let f = 0; f < FILES_PER_PACKAGE - 1; f++) {
      const source = join(folder, `module_${f}.py`);
      writeFileSync(source, `VALUE = ${f}\n`);
      sources.push(source);
    }
    const library = join(folder, `_speedups.cpython-311-x86_64-linux-gnu.so`);
    copyFileSync(extension, library);
    libraries.push(library);
  }
  return { sources, libraries };
}

function countFiles(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  ).length;
}

/**
 * lsof's table: a header, then rows whose PID is right-aligned under "PID".
 * COMMAND may contain spaces ("tmux: ser"), so the pid is the last word
 * before the end of that column, not the second word of the row.
 */
function parseLsofTablePids(output: string): number[] {
  const [header, ...rows] = output.split('\n').filter(Boolean);
  const pidColumnEnd = (header ?? '').indexOf('PID') + 'PID'.length;
  const pids = rows.map((row) => Number(row.slice(0, pidColumnEnd).trim().split(/\s+/).at(-1)));
  return [...new Set(pids)].sort((a, b) => a - b);
}

function assertSamePids(label: string, actual: number[], expected: number[]): void {
  const sorted = [...new Set(actual)].sort((a, b) => a - b);
  if (sorted.join(',') !== expected.join(',')) {
    throw new Error(
      `${label} found pids [${sorted.join(', ')}], expected [${expected.join(', ')}]`,
    );
  }
}
