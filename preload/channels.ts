import type { CallFailure, CallName, EventName } from './contract';

/**
 * The Electron IPC channel of every contract call and event: one channel per name, so a handler
 * only ever receives its own call. Typed as complete maps over the contract's names: adding a
 * call or event to the contract without a channel here is a compile error, not a silent gap.
 *
 * Type-only imports of the contract on purpose: the sandboxed preload is bundled from this file,
 * and the contract's values would pull zod into it.
 */
export const CALL_CHANNELS: { readonly [C in CallName]: `tunnelbar:call:${C}` } = {
  'state:snapshot': 'tunnelbar:call:state:snapshot',
  'tunnel:connect': 'tunnelbar:call:tunnel:connect',
  'tunnel:disconnect': 'tunnelbar:call:tunnel:disconnect',
  'profile:set-favourite': 'tunnelbar:call:profile:set-favourite',
  'profile:set-reconnect': 'tunnelbar:call:profile:set-reconnect',
  'tunnel:diagnostics': 'tunnelbar:call:tunnel:diagnostics',
  'prompt:answer': 'tunnelbar:call:prompt:answer',
  'prompt:cancel': 'tunnelbar:call:prompt:cancel',
  'settings:get': 'tunnelbar:call:settings:get',
  'settings:set': 'tunnelbar:call:settings:set',
  'profile:get': 'tunnelbar:call:profile:get',
  'profile:save': 'tunnelbar:call:profile:save',
  'profile:create': 'tunnelbar:call:profile:create',
  'profile:delete': 'tunnelbar:call:profile:delete',
  'profile:base-connections': 'tunnelbar:call:profile:base-connections',
  'profiles:bulk': 'tunnelbar:call:profiles:bulk',
  'profiles:import-files': 'tunnelbar:call:profiles:import-files',
  'profiles:import-stop': 'tunnelbar:call:profiles:import-stop',
  'profile:export': 'tunnelbar:call:profile:export',
  'cert:store': 'tunnelbar:call:cert:store',
  'cert:inspect': 'tunnelbar:call:cert:inspect',
  'lockdown:get': 'tunnelbar:call:lockdown:get',
  'lockdown:set': 'tunnelbar:call:lockdown:set',
  'dns:get': 'tunnelbar:call:dns:get',
  'dns:fix': 'tunnelbar:call:dns:fix',
  'profile:set-dns': 'tunnelbar:call:profile:set-dns',
};

export const EVENT_CHANNELS: { readonly [E in EventName]: `tunnelbar:event:${E}` } = {
  'state:nm': 'tunnelbar:event:state:nm',
  'state:profiles': 'tunnelbar:event:state:profiles',
  'state:tunnel': 'tunnelbar:event:state:tunnel',
  'prompt:open': 'tunnelbar:event:prompt:open',
  'prompt:close': 'tunnelbar:event:prompt:close',
  'import:progress': 'tunnelbar:event:import:progress',
  'state:lockdown': 'tunnelbar:event:state:lockdown',
};

/**
 * What a call's handler sends back. Failures travel as a value, not a thrown error: Electron
 * rewrites the message of an error thrown in a handler and drops its other properties, and the
 * renderer needs the word as well as the sentence.
 */
export type CallReply<T> = { ok: true; value: T } | { ok: false; failure: CallFailure };

/** Narrows a name coming from untyped code (a compromised page) to a key of the map. */
export function hasChannel<K extends string>(
  channels: { readonly [N in K]: string },
  name: unknown,
): name is K {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
