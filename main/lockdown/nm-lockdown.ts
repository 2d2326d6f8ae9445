// The NetworkManager calls of lockdown: find its profile, add and activate it, delete it. Every
// refusal becomes one sentence; a permission refusal leaves nothing half-done (an added profile
// that cannot be activated is deleted again).
import { randomUUID } from 'node:crypto';
import { DBusError, type Message } from 'dbus-next';
import type { CallOptions } from '../nm/bus';
import { readConnections } from '../editor/base-connections';
import { numberProp, stringProp, type VariantMap } from '../nm/dbus-types';
import { TunnelbarError } from '../nm/errors';
import { ActiveState, IFACE, NM_PATH, NM_SETTINGS_PATH } from '../nm/names';
import type { LanChoice } from '../../preload/privacy-types';
import { isLockdownProfile, lanChoiceOf, lockdownSettings, profileUuid } from './settings';

export interface LockdownBus {
  call(opts: CallOptions): Promise<unknown[]>;
  on(event: 'signal', listener: (msg: Message) => void): unknown;
  off(event: 'signal', listener: (msg: Message) => void): unknown;
}

/** AddConnection2 flags: to disk, and no autoconnect until we activate it ourselves. */
const ADD_TO_DISK_BLOCKED = 0x1 | 0x20;
const ACTIVATE_TIMEOUT_MS = 20_000;
const PERMISSION_ERRORS = new Set([
  'org.freedesktop.NetworkManager.Settings.PermissionDenied',
  'org.freedesktop.NetworkManager.PermissionDenied',
  'org.freedesktop.NetworkManager.Settings.Connection.PermissionDenied',
]);

export function lockdownPermissionDenied(): TunnelbarError {
  return new TunnelbarError(
    'permission-denied',
    'NetworkManager did not allow this user to change system connections, so lockdown was not ' +
      'changed. Lockdown needs the polkit permissions ' +
      'org.freedesktop.NetworkManager.settings.modify.system and ' +
      'org.freedesktop.NetworkManager.network-control (an administrator can grant them).',
  );
}

/** NetworkManager's refusal as a sentence; permission refusals get the one above. */
async function nm<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof DBusError) {
      if (PERMISSION_ERRORS.has(err.type)) throw lockdownPermissionDenied();
      throw new TunnelbarError('nm-refused', `NetworkManager refused lockdown: ${err.text}`);
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
        finish(
          new TunnelbarError('lockdown-failed', 'NetworkManager could not activate lockdown.'),
        );
    };
    const onSignal = (msg: Message): void => {
      if (msg.path !== acPath || msg.interface !== IFACE.active || msg.member !== 'StateChanged')
        return;
      const [state] = msg.body as unknown[];
      if (typeof state === 'number') judge(state);
    };
    const timer = setTimeout(() => {
      finish(new TunnelbarError('lockdown-failed', 'Lockdown was not active within 20 s.'));
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
  const [acPath] = await nm(
    bus.call({
      path: NM_PATH,
      iface: IFACE.manager,
      member: 'ActivateConnection',
      signature: 'ooo',
      body: [path, '/', '/'],
    }),
  );
  await waitActivated(bus, String(acPath));
}

async function deleteProfile(bus: LockdownBus, path: string): Promise<void> {
  await nm(bus.call({ path, iface: IFACE.settingsConnection, member: 'Delete' }));
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
      bus.call({
        path: existing.path,
        iface: IFACE.settingsConnection,
        member: 'Update2',
        signature: 'a{sa{sv}}ua{sv}',
        body: [lockdownSettings(existing.uuid, lan), 0x1, {}],
      }),
    );
    if (!(await isActive(bus, existing.uuid))) await activate(bus, existing.path);
    return existing.uuid;
  }
  const uuid = randomUUID();
  const [path] = await nm(
    bus.call({
      path: NM_SETTINGS_PATH,
      iface: IFACE.settings,
      member: 'AddConnection2',
      signature: 'a{sa{sv}}ua{sv}',
      body: [lockdownSettings(uuid, lan), ADD_TO_DISK_BLOCKED, {}],
    }),
  );
  try {
    await activate(bus, String(path));
  } catch (err) {
    await deleteProfile(bus, String(path)).catch(() => undefined);
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
