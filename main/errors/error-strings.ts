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
  busClosed: fmt(
    'The connection to the {bus, select, session {session} other {system}} bus is closed.',
    (bus: 'system' | 'session') => ({ bus }),
  ),
  busLost: 'The system bus went away; Tunnelbar is connecting to it again.',
  sessionBusUnreachable: fmt('Cannot reach the session D-Bus ({cause}).', (cause: string) => ({
    cause,
  })),
  callTimeout: fmt(
    '{member} got no answer within {seconds, plural, one {# second} other {# seconds}}.',
    (member: string, seconds: number) => ({ member, seconds }),
  ),
  tunnelTimeout: fmt(
    'The tunnel did not settle within {seconds, plural, one {# second} other {# seconds}}.',
    (seconds: number) => ({ seconds }),
  ),
  promptUnaskedField: 'The answer was refused: it holds a field this prompt did not ask for.',
  keyring: {
    none: 'No keyring (Secret Service) answers on the session bus, so passwords cannot be saved and are asked for every time.',
    noneForAgent: 'Tunnelbar has no keyring to save secrets in.',
    locked:
      'The keyring stayed locked (its dialog was dismissed), so nothing was read or saved there.',
    saveFailed: fmt('Saving to the keyring failed: {why}', (why: string) => ({ why })),
    deleteFailed: fmt('Removing saved secrets from the keyring failed: {why}', (why: string) => ({
      why,
    })),
    promptFailed: fmt('The keyring could not show its dialog: {why}', (why: string) => ({ why })),
  },
  lockdown: {
    permissionDenied:
      'NetworkManager did not allow this user to change system connections, so lockdown was not changed. Lockdown needs the polkit permissions org.freedesktop.NetworkManager.settings.modify.system and org.freedesktop.NetworkManager.network-control (an administrator can grant them).',
    refused: fmt('NetworkManager refused lockdown: {text}', (text: string) => ({ text })),
    notActivated: 'NetworkManager could not activate lockdown.',
    notActiveInTime: fmt(
      'Lockdown was not active within {seconds, plural, one {# second} other {# seconds}}.',
      (seconds: number) => ({ seconds }),
    ),
    routesPermissionDenied:
      'NetworkManager did not allow this user to add the routes to the VPN servers (Device.Reapply), so VPNs whose servers are not on the local network cannot connect under lockdown. It needs the polkit permission org.freedesktop.NetworkManager.network-control.',
    offRoutesPermissionDenied:
      "NetworkManager did not allow this user to take lockdown's routes off the network links (Device.Reapply), so lockdown was not turned off. That needs the polkit permission org.freedesktop.NetworkManager.network-control; run `sudo tunnelbar lockdown off` or ask an administrator.",
    routesRefused: fmt(
      'NetworkManager refused the routes to the VPN servers: {text}',
      (text: string) => ({
        text,
      }),
    ),
    leftover:
      'Lockdown is off, but NetworkManager was restarted while it was on and left its block in the kernel, so nothing can reach the network yet. Run `sudo tunnelbar lockdown off` to remove it, or restart the computer.',
    leftoverLan:
      'NetworkManager was restarted while lockdown blocked the local network and left that block in the kernel, so the local network cannot be reached yet. Run the same `tunnelbar lockdown` command with sudo to remove it, or restart the computer.',
    hookNeedsRoot:
      "Only root can install or remove lockdown's NetworkManager hook. Run `sudo tunnelbar lockdown hook install` (or `hook remove`).",
    hookNoDispatcher: fmt(
      "NetworkManager's dispatcher folder {dir} does not exist, so lockdown's hook was not installed.",
      (dir: string) => ({ dir }),
    ),
    hookUnsafe: fmt(
      "Lockdown's hook was not installed: NetworkManager would run it as root, and someone other than root can change {paths}. Install Tunnelbar and Node.js where only root can write (for example from a package), then try again.",
      (paths: string) => ({ paths }),
    ),
  },
};

export const errorStrings = defineStrings('errors', english);
