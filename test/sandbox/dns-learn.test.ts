import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DnsView } from '../../preload/privacy-types';
import { runCli } from '../support/run-cli';
import { startAppWorld, type AppWorld } from './infra/app-world';
import { ownDomainsUnlearnt, savedDns, startDnsSandbox, vpnResolver } from './infra/dns-sandbox';
import type { Sandbox } from './infra/sandbox';
import { waitFor } from './infra/wait';

// "Use this VPN's DNS only for its own domains" chosen while the VPN is down: the app core learns
// the domain the cert server pushes (cert.tunnelbar.test) when the VPN connects and writes it into
// the profile as a routing domain; NetworkManager applies it at the next connection. The sandbox's
// NetworkManager computes its DNS configuration (dns=default, a private resolv.conf).

const pushed = 'cert.tunnelbar.test';
let sb: Sandbox;
let world: AppWorld;
let cert: { uuid: string; id: string };

beforeAll(async () => {
  ({ sb, cert } = await startDnsSandbox());
  world = await startAppWorld(sb);
});

afterAll(async () => {
  await (world as AppWorld | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

async function vpnEntry(): Promise<DnsView['entries'][number] | undefined> {
  const r = await runCli(['dns', '--json'], sb.env);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as DnsView).entries.find((e) => e.vpn);
}

async function connectThroughApp(): Promise<void> {
  await world.app.handle('tunnel:connect', [{ uuid: cert.uuid }]);
  await waitFor('connected', () => world.shown(cert.uuid).kind === 'connected', 60_000);
}

describe('"only its own domains" chosen while the VPN is down', () => {
  it('learns the pushed domain when the VPN connects through the app; it is a routing domain from the next connection', async () => {
    await world.app.handle('profile:set-dns', [{ uuid: cert.uuid, routing: 'own-domains' }]);
    // Nothing pushed is known while it is down: only the priority.
    expect(await savedDns(sb, cert.uuid)).toEqual(['200', '', '200', '']);

    await connectThroughApp();
    await waitFor('the pushed domain written into the profile', async () =>
      (await savedDns(sb, cert.uuid)).join(',') === `200,~${pushed},200,~${pushed}`
        ? true
        : undefined,
    );
    // NetworkManager applies a VPN's DNS when it connects: this connection still has the pushed
    // domain as a search domain.
    expect((await vpnEntry())?.domains).toContain(pushed);

    await world.app.handle('tunnel:disconnect', [{ uuid: cert.uuid }]);
    await waitFor('disconnected', () => world.shown(cert.uuid).kind === 'disconnected', 30_000);
    await connectThroughApp();
    // A routing domain only: no search line, and the VPN's resolver after the base link's.
    expect(await vpnEntry()).toMatchObject({
      nameservers: [vpnResolver],
      domains: [`~${pushed}`],
      priority: 200,
    });
    const conf = await sb.readNmFile('/run/NetworkManager/resolv.conf');
    expect(conf).not.toMatch(/^search .*cert\.tunnelbar\.test/m);
    // Nothing was missing at this connection: the profile is as it was written.
    expect(await savedDns(sb, cert.uuid)).toEqual(['200', `~${pushed}`, '200', `~${pushed}`]);
  });

  it('`tunnelbar up` learns it too, before it returns', async () => {
    // Only the CLI from here on; 'own-domains' chosen while down (as the app saves it).
    await world.close();
    expect(await runCli(['down', cert.id], sb.env)).toMatchObject({ code: 0 });
    await ownDomainsUnlearnt(sb, cert.uuid);
    expect(await savedDns(sb, cert.uuid)).toEqual(['200', '', '200', '']);
    const up = await runCli(['up', cert.id], sb.env);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toBe('');
    expect(await savedDns(sb, cert.uuid)).toEqual(['200', `~${pushed}`, '200', `~${pushed}`]);
  });
});
