/**
 * The bottom of the house: imports nothing of Tunnelbar, so every layer (the bus, NetworkManager,
 * the keyring, the contract, the CLI) can throw and recognise the one error type.
 */

/**
 * An error a person can act on: a stable kebab-case word for scripts and tests, and a sentence
 * that says what happened and what to do. Never carries a secret. It is also what a contract call
 * rejects with: the renderer gets the word and the sentence.
 */
export class TunnelbarError extends Error {
  constructor(
    readonly word: string,
    sentence: string,
  ) {
    super(sentence);
    this.name = 'TunnelbarError';
  }
}

export function describeUnknownError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
