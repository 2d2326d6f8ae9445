// `npm run sandbox`: starts a sandbox for a person to try things by hand (the app, nmcli, d-feet),
// prints how to reach it, and tears it down on Ctrl-C or SIGTERM.
import { keepUpUntilSignalled } from './keep-up.js';
import { missingPrerequisites, startSandbox, type ProfileKind, type Sandbox } from './sandbox.js';

const kinds: readonly ProfileKind[] = ['password', 'cert', 'challenge', 'unreachable'];

function describeSandbox(sb: Sandbox, profiles: { kind: ProfileKind; id: string }[]): string {
  const { username, password, otp, challengeQuestion } = sb.credentials;
  const lines = [
    '',
    `Tunnelbar sandbox ${sb.id} is up. In another shell:`,
    '',
    `  export DBUS_SYSTEM_BUS_ADDRESS=${sb.busAddress}`,
    '  nmcli connection show',
    `  nmcli --ask connection up ${profiles[0]?.id ?? 'tb-password'}`,
    '',
    'Profiles:',
  ];
  for (const { kind, id } of profiles) {
    if (kind === 'unreachable') {
      lines.push(`  ${id.padEnd(16)} nothing answers: times out after 15 s`);
      continue;
    }
    const s = sb.servers[kind];
    lines.push(
      `  ${id.padEnd(16)} ${s.host}:${s.port}/udp  subnet ${s.subnet}  route ${s.pushedRoute}  dns ${s.dns}  domain ${s.domain}`,
    );
  }
  lines.push(
    '',
    `Credentials: user ${username}, password ${password}; challenge "${challengeQuestion}": ${otp}`,
    `Log (NM, plugin and openvpn client): ${sb.logFile}`,
    `Server logs: ${Object.values(sb.serverLogFiles).join(' ')}`,
    `NM's namespace: ip netns exec ${sb.names.nmNetns} ip address`,
    '',
    'Ctrl-C stops it.',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const missing = missingPrerequisites();
  if (missing.length > 0) {
    console.error(`The sandbox needs: ${missing.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const t0 = Date.now();
  const sb = await startSandbox();
  keepUpUntilSignalled(sb, (signal) => {
    console.log(`\n${signal}: stopping the sandbox...`);
  });

  const profiles = [];
  for (const kind of kinds) {
    const opts = kind === 'unreachable' ? { timeoutSeconds: 15 } : {};
    profiles.push({ kind, ...(await sb.addOpenvpnProfile(kind, opts)) });
  }
  console.log(describeSandbox(sb, profiles));
  console.log(`(started in ${Date.now() - t0} ms)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
