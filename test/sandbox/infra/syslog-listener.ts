// Captures what NetworkManager's OpenVPN plugin and the openvpn client send to syslog. They write
// datagrams to /dev/log; inside NM's mount namespace /dev/log is a bind mount of the socket made
// here, and each datagram becomes one line of the sandbox log.
//
// Why python3 and not socat: Node has no unix datagram sockets, and socat's UNIX-RECV copies the
// datagrams as a byte stream without separators. Syslog messages carry no trailing newline, so
// the log would be one endless line. Five lines of python keep one message per line and strip the
// <priority> prefix. python3 is Debian's own (/usr/bin/python3), not whatever a PATH shim offers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon, type Daemon } from './daemon.js';
import { GiveUp, waitFor } from './wait.js';

export const python = '/usr/bin/python3';

const listener = `
import os, re, socket, sys
path, out = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
os.chmod(path, 0o666)  # openvpn logs after dropping root for user nm-openvpn
with open(out, 'ab', buffering=0) as f:
    while True:
        msg = re.sub(rb'^<[0-9]+>', b'', s.recv(65536)).rstrip(b'\\n')
        f.write(b'[syslog] ' + msg + b'\\n')
`;

export interface SyslogListener {
  daemon: Daemon;
  socket: string;
}

export async function startSyslogListener(dir: string, logFile: string): Promise<SyslogListener> {
  const socket = join(dir, 'syslog.sock');
  const daemon = startDaemon('syslog listener', python, ['-c', listener, socket, logFile], {
    logFile,
  });
  await waitFor('the syslog listener', () => {
    if (!daemon.isRunning()) throw new GiveUp(`python3 exited, see ${logFile}`);
    return existsSync(socket);
  });
  return { daemon, socket };
}
