// The VPNs' base connection: a static ethernet profile on NM's veth end. NM refuses to activate a
// VPN without an active base connection, so the sandbox keeps this one up, after restarts too.
import type { Names } from './names.js';
import { baseIpv6Args } from './ipv6-link.js';
import { linkPrefix, nmAddress, serverAddress } from './netns.js';
import { waitFor } from './wait.js';

export type Nmcli = (args: string[]) => Promise<string>;

export async function waitDeviceManaged(nmcli: Nmcli, names: Names): Promise<void> {
  await waitFor(`${names.nmVeth} managed by NetworkManager`, async () => {
    const state = (await nmcli(['-g', 'GENERAL.STATE', 'device', 'show', names.nmVeth])).trim();
    return state !== '' && !state.includes('unmanaged');
  });
}

/**
 * Adds the profile with autoconnect on. NM activates it at once (the device is disconnected and
 * managed), and again by itself after an NM restart; an explicit `nmcli connection up` on top
 * would only make it deactivate and activate a second time. `ipv6`: a static IPv6 address too
 * (ipv6-link.ts); without it IPv6 is disabled on the link.
 */
export async function addBaseConnection(nmcli: Nmcli, names: Names, ipv6 = false): Promise<void> {
  await nmcli([
    'connection',
    'add',
    'type',
    'ethernet',
    'con-name',
    names.baseProfile,
    'ifname',
    names.nmVeth,
    'connection.autoconnect',
    'yes',
    'ipv4.method',
    'manual',
    'ipv4.addresses',
    `${nmAddress}/${linkPrefix}`,
    'ipv4.gateway',
    serverAddress,
    ...baseIpv6Args(ipv6),
  ]);
}

export async function waitBaseActive(nmcli: Nmcli, names: Names): Promise<void> {
  await waitFor(
    `base connection ${names.baseProfile} active`,
    async () => {
      const args = ['-g', 'GENERAL.STATE', 'connection', 'show', names.baseProfile];
      return (await nmcli(args)).trim() === 'activated';
    },
    30_000,
    100,
  );
}
