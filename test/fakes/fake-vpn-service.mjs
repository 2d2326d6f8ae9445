// A VPN plugin service for the sandbox, just enough of org.freedesktop.NetworkManager.VPN.Plugin
// for NetworkManager to ask the secret agent: NeedSecrets says "vpn" until a password is there.
// Connect records what arrived (the secret's keys and a SHA-256 of the password, never the
// password itself) and refuses, so the attempt ends without a tunnel.
// Usage: node fake-vpn-service.mjs <bus name> <result file>
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import dbus from 'dbus-next';

const [busName, resultFile] = process.argv.slice(2);
if (busName === undefined || resultFile === undefined) {
  process.stderr.write('usage: fake-vpn-service.mjs <bus name> <result file>\n');
  process.exit(2);
}
const PLUGIN = 'org.freedesktop.NetworkManager.VPN.Plugin';
const { Message, Variant } = dbus;
const bus = dbus.systemBus();

/** The vpn setting's secrets in a connection dictionary (a{sa{sv}}). */
function secretsOf(connection) {
  const value = connection?.vpn?.secrets?.value;
  return value !== null && typeof value === 'object' ? value : {};
}

function reply(msg, signature = '', body = []) {
  bus.send(Message.newMethodReturn(msg, signature, body));
}

bus.addMethodHandler((msg) => {
  if (msg.interface === 'org.freedesktop.DBus.Properties') {
    // State 1: init (NM_VPN_SERVICE_STATE_INIT).
    if (msg.member === 'GetAll') reply(msg, 'a{sv}', [{ State: new Variant('u', 1) }]);
    else if (msg.member === 'Get') reply(msg, 'v', [new Variant('u', 1)]);
    else return false;
    return true;
  }
  if (msg.interface !== PLUGIN) return false;
  switch (msg.member) {
    case 'NeedSecrets': {
      const password = secretsOf(msg.body[0]).password ?? '';
      reply(msg, 's', [password === '' ? 'vpn' : '']);
      return true;
    }
    case 'Connect':
    case 'ConnectInteractive': {
      const secrets = secretsOf(msg.body[0]);
      const password = secrets.password ?? '';
      writeFileSync(
        resultFile,
        JSON.stringify({
          keys: Object.keys(secrets).sort(),
          passwordSha256: createHash('sha256').update(password).digest('hex'),
        }),
      );
      bus.send(
        Message.newError(
          msg,
          'org.freedesktop.NetworkManager.VPN.Error.LaunchFailed',
          'the test plugin connects nowhere',
        ),
      );
      return true;
    }
    case 'Disconnect':
    case 'NewSecrets':
    case 'SetConfig':
    case 'SetIp4Config':
    case 'SetIp6Config':
    case 'SetFailure':
      reply(msg);
      return true;
    default:
      return false;
  }
});

// NetworkManager may stop without stopping its plugin; the sandbox's bus going away ends it.
bus.on('error', () => process.exit(0));
setTimeout(() => process.exit(0), 300_000).unref();
await bus.requestName(busName, 4 /* DBUS_NAME_FLAG_DO_NOT_QUEUE */);
