// What the sandbox needs from the machine, checked up front so that a test run without them says
// what to install instead of failing somewhere in the middle of a start.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { python } from './syslog-listener.js';

const openvpnPlugin = '/usr/lib/NetworkManager/nm-openvpn-service';
const nmTypelib = '/usr/lib/x86_64-linux-gnu/girepository-1.0/NM-1.0.typelib';
const pythonGi = '/usr/lib/python3/dist-packages/gi';

/** Commands and the Debian package that provides each (the list in .ci/apt-packages.txt). */
const commands: readonly [command: string, pkg: string][] = [
  ['NetworkManager', 'network-manager'],
  ['nmcli', 'network-manager'],
  ['openvpn', 'openvpn'],
  ['dbus-daemon', 'dbus'],
  ['dbus-send', 'dbus'],
  ['ip', 'iproute2'],
  ['openssl', 'openssl'],
  ['unshare', 'util-linux'],
  ['nsenter', 'util-linux'],
  // The keyring tests' Secret Service, and nm-applet's view of it.
  ['gnome-keyring-daemon', 'gnome-keyring'],
  ['secret-tool', 'libsecret-tools'],
];

function onPath(command: string): boolean {
  // sbin folders too: NetworkManager lives in /usr/sbin, which a non-login PATH may lack.
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (process.platform !== 'linux') missing.push('must run on Linux');
  if (process.getuid?.() !== 0) missing.push('must run as root');
  for (const [command, pkg] of commands) {
    if (!onPath(command)) missing.push(`${command} (apt package ${pkg})`);
  }
  if (!existsSync(openvpnPlugin))
    missing.push(`${openvpnPlugin} (apt package network-manager-openvpn)`);
  if (!existsSync(python)) missing.push(`${python} (apt package python3)`);
  if (!existsSync('/dev/net/tun')) missing.push('/dev/net/tun (kernel tun support)');
  // libnm's own importers, the reference the import tests compare with.
  if (!existsSync(nmTypelib)) missing.push(`${nmTypelib} (apt package gir1.2-nm-1.0)`);
  if (!existsSync(pythonGi)) missing.push(`${pythonGi} (apt package python3-gi)`);
  return missing;
}
