import { defineStrings, fmt } from '../i18n/define';

/** The sentences of the errors every command can meet, in English: the `errors.` ids. */
const english = {
  busUnreachable: fmt(
    'Cannot reach the system D-Bus at {address} ({cause}). Is dbus running? DBUS_SYSTEM_BUS_ADDRESS selects another bus.',
    (address: string, cause: string) => ({ address, cause }),
  ),
  nmNotRunning:
    'NetworkManager is not running. Start it (for example `systemctl start NetworkManager`) and try again.',
  unknownProfile: fmt(
    'No VPN profile is named "{ref}" or has that UUID. `tunnelbar list` shows them.',
    (ref: string) => ({ ref }),
  ),
  ambiguousProfile: fmt(
    '{count, number} VPN profiles are named "{ref}"; use the UUID from `tunnelbar list` instead.',
    (ref: string, count: number) => ({ ref, count }),
  ),
};

export const errorStrings = defineStrings('errors', english);
