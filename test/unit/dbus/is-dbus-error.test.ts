import { DBusError } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { isDBusError } from '../../../main/dbus/connection';

// The one check of D-Bus errors: what each caller decides (a profile gone, a permission refused,
// a fatal import) rests on it telling the error names apart.

const UNKNOWN_OBJECT = 'org.freedesktop.DBus.Error.UnknownObject';
const DENIED = new Set([
  'org.freedesktop.NetworkManager.Settings.PermissionDenied',
  'org.freedesktop.DBus.Error.AccessDenied',
]);

describe('isDBusError', () => {
  it('takes any error reply from the bus when no name is given', () => {
    expect(isDBusError(new DBusError(UNKNOWN_OBJECT, 'gone'))).toBe(true);
    expect(isDBusError(new DBusError('x.Whatever', 'no'))).toBe(true);
  });

  it('matches only the one name given', () => {
    expect(isDBusError(new DBusError(UNKNOWN_OBJECT, 'gone'), UNKNOWN_OBJECT)).toBe(true);
    expect(isDBusError(new DBusError('x.InvalidConnection', 'gone'), UNKNOWN_OBJECT)).toBe(false);
  });

  it('matches any name of a set, and none outside it', () => {
    expect(isDBusError(new DBusError('org.freedesktop.DBus.Error.AccessDenied', ''), DENIED)).toBe(
      true,
    );
    expect(isDBusError(new DBusError(UNKNOWN_OBJECT, ''), DENIED)).toBe(false);
    expect(isDBusError(new DBusError(UNKNOWN_OBJECT, ''), new Set())).toBe(false);
  });

  it('is false for what is not a reply from the bus, even with a matching word', () => {
    expect(isDBusError(new Error('no answer'))).toBe(false);
    expect(isDBusError(new Error(UNKNOWN_OBJECT), UNKNOWN_OBJECT)).toBe(false);
    expect(isDBusError({ type: UNKNOWN_OBJECT, text: 'x' }, UNKNOWN_OBJECT)).toBe(false);
    expect(isDBusError(undefined)).toBe(false);
  });

  it('lets the caller read the error text', () => {
    const err: unknown = new DBusError(UNKNOWN_OBJECT, 'no such object');
    expect(isDBusError(err) ? err.text : null).toBe('no such object');
  });
});
