/** One benchmark's outcome, as `npm run bench` prints it. */
export interface BenchResult {
  name: string;
  unit: 'ms' | 'MB';
  /** Median of the repeated runs, per variant measured side by side. */
  medians: Record<string, number>;
  ratio?: { label: string; value: number; budget: string; withinBudget: boolean };
  notes?: string[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function timeMs(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
