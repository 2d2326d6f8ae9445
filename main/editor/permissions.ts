// "Available to all users" ↔ connection.permissions. NetworkManager reads an empty list as every
// user, and `user:<login>:` entries as only those users (reference §1.2). The editor only knows
// "everyone" or "not everyone": a list it did not change is sent back exactly as it was, even
// when it names other users, so a profile shared with a few people stays shared with them.

import { userInfo } from 'node:os';
import { Variant } from 'dbus-next';
import { stringArrayProp, type VariantMap } from '../nm/dbus-types';

/** The login of the user main runs as: the one a profile becomes private to. */
export function localUserName(): string {
  return userInfo().username;
}

/** True when connection.permissions is missing or empty. */
export function allUsersOf(connection: VariantMap | undefined): boolean {
  return stringArrayProp(connection, 'permissions').length === 0;
}

/** The permissions entry that makes a profile visible to one user. */
export function permissionFor(user: string): string {
  return `user:${user}:`;
}

/**
 * `connection` with "available to all users" applied when it changed from `before` to `after`:
 * on empties the list, off leaves only `user`. Unchanged, the map is returned as it was.
 */
export function applyAllUsers(
  connection: VariantMap,
  before: boolean,
  after: boolean,
  user: string,
): VariantMap {
  if (before === after) return connection;
  const permissions = after ? [] : [permissionFor(user)];
  return { ...connection, permissions: new Variant('as', permissions) };
}
