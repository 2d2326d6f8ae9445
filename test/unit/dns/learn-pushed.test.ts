import type { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { PushedDomainLearner, settingsLearningPushed } from '../../../main/dns/learn-pushed';
import type { CallOptions } from '../../../main/nm/bus';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import type { Profile } from '../../../main/nm/profile';
import type { TunnelState } from '../../../main/nm/tunnel-state';
import { officeVpn } from '../../builders/openvpn-connection';
import { v } from '../../builders/variant';

const PATH = '/org/freedesktop/NetworkManager/Settings/7';

function settings(ip: Record<string, Variant> = {}): SettingsDict {
  return officeVpn('tls', ip);
}

const ownDomains = (search: string[]): SettingsDict =>
  settings({ 'dns-priority': v('i', 200), 'dns-search': v('as', search) });

function connected(domains: string[]): TunnelState {
  const ip = { addresses: ['10.8.0.2/24'], gateway: null, routes: [], dns: [], domains };
  return { kind: 'connected', ip4: ip, ip6: null, since: 1, banner: null };
}

function dnsKeys(out: SettingsDict | null, family: 'ipv4' | 'ipv6'): [unknown, unknown] {
  const ip = out?.[family] ?? {};
  return [ip['dns-priority']?.value, ip['dns-search']?.value];
}

describe('what an own-domains VPN learns when it connects', () => {
  it('writes the pushed domains as routing domains, IPv4 and IPv6, keeping the others', () => {
    const out = settingsLearningPushed(
      ownDomains(['~corp.example', 'keep.example']),
      connected(['corp.example', 'cert.tunnelbar.test']),
    );
    for (const family of ['ipv4', 'ipv6'] as const) {
      const [priority, search] = dnsKeys(out, family);
      expect(priority).toBe(200);
      expect(search).toEqual(
        expect.arrayContaining(['keep.example', '~keep.example', '~cert.tunnelbar.test']),
      );
    }
    // Only the two DNS keys change.
    expect(out?.vpn).toEqual(ownDomains([]).vpn);
    expect(out?.ipv4?.method?.value).toBe('auto');
  });

  it('writes nothing when every pushed domain is already a routing domain', () => {
    const learnt = ownDomains(['~cert.tunnelbar.test']);
    // NetworkManager lists the profile's own `~` entries among the VPN's domains too.
    const state = connected(['cert.tunnelbar.test', '~cert.tunnelbar.test']);
    expect(settingsLearningPushed(learnt, state)).toBeNull();
  });

  it('writes again when one family lacks a pushed domain', () => {
    const half = ownDomains(['~cert.tunnelbar.test']);
    half.ipv6 = { method: v('s', 'auto'), 'dns-priority': v('i', 200) };
    const out = settingsLearningPushed(half, connected(['cert.tunnelbar.test']));
    expect(dnsKeys(out, 'ipv6')).toEqual([200, ['~cert.tunnelbar.test']]);
  });

  it('writes nothing for another choice, when not connected, or when nothing was pushed', () => {
    const pushed = connected(['cert.tunnelbar.test']);
    expect(settingsLearningPushed(settings(), pushed)).toBeNull();
    const all = settings({ 'dns-priority': v('i', -50), 'dns-search': v('as', ['~.']) });
    expect(settingsLearningPushed(all, pushed)).toBeNull();
    expect(settingsLearningPushed(ownDomains([]), { kind: 'disconnected' })).toBeNull();
    expect(settingsLearningPushed(ownDomains([]), connected([]))).toBeNull();
  });
});

/** NetworkManager's settings of one profile: GetSettings answers them, Update2 replaces them. */
class FakeSettingsBus {
  updates: SettingsDict[] = [];
  refuse = false;
  /** When set, Update2 answers only once this resolves (a write in progress). */
  gate: Promise<void> | null = null;
  constructor(public stored: SettingsDict) {}
  call(opts: CallOptions): Promise<unknown[]> {
    if (opts.path !== PATH) return Promise.reject(new Error(`unexpected path ${opts.path}`));
    if (opts.member === 'GetSettings') return Promise.resolve([this.stored]);
    if (opts.member === 'Update2') {
      if (this.refuse) return Promise.reject(new Error('Insufficient privileges'));
      const [next] = opts.body as [SettingsDict];
      const store = (): unknown[] => {
        this.updates.push(next);
        this.stored = next;
        return [{}];
      };
      return this.gate === null ? Promise.resolve(store()) : this.gate.then(store);
    }
    return Promise.reject(new Error(`unexpected ${opts.member}`));
  }
}

function world(modelSettings: SettingsDict, stored = modelSettings) {
  const bus = new FakeSettingsBus(stored);
  const warnings: string[] = [];
  let state: TunnelState = connected(['cert.tunnelbar.test']);
  const profile = (): Profile => ({
    path: PATH,
    uuid: 'u1',
    id: 'office',
    vpnType: 'openvpn',
    serviceType: 'org.freedesktop.NetworkManager.openvpn',
    data: {},
    settings: modelSettings,
  });
  const learner = new PushedDomainLearner({
    bus,
    model: { profiles: () => [profile()], tunnelState: () => state },
    onRefused: (id, reason) => warnings.push(`${id}: ${reason}`),
  });
  return {
    bus,
    warnings,
    learner,
    setState(next: TunnelState) {
      state = next;
    },
  };
}

describe('the learner', () => {
  it('writes once to disk; a second connected event finds nothing missing', async () => {
    const w = world(ownDomains([]));
    await w.learner.tunnelChanged('u1');
    expect(w.bus.updates).toHaveLength(1);
    expect(dnsKeys(w.bus.stored, 'ipv4')).toEqual([200, ['~cert.tunnelbar.test']]);
    // The model still has the old copy until NetworkManager's Updated arrives: the settings
    // NetworkManager holds decide, so nothing is written twice.
    await w.learner.tunnelChanged('u1');
    expect(w.bus.updates).toHaveLength(1);
    expect(w.warnings).toEqual([]);
  });

  it('never writes while the choice is another one, nor for a tunnel not connected', async () => {
    const other = world(settings());
    await other.learner.tunnelChanged('u1');
    const down = world(ownDomains([]));
    down.setState({ kind: 'disconnected' });
    await down.learner.tunnelChanged('u1');
    expect([...other.bus.updates, ...down.bus.updates]).toEqual([]);
  });

  it('a choice changed in NetworkManager meanwhile is not overwritten', async () => {
    const w = world(ownDomains([]), settings());
    await w.learner.tunnelChanged('u1');
    expect(w.bus.updates).toEqual([]);
  });

  it('a refused write is a warning naming the profile', async () => {
    const w = world(ownDomains([]));
    w.bus.refuse = true;
    await w.learner.tunnelChanged('u1');
    expect(w.warnings).toHaveLength(1);
    expect(w.warnings[0]).toMatch(/^office: .*Insufficient privileges/);
  });

  it('settled() waits for the write in progress (a process ending waits for it)', async () => {
    const w = world(ownDomains([]));
    let open: () => void = () => undefined;
    w.bus.gate = new Promise((resolve) => {
      open = resolve;
    });
    const learning = w.learner.tunnelChanged('u1');
    let settled = false;
    const waiting = w.learner.settled().then(() => {
      settled = true;
    });
    // Every callback so far has run: the write still waits for its answer.
    await new Promise(setImmediate);
    expect(settled).toBe(false);
    expect(w.bus.updates).toEqual([]);
    open();
    await waiting;
    expect(w.bus.updates).toHaveLength(1);
    await learning;
    // Nothing in progress: resolves at once.
    await w.learner.settled();
  });
});
