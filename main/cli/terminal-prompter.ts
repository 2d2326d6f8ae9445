import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { PromptAnswer, PromptRequest, Prompter } from '../agent/prompter';
import { terminalSafe } from './terminal-text';
import { promptStrings as p } from './prompt-strings';
import { readTtyLine, type TtyInput } from './tty-line';

/**
 * The CLI's prompter. On a terminal each field is read by its own reader, attached for that field
 * only (tty-line.ts), secrets with echo off; otherwise it reads one line per field from stdin (for
 * scripts and tests), and the end of input means "cancel". Everything it prints goes to stderr,
 * so stdout stays clean for --json.
 */

function reasonLine(request: PromptRequest): string | null {
  switch (request.reason) {
    case 'rejected':
      return p.rejected;
    case 'challenge':
      return p.serverAsks(terminalSafe(request.message));
    case 'certificate': {
      const cert = request.certificate;
      if (cert === undefined) return p.certUntrusted;
      return [
        p.certOf(terminalSafe(cert.host), terminalSafe(cert.reason)),
        p.certKey(terminalSafe(cert.fingerprint)),
      ].join('\n');
    }
    case 'initial':
    case 'browser':
      return null;
  }
}

/** "yes", or the language's own word for it. */
function accepts(answer: string | null): boolean {
  const word = answer?.trim().toLocaleLowerCase() ?? '';
  return word === 'yes' || word === p.yes.toLocaleLowerCase();
}

/** A choice answered by its number or its label; anything else goes back as typed. */
function chosen(options: readonly string[], line: string): string {
  const n = Number.parseInt(line, 10);
  if (String(n) === line.trim() && n >= 1 && n <= options.length) return options[n - 1] ?? line;
  return line;
}

/** Resolves (with null) only when the signal aborts: a prompt that just waits. */
function untilAborted(signal: AbortSignal): Promise<null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    signal.addEventListener(
      'abort',
      () => {
        resolve(null);
      },
      { once: true },
    );
  });
}

/** Reads lines from a non-terminal stream, one at a time, in order; null at end of input. */
class LineQueue {
  private readonly lines: string[] = [];
  private readonly waiters: ((line: string | null) => void)[] = [];
  private ended = false;

  constructor(input: Readable) {
    const rl = createInterface({ input, crlfDelay: Infinity });
    rl.on('line', (line) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(line);
      else this.lines.push(line);
    });
    rl.on('close', () => {
      this.ended = true;
      for (const waiter of this.waiters.splice(0)) waiter(null);
    });
  }

  next(signal: AbortSignal): Promise<string | null> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended || signal.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter = (value: string | null): void => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(null);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }
}

export class TerminalPrompter implements Prompter {
  private queue: LineQueue | null = null;
  /** One prompt at a time on one terminal; a second request waits its turn. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly input: TtyInput = process.stdin,
    private readonly output: Writable = process.stderr,
    /** `--save`: keep what is typed in the keyring, wherever saving is allowed. */
    private readonly save = false,
  ) {}

  prompt(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer | null> {
    const run = this.turn.then(() => this.ask(request, signal));
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async ask(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer | null> {
    if (signal.aborted) return null;
    // The title names the profile and the message is the plugin's or the server's text: both are
    // shown escaped, like the labels, so that neither can drive the terminal.
    const lines = [`${terminalSafe(request.title)}: ${terminalSafe(request.message)}`];
    const why = reasonLine(request);
    if (why !== null) lines.push(why);
    this.output.write(`${lines.join('\n')}\n`);
    if (request.reason === 'browser') return untilAborted(signal);
    if (request.reason === 'certificate') {
      const answer = await this.readField(p.acceptIt, false, signal);
      return accepts(answer) ? { values: {}, save: false } : null;
    }
    const values: Record<string, string> = {};
    for (const field of request.fields) {
      const options = field.options ?? [];
      for (const [i, option] of options.entries())
        this.output.write(`  ${String(i + 1)}) ${terminalSafe(option)}\n`);
      // A known value (the user name NetworkManager has) is offered as the default: Enter alone
      // keeps it rather than sending an empty answer. A secret's value is never shown.
      const known = field.secret ? '' : (field.initial ?? '');
      const label =
        known === ''
          ? p.field(terminalSafe(field.label))
          : p.fieldWithDefault(terminalSafe(field.label), terminalSafe(known));
      const typed = await this.readField(label, field.secret, signal);
      if (typed === null) return null;
      const value = typed === '' && known !== '' ? known : typed;
      values[field.key] = options.length > 0 ? chosen(options, value) : value;
    }
    return { values, save: this.save && request.canSave };
  }

  private readField(label: string, secret: boolean, signal: AbortSignal): Promise<string | null> {
    if (this.input.isTTY === true) {
      // The label goes out once the reader is attached: echo is off before it asks for a secret.
      return readTtyLine(this.input, this.output, secret, signal, () => {
        this.output.write(label);
      });
    }
    // A pipe has one reader for its whole life: a line may arrive in the same chunk as the one
    // before it. No other reader ever shares it (hidden reads happen only on a terminal).
    this.output.write(label);
    this.queue ??= new LineQueue(this.input);
    // Input that is not a terminal is not echoed: end the label's line ourselves.
    return this.queue.next(signal).then((line) => {
      this.output.write('\n');
      return line;
    });
  }
}
