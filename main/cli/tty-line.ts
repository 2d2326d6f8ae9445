// Reads one answer from a terminal. Every call attaches its own reader to the terminal and
// detaches it before it resolves: a reader left attached (as a readline interface was) keeps
// consuming what is typed for the next field, so a password typed with echo off came back later
// as the answer to a user name or an echoed one-time code.
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface TtyInput extends Readable {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = '\b';
const DEL = '\u007f';

/** What one keystroke does to a hidden line being typed. */
function hiddenKey(value: string, ch: string): { value: string; done?: 'enter' | 'cancel' } {
  if (ch === '\r' || ch === '\n') return { value, done: 'enter' };
  if (ch === CTRL_C || ch === CTRL_D) return { value, done: 'cancel' };
  // Erase one code point, not half of a surrogate pair.
  if (ch === DEL || ch === BACKSPACE) return { value: value.replace(/.$/su, '') };
  if (ch === CTRL_U) return { value: '' };
  // Other control keys (arrows send ESC sequences) are not part of a password.
  if (ch < ' ') return { value };
  return { value: value + ch };
}

/**
 * One line from a terminal, or null when cancelled (Ctrl-C or Ctrl-D in a hidden field, end of
 * input, or `signal`). `hidden`: echo off (raw mode, editing done here); otherwise the terminal's
 * own line discipline echoes and edits the line. `onReady` runs once the reader is attached (and
 * echo is off), so a label printed there is never answered before it can be read in secret.
 * Anything typed after the line's Enter in the same read is dropped, as getpass() flushes it:
 * type-ahead meant for one field never becomes another field's answer.
 */
export function readTtyLine(
  input: TtyInput,
  output: Writable,
  hidden: boolean,
  signal: AbortSignal,
  onReady: () => void,
): Promise<string | null> {
  // A terminal closed by Ctrl-D at an earlier field sends no second 'end'.
  if (signal.aborted || input.readableEnded) return Promise.resolve(null);
  return new Promise((resolve) => {
    const decoder = new StringDecoder('utf8');
    let value = '';
    const finish = (result: string | null, newline: boolean): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      signal.removeEventListener('abort', onAbort);
      if (hidden) input.setRawMode?.(false);
      input.pause();
      // With echo off the Enter was not shown; a cancelled line was never ended.
      if (newline) output.write('\n');
      resolve(result);
    };
    const onAbort = (): void => {
      finish(null, true);
    };
    const onEnd = (): void => {
      finish(null, true);
    };
    const onData = (chunk: Buffer): void => {
      const text = decoder.write(chunk);
      if (!hidden) {
        value += text;
        const end = value.search(/[\r\n]/);
        if (end >= 0) finish(value.slice(0, end), false);
        return;
      }
      for (const ch of text) {
        const step = hiddenKey(value, ch);
        value = step.value;
        if (step.done !== undefined) {
          finish(step.done === 'enter' ? value : null, true);
          return;
        }
      }
    };
    input.setRawMode?.(hidden);
    input.on('data', onData);
    input.on('end', onEnd);
    signal.addEventListener('abort', onAbort, { once: true });
    input.resume();
    onReady();
  });
}
