
/** EdgeX calls in flight at once per page request or agent round (per-device readings, service probes). */
export const EDGEX_CONCURRENCY = 6;

/**
 * Maps `items` with at most `limit` calls in flight, keeping the order of results. Each
 * call handles its own failures (EdgeX calls return them as data), so one slow service
 * holds one slot, never the whole page.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
