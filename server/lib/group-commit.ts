/**
 * Group commit: items added while a flush is in flight wait for the next flush, which writes them all at
 * once; an item added while none is in flight is flushed at once (no added latency when idle). Each
 * `add` resolves when the flush holding its item has finished, and rejects if that flush failed, so a
 * caller still answers only after its row is stored. Used for the disclosure records, one per request
 * with an API token: under load, one INSERT (and one WAL flush) for the requests of a few milliseconds.
 */
export function groupCommit<T>(flush: (items: T[]) => Promise<void>, maxBatch = 500): { add(item: T): Promise<void> } {
  let waiting: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let flushing = false;

  async function run(): Promise<void> {
    flushing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        await flush(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    flushing = false;
  }

  return {
    add(item: T): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!flushing) void run();
      });
    },
  };
}
