// What each bench hands back, and the one table run.ts prints from all of them. Benches report
// numbers; only failed checks (a tool that did not do the work being timed) or errors make the
// run fail.

export interface Row {
  /** Bench number and what is measured, e.g. "1a list, 1,000 profiles". */
  bench: string;
  tunnelbar: string;
  /** The reference tool's number, or '' when there is none. */
  reference: string;
  /** tunnelbar / reference, lower is better for Tunnelbar; NaN when it does not apply. */
  ratio: number;
  /** How the number was obtained (samples, statistic). */
  how: string;
}

export interface Verdict {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BenchResult {
  rows: Row[];
  /** The targets: met or not met, never a failure of the run. */
  targets: Verdict[];
  /** Sanity checks that the timed work was really done; a failed one fails the run. */
  checks: Verdict[];
  notes: string[];
}

export function emptyResult(): BenchResult {
  return { rows: [], targets: [], checks: [], notes: [] };
}

export function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return 'n/a';
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}

export function formatRatio(r: number): string {
  return Number.isFinite(r) ? r.toFixed(2) : '';
}

function table(header: string[], body: string[][]): string[] {
  const widths = header.map((h, col) =>
    Math.max(h.length, ...body.map((r) => (r[col] ?? '').length)),
  );
  // Numbers right-aligned so magnitudes line up; the first and last columns are text.
  const line = (cells: string[]): string =>
    cells
      .map((c, col) => {
        const w = widths[col] ?? 0;
        return col === 0 || col === cells.length - 1 ? c.padEnd(w) : c.padStart(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

export function render(results: BenchResult[], errors: string[]): string {
  const rows = results.flatMap((r) => r.rows);
  const out = table(
    ['bench', 'tunnelbar', 'nmcli', 'ratio', 'how'],
    rows.map((r) => [r.bench, r.tunnelbar, r.reference, formatRatio(r.ratio), r.how]),
  );
  const verdicts = (title: string, list: Verdict[], yes: string, no: string): void => {
    if (list.length === 0) return;
    out.push('', title);
    for (const v of list) out.push(`  ${v.ok ? yes : no}  ${v.name}: ${v.detail}`);
  };
  verdicts(
    'Targets',
    results.flatMap((r) => r.targets),
    'met    ',
    'NOT MET',
  );
  verdicts(
    'Checks',
    results.flatMap((r) => r.checks),
    'ok    ',
    'FAILED',
  );
  const notes = results.flatMap((r) => r.notes);
  if (notes.length > 0) out.push('', 'Notes', ...notes.map((n) => `  - ${n}`));
  if (errors.length > 0) out.push('', 'Errors', ...errors.map((e) => `  ${e}`));
  return out.join('\n');
}
