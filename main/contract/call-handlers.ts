import type { CallArgs, CallName, CallResults } from '../../preload/contract';

/**
 * Main's side of every contract call: one handler per call of the contract's table, receiving the
 * arguments as main validated them (never the raw payload). The ContractServer holds one complete
 * map, so a call without a handler is a compile error.
 */
export type CallHandlers = {
  [C in CallName]: (...args: CallArgs<C>) => Promise<CallResults[C]>;
};

/**
 * The handlers of one area (tunnels, settings, the editor, the library, privacy): each area's
 * file returns an object literal that `satisfies` this, so its handlers are typed by the contract
 * and the server's merge of all areas is checked for completeness.
 */
export type SomeCallHandlers = Partial<CallHandlers>;

/** Runs one call, whose arguments were validated, on its handler. */
export function runCall<C extends CallName>(
  handlers: CallHandlers,
  name: C,
  args: CallArgs<C>,
): Promise<CallResults[C]> {
  const handler: (...args: CallArgs<C>) => Promise<CallResults[C]> = handlers[name];
  return handler(...args);
}
