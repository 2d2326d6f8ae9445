// Progress of an import for the window. The import pipeline reports every file; thousands of files
// must not mean thousands of IPC messages, so a report goes out only when ~50 ms have passed or
// another 1% is done since the last one, plus the first (0 of n, so the bar appears) and the last.

export interface ProgressOptions {
  intervalMs?: number;
  now?: () => number;
}

export type ProgressSink = (done: number, total: number) => void;

/** Wraps `emit` so that at most ~1 event per interval or per percent reaches it. */
export function coalescedProgress(emit: ProgressSink, opts: ProgressOptions = {}): ProgressSink {
  const intervalMs = opts.intervalMs ?? 50;
  const now = opts.now ?? Date.now;
  let lastAt = -Infinity;
  let lastDone = -1;
  return (done, total) => {
    if (done === lastDone) return;
    const t = now();
    const final = done >= total;
    const step = Math.max(1, total / 100);
    if (final || lastDone < 0 || t - lastAt >= intervalMs || done - lastDone >= step) {
      lastAt = t;
      lastDone = done;
      emit(done, total);
    }
  };
}
