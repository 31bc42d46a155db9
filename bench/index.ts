/**
 * `npm run bench`: every benchmark, medians of repeated runs, each with its
 * baseline or budget side by side. Exits 1 when a budget is missed.
 */
import { benchClassifyHugeLog, benchClassifyOneMegabyte } from './classifier.bench';
import { benchDiagnose } from './diagnose.bench';
import { benchFirstRender } from './firstRender.bench';
import { benchHolders } from './holders.bench';
import type { BenchResult } from './benchResult';

const BENCHES: Array<[string, () => Promise<BenchResult>]> = [
  ['classifier-1mb', benchClassifyOneMegabyte],
  ['classifier-100mb', benchClassifyHugeLog],
  ['holders', benchHolders],
  ['diagnose', benchDiagnose],
  ['first-render', benchFirstRender],
];

function print(result: BenchResult): void {
  console.log(`\n${result.name}`);
  for (const [label, value] of Object.entries(result.medians)) {
    console.log(
      `  ${label.padEnd(44)} ${value.toFixed(2)}${label.includes('(') ? '' : ` ${result.unit}`}`,
    );
  }
  if (result.ratio) {
    const { label, value, budget, withinBudget } = result.ratio;
    console.log(
      `  ${label.padEnd(44)} ${value.toFixed(2)}  budget ${budget}  ${withinBudget ? 'OK' : 'OVER BUDGET'}`,
    );
  }
  for (const note of result.notes ?? []) console.log(`  ${note}`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failed = false;
  for (const [id, run] of BENCHES) {
    if (only.length > 0 && !only.includes(id)) continue;
    const result = await run();
    print(result);
    if (result.ratio && !result.ratio.withinBudget) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
