import type { z } from 'zod';

/**
 * The pieces the contract's one table is written with (as Mullvad's ipc-schema.ts and
 * ipc-helpers.ts): a call entry holds the schema main validates its arguments with, and carries
 * what it answers as a type; an event entry carries its payload as a type. Names, channels, the
 * handler map and the preload's API are all derived from the table's keys.
 */

/** Never set at run time: the field only carries a type. */
export interface Answers<R> {
  readonly answers?: R;
}

export interface CallSpec<A extends z.ZodTuple, R> extends Answers<R> {
  /** The call's arguments, as a tuple: main parses them with this before a handler sees them. */
  readonly args: A;
}

export interface EventSpec<P> {
  /** Never set at run time: the field only carries the payload's type. */
  readonly payload?: P;
}

/** What a call answers: `call(schema, answers<SnapshotView>())`. */
export function answers<R>(): Answers<R> {
  return {};
}

export function call<A extends z.ZodTuple, R>(args: A, _answers: Answers<R>): CallSpec<A, R> {
  return { args };
}

export function event<P>(): EventSpec<P> {
  return {};
}

export type ResultOf<S> = S extends CallSpec<z.ZodTuple, infer R> ? R : never;
export type PayloadOf<S> = S extends EventSpec<infer P> ? P : never;
