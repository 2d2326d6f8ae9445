/**
 * What the secret agent asks a person, and the interface of whoever asks: the CLI's terminal
 * prompter, or the GUI's prompt window. Plain values only: this crosses into the renderer.
 */

import type { CertificateView, SecretFieldView as SecretField } from '../../preload/contract';

// The fields and the certificate are the contract's types: the GUI's prompt shows them as they are.
export type { CertificateView, SecretField };

/**
 * Why the prompt is shown: first time in this attempt, the previous answer was rejected by the
 * server, or the server asks a further question (one-time code); `certificate`: accept or refuse
 * `certificate` (no fields: an empty answer accepts, cancel refuses); `browser`: a web login runs
 * in the system browser (no fields: the prompt only waits, and is withdrawn when the login ends;
 * cancel stops it).
 */
export type PromptReason = 'initial' | 'rejected' | 'challenge' | 'certificate' | 'browser';

export interface PromptRequest {
  /** Unique per request; the GUI keys its windows by it. */
  id: string;
  connectionUuid: string;
  connectionId: string;
  /** `openvpn`, `wireguard`, or the plugin's short name. */
  vpnType: string;
  title: string;
  /** The plugin's or server's text: for a challenge, the server's question. */
  message: string;
  reason: PromptReason;
  fields: SecretField[];
  /** Whether "save password" may be offered: never for challenges or "ask every time" secrets. */
  canSave: boolean;
  /**
   * "Save password" starts ticked: the keyring holds the password NetworkManager just rejected,
   * so the one typed now should replace it. Absent: unticked.
   */
  saveChecked?: boolean;
  /** With reason `certificate`: the certificate to accept or refuse. */
  certificate?: CertificateView;
}

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
