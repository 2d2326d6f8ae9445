// A one-line progress bar on a terminal's stderr, redrawn in place. Only for a terminal: in a
// pipe or a log file the carriage returns would be noise. Report lines written meanwhile (to
// stdout, often the same terminal) go through `above()`, which lifts the bar out of their way.

import type { Writable } from 'node:stream';
import { terminalSafe } from './terminal-text';

/** The stream the bar draws on: a TTY has `columns`. */
export type BarStream = Writable & { isTTY?: boolean; columns?: number };

/** Redraws at most this often; 5,000 files a second would otherwise mean 5,000 redraws. */
const MIN_REDRAW_MS = 80;
const CLEAR_LINE = '\r\x1b[K';

/** `[#####-----]  37/200  name`, cut to `width` columns; the name (a file's) shown escaped. */
export function renderBar(done: number, total: number, label: string, width: number): string {
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  const barWidth = Math.max(10, Math.min(40, width - count.length - 6));
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  const text = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${count}  ${terminalSafe(label)}`;
  return text.length > width - 1 ? text.slice(0, Math.max(0, width - 1)) : text;
}

export class ProgressBar {
  private shown = '';
  private lastDraw = 0;
  private done = 0;
  private label = '';

  private constructor(
    private readonly out: BarStream,
    private readonly total: number,
  ) {}

  /** A bar when `out` is a terminal, else null. */
  static forStream(out: BarStream, total: number): ProgressBar | null {
    return out.isTTY === true ? new ProgressBar(out, total) : null;
  }

  update(done: number, label: string): void {
    this.done = done;
    this.label = label;
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < MIN_REDRAW_MS) return;
    this.lastDraw = now;
    this.draw();
  }

  /** Runs `write` (whole lines of output) with the bar out of the way, then puts the bar back. */
  above(write: () => void): void {
    const had = this.shown !== '';
    this.erase();
    write();
    if (had) this.draw();
  }

  /** Removes the bar for good. */
  finish(): void {
    this.erase();
  }

  private draw(): void {
    // A terminal that does not know its size says 0 columns.
    const columns = this.out.columns ?? 0;
    this.shown = renderBar(this.done, this.total, this.label, columns > 0 ? columns : 80);
    this.out.write(`${CLEAR_LINE}${this.shown}`);
  }

  private erase(): void {
    if (this.shown === '') return;
    this.out.write(CLEAR_LINE);
    this.shown = '';
  }
}
