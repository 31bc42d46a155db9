/**
 * Runs in a fresh process for the streaming benchmark: classifies one file
 * and prints its time and peak resident memory as JSON, so that no earlier
 * run's garbage counts against this one.
 */
import { classifyLogFile } from '../electron/engine/logClassifier';

async function main(): Promise<void> {
  const file = process.argv[2]!;
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  const start = process.hrtime.bigint();
  const finding = await classifyLogFile(file);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(
    JSON.stringify({
      ms,
      peakMb: peak / 1048576,
      growthMb: (peak - baseline) / 1048576,
      category: finding.category,
    }),
  );
}

void main();
