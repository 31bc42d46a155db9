import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { classifyLogText } from '../electron/engine/logClassifier';
import { median, timeMs } from './benchResult';
import type { BenchResult } from './benchResult';

const SAMPLES = join(__dirname, '..', 'tests', 'fixtures', 'pip-logs', 'shared-samples.jsonl');
const DECISIVE =
  "ERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: 'C:\\\\Program Files\\\\Python312\\\\Lib\\\\site-packages\\\\numpy\\\\core\\\\_multiarray_umath.cp312-win_amd64.pyd'";

/**
 * Real pip output, repeated: the shared samples' logs in turn, the decisive
 * error last. PEP 668 logs are left out: that verdict wins wherever it appears.
 */
function realisticLines(): string[] {
  return readFileSync(SAMPLES, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { log: string; category: string })
    .filter((sample) => sample.category !== 'pep668')
    .map((sample) => sample.log)
    .join('\n')
    .split('\n');
}

function logOfSize(bytes: number, lines: string[]): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = lines[i % lines.length]!;
    parts.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  parts.push(DECISIVE);
  return parts.join('\n');
}

export async function benchClassifyOneMegabyte(): Promise<BenchResult> {
  const text = logOfSize(1024 * 1024, realisticLines());
  classifyLogText(text); // warm the JIT and the regex caches once
  const runs: number[] = [];
  for (let i = 0; i < 21; i++) runs.push(await timeMs(() => classifyLogText(text)));
  const value = median(runs);
  return {
    name: 'classify a 1 MB pip log',
    unit: 'ms',
    medians: { classifyLogText: value },
    ratio: {
      label: 'median vs the 50 ms budget',
      value: value / 50,
      budget: '< 1.0',
      withinBudget: value < 50,
    },
  };
}

interface ChildRun {
  ms: number;
  peakMb: number;
  growthMb: number;
  category: string;
}

const TSX = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const CHILD = join(__dirname, 'classifyFileChild.ts');
/** A fixed heap: if the classifier kept lines, a 100 MB log could not finish inside it. */
const CAPPED = '--max-old-space-size=24 --max-semi-space-size=4';

function classifyInChild(file: string, nodeOptions: string): ChildRun {
  const out = execFileSync(TSX, [CHILD, file], {
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
    encoding: 'utf8',
  });
  return JSON.parse(out) as ChildRun;
}

async function writeLog(file: string, megabytes: number, chunk: string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < megabytes; i++) {
    if (!out.write(`${chunk}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Streams logs of 10 MB and 100 MB from disk, each run in a fresh process,
 * and reports time and peak resident memory: the stream must keep memory
 * flat whatever the size. Runs with V8's default heap sizing and again
 * under a small fixed heap, which a classifier that kept lines would blow.
 */
export async function benchClassifyHugeLog(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pip-doctor-bench-'));
  try {
    const chunk = logOfSize(1024 * 1024, realisticLines());
    const medians: Record<string, number> = {};
    const peaks: Record<string, number> = {};
    for (const megabytes of [10, 100]) {
      const file = join(dir, `${megabytes}mb.log`);
      await writeLog(file, megabytes, chunk);
      for (const [label, flags] of [
        ['default heap', ''],
        ['capped heap', CAPPED],
      ] as const) {
        const runs = [0, 1, 2].map(() => classifyInChild(file, flags));
        if (runs.some((run) => run.category !== 'permission'))
          throw new Error('wrong verdict on the huge log');
        medians[`${megabytes} MB, ${label}: time (ms)`] = median(runs.map((run) => run.ms));
        peaks[`${megabytes}:${label}`] = median(runs.map((run) => run.peakMb));
        medians[`${megabytes} MB, ${label}: peak RSS (MB)`] = peaks[`${megabytes}:${label}`]!;
      }
    }
    const growth = peaks['100:capped heap']! - peaks['10:capped heap']!;
    return {
      name: 'classify a 100 MB pip log, streamed (each run in a fresh process)',
      unit: 'ms',
      medians,
      ratio: {
        label: 'peak RSS 100 MB minus 10 MB, capped heap (MB)',
        value: growth,
        budget: '< 16 MB (flat)',
        withinBudget: growth < 16,
      },
      notes: [
        `throughput ${(100 / (medians['100 MB, default heap: time (ms)']! / 1000)).toFixed(0)} MB/s`,
        'default-heap peaks differ only by how lazily V8 collects garbage; the capped run proves nothing is retained',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
