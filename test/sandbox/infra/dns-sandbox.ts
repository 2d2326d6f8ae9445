// A sandbox whose NetworkManager computes its DNS configuration (dns=default; it writes only its
// private /run/NetworkManager/resolv.conf), with a resolver on the base connection, as a home
// router gives one, and the cert server's profile, whose server pushes its own resolver and the
// domain cert.tunnelbar.test. The DNS suites start from it.
import { startSandbox, type Sandbox } from './sandbox';

/** The base connection's resolver. */
export const baseResolver = '10.99.0.53';
/** The resolver the cert server pushes. */
export const vpnResolver = '10.21.0.53';

export async function startDnsSandbox(): Promise<{
  sb: Sandbox;
  cert: { uuid: string; id: string };
}> {
  const sb = await startSandbox({ dns: true });
  try {
    await sb.nmcli(['connection', 'modify', sb.names.baseProfile, 'ipv4.dns', baseResolver]);
    await sb.nmcli(['device', 'reapply', sb.names.nmVeth]);
    return { sb, cert: await sb.addOpenvpnProfile('cert') };
  } catch (err) {
    await sb.stop();
    throw err;
  }
}

/** A profile's DNS keys as NetworkManager stored them: priority and search, IPv4 then IPv6. */
export async function savedDns(sb: Sandbox, uuid: string): Promise<string[]> {
  const out = await sb.nmcli([
    '-g',
    'ipv4.dns-priority,ipv4.dns-search,ipv6.dns-priority,ipv6.dns-search',
    'connection',
    'show',
    uuid,
  ]);
  return out.replace(/\n$/, '').split('\n');
}

/** 'own-domains' as the app saves it while the VPN is down: the priority, no routing domain. */
export async function ownDomainsUnlearnt(sb: Sandbox, uuid: string): Promise<void> {
  await sb.nmcli([
    'connection',
    'modify',
    uuid,
    'ipv4.dns-priority',
    '200',
    'ipv4.dns-search',
    '',
    'ipv6.dns-priority',
    '200',
    'ipv6.dns-search',
    '',
  ]);
}
