// NetworkManager's mount namespace, held open by a long-lived `sleep` so that NM can be stopped
// and started again inside it (nsenter) while /run/NetworkManager survives, as on a real machine
// where NM restarts without a reboot.
//
// Inside it:
// - /sys is read-only: NM then does without udev (which does not run here) and manages devices;
// - /dev is private: a tmpfs with bind mounts of the few host devices NM and openvpn use, and
//   /dev/log bound to the sandbox's syslog socket. Nothing is ever created in the host's /dev;
// - /run is a tmpfs (NM's runtime files, the plugin's management socket), with the sandbox bus
//   folder bound on /run/dbus: the openvpn helper is started with a clean environment and finds
//   the bus only at /run/dbus/system_bus_socket;
// - /var/lib/NetworkManager is a tmpfs: no state from or to the host;
// - with a dispatcher folder given (`startSandbox({ dispatcher: true })`), it is bound over
//   /etc/NetworkManager/dispatcher.d, and an empty folder over /usr/lib/NetworkManager/dispatcher.d:
//   the sandbox's nm-dispatcher (dispatcher.ts) runs the test's scripts, never the host's.
// The namespace is private (unshare's default propagation), so none of this is seen outside.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon, type Daemon } from './daemon.js';
import type { Names } from './names.js';
import { GiveUp, waitFor } from './wait.js';

const setupScript = `
set -eu
dir=$1 bus=$2 log=$3 dispatcher=\${4:-}
mount -o remount,ro /sys

mkdir -p "$dir/hostdev"
mount --rbind /dev "$dir/hostdev"
mount -t tmpfs -o mode=0755,nosuid,size=1m sandbox-dev /dev
for node in null zero full random urandom tty ptmx; do
  touch "/dev/$node"
  mount --bind "$dir/hostdev/$node" "/dev/$node"
done
mkdir /dev/pts /dev/shm /dev/net
mount --bind "$dir/hostdev/pts" /dev/pts
mount -t tmpfs -o mode=1777,nosuid,nodev sandbox-shm /dev/shm
touch /dev/net/tun
mount --bind "$dir/hostdev/net/tun" /dev/net/tun
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr
touch /dev/log
mount --bind "$log" /dev/log
umount -l "$dir/hostdev"

mount -t tmpfs -o mode=0755,nosuid,nodev sandbox-run /run
mkdir -m 0755 /run/dbus /run/NetworkManager /run/lock
mount --bind "$bus" /run/dbus
mount -t tmpfs -o mode=0700,nosuid,nodev sandbox-nm-state /var/lib/NetworkManager
if [ -n "$dispatcher" ]; then
  mount --bind "$dispatcher" /etc/NetworkManager/dispatcher.d
  mkdir -p "$dir/empty-dispatcher.d"
  if [ -d /usr/lib/NetworkManager/dispatcher.d ]; then
    mount --bind "$dir/empty-dispatcher.d" /usr/lib/NetworkManager/dispatcher.d
  fi
fi

touch "$dir/nm-namespace.ready"
exec sleep infinity
`;

export async function startNmNamespace(
  names: Names,
  busDir: string,
  syslogSocket: string,
  logFile: string,
  /** A folder to bind over /etc/NetworkManager/dispatcher.d; none: the host's stays (unused). */
  dispatcherDir?: string,
): Promise<Daemon> {
  const dir = join(names.dir, 'nm-ns');
  mkdirSync(dir);
  const args = ['netns', 'exec', names.nmNetns, 'unshare', '--mount', '--propagation', 'private'];
  const holder = startDaemon(
    'NM namespace holder',
    'ip',
    [...args, 'sh', '-c', setupScript, 'sh', dir, busDir, syslogSocket, dispatcherDir ?? ''],
    { logFile },
  );
  await waitFor("NetworkManager's mount namespace", () => {
    if (!holder.isRunning()) throw new GiveUp(`namespace setup failed, see ${logFile}`);
    return existsSync(join(dir, 'nm-namespace.ready'));
  });
  return holder;
}
