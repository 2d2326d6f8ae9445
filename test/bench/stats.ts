// Order statistics for timing samples. Medians rather than means: one slow round (a GC pause, the
// other core busy) must not move the headline number.

/** The q-quantile (0..1) by nearest rank on a sorted copy; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** a / b, or NaN when b is 0 (printed as n/a: 0 messages vs 0 messages has no ratio). */
export function ratio(a: number, b: number): number {
  return b === 0 ? NaN : a / b;
}
