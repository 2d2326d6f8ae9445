import { errorStrings as e } from './error-strings';

/**
 * An error a person can act on: a stable kebab-case word for scripts and tests, and a sentence
 * that says what happened and what to do. Never carries a secret.
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

export function busUnreachable(address: string, cause: string): TunnelbarError {
  return new TunnelbarError('bus-unreachable', e.busUnreachable(address, cause));
}

export function nmNotRunning(): TunnelbarError {
  return new TunnelbarError('nm-not-running', e.nmNotRunning);
}

export function unknownProfile(ref: string): TunnelbarError {
  return new TunnelbarError('unknown-profile', e.unknownProfile(ref));
}

export function ambiguousProfile(ref: string, count: number): TunnelbarError {
  return new TunnelbarError('ambiguous-profile', e.ambiguousProfile(ref, count));
}

export function describeUnknownError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
