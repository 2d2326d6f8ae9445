import { isDeepStrictEqual } from 'node:util';
import { TunnelbarError } from '../errors/tunnelbar-error';

/** An edit main will not send to NetworkManager; the sentence says which field and why. */
export function editRefused(sentence: string): TunnelbarError {
  return new TunnelbarError('edit-refused', sentence);
}

/** Whether the user left a field as it was (structural comparison of plain data). */
export function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}
