import {
  parseCallArgs,
  type CallName,
  type CallResults,
  type SnapshotView,
} from '../../preload/contract';
import type { ContractServer } from '../contract/server';
import type { LockdownControl } from './lockdown-control';
import type { TunnelReactions } from './tunnel-reactions';

/** What a window's call may reach besides the server: the app core's own state and reactions. */
export interface WindowCallRoute {
  server: Pick<ContractServer, 'handle'>;
  /** The app core's mirror: what the tray shows. */
  mirror: () => SnapshotView;
  tunnels: Pick<TunnelReactions, 'userStopped' | 'promptCancelled' | 'settingsChanged'>;
  lockdown: Pick<LockdownControl, 'changed'>;
}

/**
 * One call from a window whose sender the platform has checked, carried out for the app core.
 * The snapshot is the app core's own mirror, so a window shows what the tray shows; a stop the
 * person asks for (a disconnect, a cancelled prompt) is noted before it is carried out, so its
 * events are not news; a changed reconnect setting reaches the policy once it is saved.
 */
export async function routeWindowCall(
  route: WindowCallRoute,
  name: string,
  args: unknown,
): Promise<CallResults[CallName]> {
  if (name === 'state:snapshot' && parseCallArgs(name, args) !== undefined) {
    return route.mirror();
  }
  if (name === 'tunnel:disconnect') {
    const parsed = parseCallArgs(name, args);
    if (parsed !== undefined) route.tunnels.userStopped(parsed[0].uuid);
  } else if (name === 'settings:set' || name === 'profile:set-reconnect') {
    const result = await route.server.handle(name, args);
    route.tunnels.settingsChanged();
    return result;
  } else if (name === 'lockdown:set') {
    // Lockdown as NetworkManager holds it afterwards, whatever the call answered (a refusal
    // included), reaches the windows before the answer does.
    try {
      return await route.server.handle(name, args);
    } finally {
      await route.lockdown.changed();
    }
  } else if (name === 'prompt:cancel') {
    const parsed = parseCallArgs(name, args);
    if (parsed !== undefined) route.tunnels.promptCancelled(parsed[0].requestId);
  }
  return route.server.handle(name, args);
}
