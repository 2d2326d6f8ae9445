import type { CallReply } from '../../preload/channels';
import type { CallArgs, CallFailure, CallName, CallResults } from '../../preload/contract';
import type { ContractServer } from '../contract/server';
import { TunnelbarError } from '../errors/tunnelbar-error';

export type CallHandler = Pick<ContractServer, 'handle'>;

/** A TunnelbarError keeps its word and sentence; anything else is reported without its details. */
export function failureOf(err: unknown): CallFailure {
  if (err instanceof TunnelbarError) return { word: err.word, sentence: err.message };
  return {
    word: 'internal-error',
    sentence: 'Tunnelbar failed to carry this out.',
  };
}

const FOREIGN_SENDER: CallFailure = {
  word: 'forbidden-sender',
  sentence: 'The call was refused: it did not come from a Tunnelbar window.',
};

/**
 * One call from a window, after the sender check: refused when the sender is not ours, else
 * handed to the contract server (which validates the payload). Never throws: the reply carries
 * the failure.
 */
export async function dispatchCall(
  server: CallHandler,
  /** Checked by the server: a page may name anything. */
  name: string,
  args: unknown[],
  trusted: boolean,
): Promise<CallReply<CallResults[CallName]>> {
  if (!trusted) return { ok: false, failure: FOREIGN_SENDER };
  try {
    return { ok: true, value: await server.handle(name, args) };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}

/** The shell's own calls (tray, windows) go through the same server, typed. */
export async function callServer<C extends CallName>(
  server: CallHandler,
  name: C,
  ...args: CallArgs<C>
): Promise<CallResults[C]> {
  // handle() is typed over every call; the name fixes which result this one is.
  return (await server.handle(name, args)) as CallResults[C];
}
