import {
  answersOnlyAskedFields,
  type PromptAnswer,
  type PromptRequest,
  type Prompter,
} from '../agent/prompter';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { errorStrings as e } from '../errors/error-strings';

type PromptEvent = { kind: 'open'; request: PromptRequest } | { kind: 'close'; requestId: string };

interface Pending {
  request: PromptRequest;
  resolve: (answer: PromptAnswer | null) => void;
}

/**
 * The prompter of the GUI (and the harness): each request becomes a `prompt:open` event for the
 * renderer, answered by the `prompt:answer` or `prompt:cancel` call. Two requests are two prompts.
 * When NetworkManager withdraws a request, `prompt:close` tells the renderer to drop it.
 */
export class GuiPrompter implements Prompter {
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(event: PromptEvent) => void>();

  prompt(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer | null> {
    return new Promise((resolve) => {
      const finish = (answer: PromptAnswer | null): void => {
        if (!this.pending.delete(request.id)) return;
        signal.removeEventListener('abort', onAbort);
        this.emit({ kind: 'close', requestId: request.id });
        resolve(answer);
      };
      const onAbort = (): void => {
        finish(null);
      };
      if (signal.aborted) {
        resolve(null);
        return;
      }
      this.pending.set(request.id, { request, resolve: finish });
      signal.addEventListener('abort', onAbort, { once: true });
      this.emit({ kind: 'open', request });
    });
  }

  /** Prompts still waiting for an answer (a window opened late shows them). */
  open(): PromptRequest[] {
    return [...this.pending.values()].map((p) => p.request);
  }

  /**
   * Returns false when the request is gone (answered elsewhere, or withdrawn). Throws when the
   * answer holds a field the request did not ask for: refused rather than trimmed, since only a
   * broken or hostile page sends one, and the prompt stays open for a real answer.
   */
  answer(requestId: string, answer: PromptAnswer | null): boolean {
    const pending = this.pending.get(requestId);
    if (pending === undefined) return false;
    if (answer !== null && !answersOnlyAskedFields(pending.request, answer.values)) {
      throw new TunnelbarError('prompt-unasked-field', e.promptUnaskedField);
    }
    pending.resolve(answer);
    return true;
  }

  onEvent(listener: (event: PromptEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: PromptEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
