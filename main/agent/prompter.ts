/**
 * What the secret agent asks a person, and the interface of whoever asks: the CLI's terminal
 * prompter, or the GUI's prompt window. Plain values only: this crosses into the renderer.
 */

import type {
  CertificateView,
  PromptView as PromptRequest,
  SecretFieldView as SecretField,
} from '../../preload/contract';

// The request, its fields and the certificate are the contract's types: the GUI's prompt window
// shows the request as it is.
export type { CertificateView, PromptRequest, SecretField };

export type PromptReason = PromptRequest['reason'];

export interface PromptAnswer {
  values: Record<string, string>;
  save: boolean;
}

export interface Prompter {
  /**
   * Asks the person; resolves with their answer, or null when they cancelled. The signal aborts
   * when NetworkManager cancels the request (CancelGetSecrets) or Tunnelbar shuts down: close the
   * prompt then; the promise may resolve with null.
   */
  prompt(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer | null>;
}

/**
 * Whether an answer holds only fields the request asked for. A field's name is never looked up
 * through the prototype chain: `__proto__` or `toString` are not fields.
 */
export function answersOnlyAskedFields(
  request: Pick<PromptRequest, 'fields'>,
  values: Record<string, string>,
): boolean {
  const asked = new Set(request.fields.map((f) => f.key));
  return Object.keys(values).every((key) => asked.has(key));
}
