import type { CallFailure, CallName, EventName } from './contract';

/**
 * The Electron IPC channel of every contract call and event, derived from its name: one channel
 * per name, so a handler only ever receives its own call. The names come from the contract's one
 * table (main: CALL_NAMES, EVENT_NAMES; the preload: the same lists put in at build time).
 *
 * Type-only imports of the contract on purpose: the sandboxed preload is bundled from this file,
 * and the contract's values would pull zod into it.
 */
export type CallChannel<C extends CallName> = `tunnelbar:call:${C}`;
export type EventChannel<E extends EventName> = `tunnelbar:event:${E}`;

export function callChannel<C extends CallName>(name: C): CallChannel<C> {
  return `tunnelbar:call:${name}`;
}

export function eventChannel<E extends EventName>(name: E): EventChannel<E> {
  return `tunnelbar:event:${name}`;
}

/**
 * What a call's handler sends back. Failures travel as a value, not a thrown error: Electron
 * rewrites the message of an error thrown in a handler and drops its other properties, and the
 * renderer needs the word as well as the sentence.
 */
export type CallReply<T> = { ok: true; value: T } | { ok: false; failure: CallFailure };

/** Narrows a name coming from untyped code (a compromised page) to one of the contract's. */
export function isOneOf<K extends string>(names: readonly K[], name: unknown): name is K {
  return typeof name === 'string' && (names as readonly string[]).includes(name);
}
