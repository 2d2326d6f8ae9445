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
