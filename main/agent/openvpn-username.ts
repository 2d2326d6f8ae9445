import { Variant, type Message } from 'dbus-next';
import { isDBusError } from '../dbus/connection';
import { activateConnection } from '../nm/actions';
import { stringMapProp, stringProp, type SettingsDict } from '../nm/dbus-types';
import { ActiveState, IFACE, OPENVPN_SERVICE, Update2Flags } from '../nm/names';
import { getSettings, update2, type NmCaller } from '../nm/settings-calls';

/**
 * A user name typed in the prompt of an OpenVPN profile that has none. NetworkManager-openvpn
 * sends the server vpn.data `username` of the attempt's own copy of the profile, taken when the
 * attempt starts; without one, the login name of the user whose agent answered. It takes no user
 * name among the secrets (a secret it does not know fails the connection), and NetworkManager
 * merges only secrets into that copy. So the typed name can reach the server only through the
 * profile: the agent writes it there (as "Set user name" would) and starts the attempt again,
 * handing the typed secrets to the new attempt so that nothing is asked twice.
 */

const USER_NAME_TYPES: ReadonlySet<string> = new Set(['password', 'password-tls']);

function isOpenvpn(connection: SettingsDict): boolean {
  return stringProp(connection.vpn, 'service-type') === OPENVPN_SERVICE;
}

/** Whether an OpenVPN profile logs in with a user name and has none in vpn.data. */
export function lacksUserName(connection: SettingsDict): boolean {
  if (!isOpenvpn(connection)) return false;
  const data = stringMapProp(connection.vpn, 'data');
  return (
    USER_NAME_TYPES.has(data['connection-type'] ?? 'tls') && (data.username ?? '').trim() === ''
  );
}

/** The user name typed (trimmed) when the profile does not have it already, else null. */
export function newUserName(
  connection: SettingsDict,
  typed: Record<string, string>,
): string | null {
  if (!isOpenvpn(connection)) return null;
  const name = (typed.username ?? '').trim();
  const data = stringMapProp(connection.vpn, 'data');
  return name !== '' && name !== (data.username ?? '').trim() ? name : null;
}

/** Starts a profile's attempt again with a new user name. */
export interface ProfileRestarter {
  /**
   * Writes vpn.data `username` into the profile at `path` (to disk), once this attempt has been
   * answered (NetworkManager fails an attempt whose profile changed under it), then activates the
   * profile again as soon as NetworkManager lets go of the old attempt.
   */
  restartWithUserName(path: string, username: string): Promise<void>;
}

/** What the restarter needs of the bus: calls, and NetworkManager's signals. */
export interface RestarterBus extends NmCaller {
  on(event: 'signal', listener: (msg: Message) => void): unknown;
  off(event: 'signal', listener: (msg: Message) => void): unknown;
}

const ALREADY_ACTIVE = 'org.freedesktop.NetworkManager.ConnectionAlreadyActive';
const ACTIVE_PREFIX = '/org/freedesktop/NetworkManager/ActiveConnection/';
/** How long the old attempt may take to end (it ends as soon as it gets the agent's answer). */
const OLD_ATTEMPT_MS = 15_000;

/** Resolves on the next sign that an active connection ended (or after `ms`, rejecting). */
function activeConnectionEnded(bus: RestarterBus, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onSignal = (msg: Message): void => {
      const [first] = msg.body as unknown[];
      const removed =
        msg.member === 'InterfacesRemoved' &&
        typeof first === 'string' &&
        first.startsWith(ACTIVE_PREFIX);
      const deactivated =
        msg.interface === IFACE.active &&
        msg.member === 'StateChanged' &&
        first === ActiveState.deactivated;
      if (!removed && !deactivated) return;
      clearTimeout(timer);
      bus.off('signal', onSignal);
      resolve();
    };
    const timer = setTimeout(() => {
      bus.off('signal', onSignal);
      reject(new Error('The previous attempt did not end.'));
    }, ms);
    bus.on('signal', onSignal);
  });
}

/** The restarter on NetworkManager's bus: GetSettings, Update2 of that one key, ActivateConnection. */
export function nmProfileRestarter(bus: RestarterBus): ProfileRestarter {
  return {
    async restartWithUserName(path, username) {
      const settings = await getSettings(bus, path);
      const data = { ...stringMapProp(settings.vpn, 'data'), username };
      const vpn = { ...settings.vpn, data: new Variant('a{ss}', data) };
      // Listening before the change: the old attempt may end while Update2 is under way.
      let ended = activeConnectionEnded(bus, OLD_ATTEMPT_MS);
      ended.catch(() => undefined);
      // Settings without secrets: NetworkManager keeps the stored ones.
      await update2(bus, path, { ...settings, vpn }, Update2Flags.toDisk);
      // NetworkManager refuses to activate a VPN profile while an attempt of it is under way.
      for (let tries = 0; ; tries++) {
        try {
          await activateConnection(bus, path);
          return;
        } catch (err) {
          if (!isDBusError(err, ALREADY_ACTIVE) || tries >= 3) throw err;
        }
        await ended;
        ended = activeConnectionEnded(bus, OLD_ATTEMPT_MS);
        ended.catch(() => undefined);
      }
    },
  };
}

/**
 * Secrets typed for an attempt that was started again, kept in memory for the new attempt of the
 * same profile: taken once, and only within `ttlMs` (a new attempt asks at once).
 */
export class SecretHandover {
  private readonly held = new Map<string, { values: Record<string, string>; until: number }>();

  constructor(
    private readonly ttlMs = 120_000,
    private readonly now: () => number = Date.now,
  ) {}

  give(uuid: string, values: Record<string, string>): void {
    this.held.set(uuid, { values, until: this.now() + this.ttlMs });
  }

  /** The values of `keys` handed over for the profile; the hand-over is used up either way. */
  take(uuid: string, keys: readonly string[]): Record<string, string> {
    const entry = this.held.get(uuid);
    this.held.delete(uuid);
    if (entry === undefined || this.now() > entry.until) return {};
    return Object.fromEntries(Object.entries(entry.values).filter(([k]) => keys.includes(k)));
  }

  /** Forgets what was handed over for the profile (the restart did not happen). */
  drop(uuid: string): void {
    this.held.delete(uuid);
  }
}
