// A VPN plugin of the tests' own, installed into the sandbox's NetworkManager: a .name file whose
// auth dialog is a test script and has no external UI mode (so the agent must run it with its own
// window), and a service (fake-vpn-service.mjs) that makes NetworkManager ask for a password.
//
// NetworkManager reads .name files only from /usr/lib/NetworkManager/VPN and /etc/NetworkManager/VPN,
// and asks the agent only after the plugin's service has answered NeedSecrets. So the sandbox's
// plugin folder (the packaged .name files plus this one) is bind-mounted over
// /usr/lib/NetworkManager/VPN inside NM's private mount namespace, and NM restarted to read it.
// Nothing is written outside the sandbox's folder; the mount goes with the namespace.
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { TEST_PLUGIN_PREFIX } from './bus.js';
import { run } from './exec.js';
import type { Sandbox } from './sandbox.js';

const PACKAGED = '/usr/lib/NetworkManager/VPN';

export interface TestPlugin {
  /** The plugin's service type, derived from the sandbox id. */
  serviceType: string;
  /** The folder holding the .name files, for TUNNELBAR_VPN_PLUGIN_DIRS. */
  pluginDir: string;
  /** The auth dialog script (replaced by setDialog). */
  dialog: string;
  /** Where the service writes what Connect received (keys, the password's SHA-256). */
  resultFile: string;
  /** Replaces the dialog's body (a shell script run after the connection was read). */
  setDialog(body: string): void;
}

/** NetworkManager's PID (in its mount namespace): the one process named so in its network namespace. */
async function nmPid(sb: Sandbox): Promise<string> {
  const pids = (await run('ip', ['netns', 'pids', sb.names.nmNetns])).split(/\s+/).filter(Boolean);
  const nm = pids.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'NetworkManager';
    } catch {
      return false;
    }
  });
  if (nm === undefined) throw new Error('NetworkManager is not running in the sandbox');
  return nm;
}

export async function installTestPlugin(sb: Sandbox): Promise<TestPlugin> {
  const dir = join(sb.dir, 'test-plugin');
  const pluginDir = join(dir, 'VPN');
  mkdirSync(pluginDir, { recursive: true });
  for (const file of readdirSync(PACKAGED))
    if (file.endsWith('.name')) copyFileSync(join(PACKAGED, file), join(pluginDir, file));
  // own_prefix matches whole name elements: the id is an element of its own.
  const serviceType = `${TEST_PLUGIN_PREFIX}.sandbox${sb.id}`;
  const resultFile = join(dir, 'connect-result.json');
  const service = join(dir, 'service');
  const script = join(__dirname, '..', '..', 'fakes', 'fake-vpn-service.mjs');
  writeFileSync(
    service,
    `#!/bin/sh\nexport DBUS_SYSTEM_BUS_ADDRESS='${sb.busAddress}'\nexec '${process.execPath}' '${script}' '${serviceType}' '${resultFile}'\n`,
  );
  chmodSync(service, 0o755);
  const dialog = join(dir, 'auth-dialog');
  writeFileSync(
    join(pluginDir, `tbtest${sb.id}.name`),
    `[VPN Connection]\nname=tbtest\nservice=${serviceType}\nprogram=${service}\n\n[GNOME]\nauth-dialog=${dialog}\nsupports-hints=true\n`,
  );
  const setDialog = (body: string): void => {
    writeFileSync(
      dialog,
      `#!/bin/sh
printf '%s\\n' "$@" > '${dir}/dialog.args'
: > '${dir}/dialog.stdin'
while IFS= read -r line; do
  printf '%s\\n' "$line" >> '${dir}/dialog.stdin'
  [ "$line" = DONE ] && { read -r _; break; }
done
${body}
`,
    );
    chmodSync(dialog, 0o755);
  };
  setDialog('exit 1');
  await run('nsenter', [
    `--target=${await nmPid(sb)}`,
    '--mount',
    '--',
    'mount',
    '--bind',
    pluginDir,
    PACKAGED,
  ]);
  await sb.stopNetworkManager();
  await sb.startNetworkManager();
  return { serviceType, pluginDir, dialog, resultFile, setDialog };
}
