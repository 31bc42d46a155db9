/**
 * Runs `work` over `items` with at most `limit` calls in flight, results in
 * input order. /proc scans touch hundreds of processes: firing every read at
 * once would queue them all on libuv's small thread pool and hold thousands of
 * open handles, one at a time would leave the pool idle.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      results[index] = await work(items[index]!);
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  signal?.throwIfAborted();
  return results;
}
