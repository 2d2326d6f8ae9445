import type { PromptAnswer, PromptRequest, Prompter } from '../../main/agent/prompter';

/** A prompt the test has received and answers by hand. */
export interface OpenPrompt {
  request: PromptRequest;
  /** `save`: the person ticked "Save password" (whether or not it was offered). */
  answer(values: Record<string, string>, save?: boolean): void;
  cancel(): void;
  /** Resolves when NetworkManager withdrew the request (CancelGetSecrets) or the agent stopped. */
  withdrawn: Promise<void>;
}

/**
 * Stands in for the person at the prompt: every request waits until the test answers it, so a
 * test can see two prompts open at once, what each says, and answer them in any order.
 */
export class ScriptedPrompter implements Prompter {
  readonly seen: PromptRequest[] = [];
  private readonly open: OpenPrompt[] = [];
  private readonly waiters: ((p: OpenPrompt) => void)[] = [];

  prompt(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer | null> {
    this.seen.push(request);
    return new Promise((resolve) => {
      const withdrawn = new Promise<void>((done) => {
        signal.addEventListener(
          'abort',
          () => {
            resolve(null);
            done();
          },
          { once: true },
        );
      });
      const prompt: OpenPrompt = {
        request,
        answer: (values, save = false) => {
          resolve({ values, save });
        },
        cancel: () => {
          resolve(null);
        },
        withdrawn,
      };
      const waiter = this.waiters.shift();
      if (waiter) waiter(prompt);
      else this.open.push(prompt);
    });
  }

  /** The next prompt shown (already open, or the next to open), within the time given. */
  next(timeoutMs = 30_000): Promise<OpenPrompt> {
    const ready = this.open.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no prompt within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (p: OpenPrompt): void => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push(waiter);
    });
  }
}
