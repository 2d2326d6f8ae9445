import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { privacyCalls } from '../../main/contract/privacy-calls';
import { fixDnsLeak } from '../../main/dns/fix';
import { dnsRoutingOf } from '../../main/dns/profile-dns';
import { findProfile } from '../../main/nm/actions';
import type { DnsView } from '../../preload/privacy-types';
import { runCli } from '../support/run-cli';
import { baseResolver, startDnsSandbox, vpnResolver } from './infra/dns-sandbox';
import type { Sandbox } from './infra/sandbox';
import { waitFor } from './infra/wait';

// DNS against a NetworkManager that computes its DNS configuration (dns=default; it writes only
// its private /run/NetworkManager/resolv.conf, rc-manager=unmanaged). The base connection has a
// resolver of its own, as a home router gives one; the cert server pushes 10.21.0.53.

let sb: Sandbox;
let core: Core;
let cert: { uuid: string; id: string };

beforeAll(async () => {
  ({ sb, cert } = await startDnsSandbox());
  core = await openCore({ busAddress: sb.busAddress, reconnect: false });
});

afterAll(async () => {
  await (core as Core | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

function nameservers(resolvConf: string): string[] {
  return [...resolvConf.matchAll(/^nameserver\s+(\S+)/gm)].map((m) => m[1] ?? '');
}

async function dns(): Promise<DnsView> {
  const r = await runCli(['dns', '--json'], sb.env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as DnsView;
}

describe('DNS', () => {
  it('shows the base link resolver, no leak without a VPN', async () => {
    await waitFor('the base resolver in resolv.conf', async () =>
      nameservers(await sb.readNmFile('/run/NetworkManager/resolv.conf')).includes(baseResolver),
    );
    const view = await dns();
    expect(view.mode).toBe('default');
    expect(view.entries).toEqual([
      expect.objectContaining({
        nameservers: [baseResolver],
        interface: sb.names.nmVeth,
        vpn: false,
        general: true,
      }),
    ]);
    expect(view.leaks).toEqual([]);
  });

  it('a full-tunnel VPN with the profile as it is: both resolvers in use, the leak is reported', async () => {
    const up = await runCli(['up', cert.id], sb.env);
    expect(up.code, up.stderr).toBe(0);
    const conf = nameservers(await sb.readNmFile('/run/NetworkManager/resolv.conf'));
    expect(conf).toEqual([vpnResolver, baseResolver]);
    const view = await dns();
    expect(view.entries.find((e) => e.vpn)).toMatchObject({
      nameservers: [vpnResolver],
      general: true,
    });
    expect(view.leaks).toEqual([
      { uuid: cert.uuid, id: cert.id, leakingInterfaces: [sb.names.nmVeth] },
    ]);
    const text = await runCli(['dns'], sb.env);
    expect(text.stdout).toMatch(
      /^warning: tb-cert carries all traffic, but DNS queries still go to the resolvers of /m,
    );
  });

  it('the fix ("all DNS through this VPN") leaves only the VPN resolver in use', async () => {
    const state = await fixDnsLeak(core.bus, core.model, cert.uuid);
    expect(state.kind).toBe('connected');
    expect(dnsRoutingOf(findProfile(core.model, cert.uuid).settings)).toBe('all-through-vpn');
    const settings = await sb.nmcli([
      '-g',
      'ipv4.dns-priority,ipv4.dns-search,ipv6.dns-priority,ipv6.dns-search',
      'connection',
      'show',
      cert.uuid,
    ]);
    expect(settings.trim().split('\n')).toEqual(['-50', '~.', '-50', '~.']);
    expect(nameservers(await sb.readNmFile('/run/NetworkManager/resolv.conf'))).toEqual([
      vpnResolver,
    ]);
    const view = await dns();
    expect(view.leaks).toEqual([]);
    expect(view.entries.filter((e) => e.general).map((e) => e.nameservers)).toEqual([
      [vpnResolver],
    ]);
  });

  it('"only its own domains" while connected writes the pushed domain as a routing domain', async () => {
    await waitFor('the model to see the tunnel connected', () =>
      core.model.tunnelState(cert.uuid).kind === 'connected' ? true : undefined,
    );
    await privacyCalls(core)['profile:set-dns']({ uuid: cert.uuid, routing: 'own-domains' });
    const settings = await sb.nmcli([
      '-g',
      'ipv4.dns-priority,ipv4.dns-search,ipv6.dns-priority,ipv6.dns-search',
      'connection',
      'show',
      cert.uuid,
    ]);
    expect(settings.trim().split('\n')).toEqual([
      '200',
      '~cert.tunnelbar.test',
      '200',
      '~cert.tunnelbar.test',
    ]);
    expect(await runCli(['down', cert.id], sb.env)).toMatchObject({ code: 0 });
    expect(await runCli(['up', cert.id], sb.env)).toMatchObject({ code: 0 });
    const view = await dns();
    // NetworkManager takes it as a routing domain only: no search line, and its resolver last.
    expect(view.entries.find((e) => e.vpn)).toMatchObject({
      nameservers: [vpnResolver],
      domains: ['~cert.tunnelbar.test'],
      priority: 200,
    });
    const conf = await sb.readNmFile('/run/NetworkManager/resolv.conf');
    expect(nameservers(conf)).toEqual([baseResolver, vpnResolver]);
    expect(conf).not.toMatch(/^search .*cert\.tunnelbar\.test/m);
  });
});
