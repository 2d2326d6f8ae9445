/**
 * Maps over items with at most `limit` calls in flight. The system bus refuses more than 128
 * pending replies per connection (max_replies_per_connection): thousands of GetSettings sent at
 * once get LimitsExceeded errors, and profiles would silently go missing.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Runs tasks keyed by name with at most `limit` running; a key asked for again while it waits
 * runs once, and while it runs, once more afterwards (its result would be stale). For refreshes
 * driven by signals: a burst of thousands of profiles added by another client must neither
 * exceed the bus's pending-reply limit nor fetch one profile several times.
 */
export class KeyedQueue {
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly task: (key: string) => Promise<void>,
  ) {}

  request(key: string): void {
    if (this.queued.has(key)) return;
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    this.queued.add(key);
    this.waiting.push(key);
    this.pump();
  }

  private pump(): void {
    while (this.running.size < this.limit) {
      const key = this.waiting.shift();
      if (key === undefined) return;
      this.queued.delete(key);
      this.running.add(key);
      void this.task(key)
        .catch(() => undefined)
        .finally(() => {
          this.running.delete(key);
          if (this.again.delete(key)) this.request(key);
          this.pump();
        });
    }
  }
}
