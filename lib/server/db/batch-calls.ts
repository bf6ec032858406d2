import "server-only";

/**
 * Collects single calls into batches: `add(item)` resolves with that item's result once
 * `run` has processed the batch it landed in. A batch is run `delayMs` after its first item
 * or as soon as it holds `maxItems`; batches run one at a time, in order, so a later call
 * never overtakes an earlier one. Used where thousands of agents connecting at once would
 * otherwise cost a database round trip each (credential checks, connection bookkeeping).
 * When `run` throws, every call of that batch rejects with the error.
 */
export function batchCalls<T, R>(run: (items: T[]) => Promise<R[]>, options: { delayMs?: number; maxItems?: number } = {}): (item: T) => Promise<R> {
  const { delayMs = 20, maxItems = 500 } = options;
  let pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  const kick = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending.slice(0, maxItems);
    pending = pending.slice(maxItems);
    if (pending.length > 0) timer = setTimeout(kick, 0);
    chain = chain.then(async () => {
      try {
        const results = await run(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(results[i]!));
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    });
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (pending.length >= maxItems) kick();
      else timer ??= setTimeout(kick, delayMs);
    });
}
