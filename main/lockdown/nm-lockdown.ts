// The NetworkManager calls of lockdown: find its profile, add and activate it, delete it. Every
// refusal becomes one sentence; a permission refusal leaves nothing half-done (an added profile
// that cannot be activated is deleted again).
import { randomUUID } from 'node:crypto';
import type { Message } from 'dbus-next';
import { isDBusError } from '../dbus/connection';
import { readConnections } from '../editor/base-connections';
import { activateConnection } from '../nm/actions';
import { numberProp, stringProp, type VariantMap } from '../nm/dbus-types';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { ActiveState, AddConnection2Flags, IFACE, NM_PATH, Update2Flags } from '../nm/names';
import { addConnection2, deleteConnection, update2, type NmCaller } from '../nm/settings-calls';
import type { LanChoice } from '../../preload/privacy-types';
import { isLockdownProfile, lanChoiceOf, lockdownSettings, profileUuid } from './settings';
import { errorStrings as e } from '../errors/error-strings';

export interface LockdownBus extends NmCaller {
  on(event: 'signal', listener: (msg: Message) => void): unknown;
  off(event: 'signal', listener: (msg: Message) => void): unknown;
}

/** To disk, and no autoconnect until we activate it ourselves. */
const ADD_TO_DISK_BLOCKED = AddConnection2Flags.toDisk | AddConnection2Flags.blockAutoconnect;
const ACTIVATE_TIMEOUT_MS = 20_000;
const PERMISSION_ERRORS = new Set([
  'org.freedesktop.NetworkManager.Settings.PermissionDenied',
  'org.freedesktop.NetworkManager.PermissionDenied',
  'org.freedesktop.NetworkManager.Settings.Connection.PermissionDenied',
]);

export function lockdownPermissionDenied(): TunnelbarError {
  return new TunnelbarError('permission-denied', e.lockdown.permissionDenied);
}

/** NetworkManager's refusal as a sentence; permission refusals get the one above. */
async function nm<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isDBusError(err, PERMISSION_ERRORS)) throw lockdownPermissionDenied();
    if (isDBusError(err)) {
      throw new TunnelbarError('nm-refused', e.lockdown.refused(err.text));
    }
    throw err;
  }
}

export interface StoredLockdown {
  path: string;
  uuid: string;
  lan: LanChoice;
}

/** Every lockdown profile NetworkManager holds (normally one; more only if made by hand). */
export async function findLockdownProfiles(
  bus: LockdownBus,
  skip: ReadonlySet<string>,
): Promise<StoredLockdown[]> {
  const all = await readConnections(bus, skip);
  return all
    .filter((c) => isLockdownProfile(c.settings))
    .map((c) => ({
      path: c.path,
      uuid: profileUuid(c.settings) ?? '',
      lan: lanChoiceOf(c.settings),
    }));
}

async function activeProps(bus: LockdownBus, path: string): Promise<VariantMap> {
  const [props] = await bus.call({
    path,
    iface: IFACE.properties,
    member: 'GetAll',
    signature: 's',
    body: [IFACE.active],
  });
  return props as VariantMap;
}

/** The object paths in one of NetworkManager's list properties (Devices, ActiveConnections). */
export async function managerPaths(
  bus: LockdownBus,
  property: 'Devices' | 'ActiveConnections',
): Promise<string[]> {
  const [value] = await bus.call({
    path: NM_PATH,
    iface: IFACE.properties,
    member: 'Get',
    signature: 'ss',
    body: [IFACE.manager, property],
  });
  const paths = (value as { value: unknown }).value;
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
}

/** Whether a connection with this uuid is activated now. */
export async function isActive(bus: LockdownBus, uuid: string): Promise<boolean> {
  for (const path of await managerPaths(bus, 'ActiveConnections')) {
    const props = await activeProps(bus, path).catch(() => ({}));
    if (stringProp(props, 'Uuid') !== uuid) continue;
    if (numberProp(props, 'State') === ActiveState.activated) return true;
  }
  return false;
}

/** Resolves once the active connection is activated; rejects when it ends or times out. */
function waitActivated(bus: LockdownBus, acPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error: TunnelbarError | null): void => {
      clearTimeout(timer);
      bus.off('signal', onSignal);
      if (error === null) resolve();
      else reject(error);
    };
    const judge = (state: number): void => {
      if (state === ActiveState.activated) finish(null);
      else if (state === ActiveState.deactivated || state === ActiveState.deactivating)
        finish(new TunnelbarError('lockdown-failed', e.lockdown.notActivated));
    };
    const onSignal = (msg: Message): void => {
      if (msg.path !== acPath || msg.interface !== IFACE.active || msg.member !== 'StateChanged')
        return;
      const [state] = msg.body as unknown[];
      if (typeof state === 'number') judge(state);
    };
    const timer = setTimeout(() => {
      finish(new TunnelbarError('lockdown-failed', e.lockdown.notActiveInTime(20)));
    }, ACTIVATE_TIMEOUT_MS);
    bus.on('signal', onSignal);
    // Subscribed first: a state reached before the subscription is read here.
    activeProps(bus, acPath).then(
      (props) => {
        judge(numberProp(props, 'State') ?? ActiveState.unknown);
      },
      () => undefined,
    );
  });
}

async function activate(bus: LockdownBus, path: string): Promise<void> {
  await waitActivated(bus, await nm(activateConnection(bus, path)));
}

async function deleteProfile(bus: LockdownBus, path: string): Promise<void> {
  await nm(deleteConnection(bus, path));
}

/**
 * Adds lockdown's profile (or rewrites an existing one, repairing edits made by hand) and waits
 * until its routes are in place. A new profile that cannot be activated is deleted again.
 */
export async function applyLockdown(
  bus: LockdownBus,
  existing: StoredLockdown | null,
  lan: LanChoice,
): Promise<string> {
  if (existing !== null) {
    await nm(
      update2(bus, existing.path, lockdownSettings(existing.uuid, lan), Update2Flags.toDisk),
    );
    if (!(await isActive(bus, existing.uuid))) await activate(bus, existing.path);
    return existing.uuid;
  }
  const uuid = randomUUID();
  const path = await nm(addConnection2(bus, lockdownSettings(uuid, lan), ADD_TO_DISK_BLOCKED));
  try {
    await activate(bus, path);
  } catch (err) {
    await deleteProfile(bus, path).catch(() => undefined);
    throw err;
  }
  return uuid;
}

/** Deletes every lockdown profile; NetworkManager removes their routes with them. */
export async function removeLockdown(
  bus: LockdownBus,
  profiles: readonly StoredLockdown[],
): Promise<void> {
  for (const p of profiles) await deleteProfile(bus, p.path);
}
