import { describe, expect, it } from 'vitest';
import type { TrayMenuEntry } from '../../../main/desktop/surface-types';
import { escapeMenuLabel, menuOrder, trayMenu } from '../../../main/desktop/tray-menu';
import { profile, snapshot, uuidOf } from '../../builders/views';
import {
  connected,
  connecting,
  disconnecting,
  failed,
  needsSecrets,
} from '../../builders/tunnel-states';

function vpns(entries: TrayMenuEntry[]): Extract<TrayMenuEntry, { kind: 'vpn' }>[] {
  return entries.filter((e): e is Extract<TrayMenuEntry, { kind: 'vpn' }> => e.kind === 'vpn');
}

const tail = ['separator', 'editor', 'quit'];

describe('trayMenu', () => {
  it('lists each VPN as a check item with its state and address, then the editor and Quit', () => {
    const menu = trayMenu(
      snapshot([profile('home'), profile('office'), profile('lab')], {
        [uuidOf('office')]: connected('10.8.0.2/24'),
        [uuidOf('lab')]: connecting,
      }),
    );
    expect(menu.map((e) => e.kind)).toEqual(['vpn', 'vpn', 'vpn', ...tail]);
    expect(vpns(menu)).toEqual([
      {
        kind: 'vpn',
        uuid: uuidOf('home'),
        label: 'home',
        checked: false,
        enabled: true,
        action: 'connect',
      },
      {
        kind: 'vpn',
        uuid: uuidOf('lab'),
        label: 'lab — connecting…',
        checked: true,
        enabled: true,
        action: 'disconnect',
      },
      {
        kind: 'vpn',
        uuid: uuidOf('office'),
        label: 'office — connected, 10.8.0.2',
        checked: true,
        enabled: true,
        action: 'disconnect',
      },
    ]);
  });

  it('says what each state is; a tunnel going down cannot be clicked', () => {
    const menu = vpns(
      trayMenu(
        snapshot([profile('a'), profile('b'), profile('c')], {
          [uuidOf('a')]: needsSecrets,
          [uuidOf('b')]: disconnecting,
          [uuidOf('c')]: failed(),
        }),
      ),
    );
    expect(menu.map((e) => [e.label, e.checked, e.enabled, e.action])).toEqual([
      ['a — waiting for the password', true, true, 'disconnect'],
      ['b — disconnecting…', false, false, 'connect'],
      ['c — failed', false, true, 'connect'],
    ]);
  });

  it('shows the address of an IPv6-only tunnel, never a link-local one', () => {
    const v6 = {
      kind: 'connected' as const,
      ip4: null,
      ip6: {
        addresses: ['fe80::1/64', '2001:db8::2/64'],
        gateway: null,
        routes: [],
        dns: [],
        domains: [],
      },
      since: 0,
      banner: null,
    };
    const [entry] = vpns(trayMenu(snapshot([profile('v6')], { [uuidOf('v6')]: v6 })));
    expect(entry?.label).toBe('v6 — connected, 2001:db8::2');
  });

  it('puts favourites first, then recently used ones, newest first, then the rest by name', () => {
    const order = menuOrder([
      profile('zulu'),
      profile('alpha'),
      profile('old', { lastUsed: 100 }),
      profile('new', { lastUsed: 300 }),
      profile('fav-b', { favourite: true, lastUsed: 500 }),
      profile('fav-a', { favourite: true }),
    ]).map((p) => p.id);
    expect(order).toEqual(['fav-a', 'fav-b', 'new', 'old', 'alpha', 'zulu']);
  });

  it('stops at the limit with "More…", but always lists a tunnel that is not idle', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      profile(`vpn-${String(i).padStart(4, '0')}`),
    );
    const menu = trayMenu(
      snapshot(many, { [uuidOf('vpn-4999')]: connected(), [uuidOf('vpn-2500')]: failed() }),
      10,
    );
    const listed = vpns(menu).map((e) => e.uuid);
    expect(listed).toHaveLength(12);
    expect(listed.slice(0, 10)).toEqual(many.slice(0, 10).map((p) => p.uuid));
    expect(listed).toContain(uuidOf('vpn-4999'));
    expect(listed).toContain(uuidOf('vpn-2500'));
    const more = menu.find((e) => e.kind === 'more');
    expect(more).toEqual({ kind: 'more', label: 'More… (4,988 more)' });
    expect(menu.slice(-3).map((e) => e.kind)).toEqual(tail);
  });

  it('has no "More…" when everything fits', () => {
    const menu = trayMenu(snapshot(Array.from({ length: 10 }, (_, i) => profile(`p${i}`))), 10);
    expect(menu.some((e) => e.kind === 'more')).toBe(false);
  });

  it('says when NetworkManager is not running, and lists no VPN', () => {
    const menu = trayMenu(snapshot([profile('a')], {}, false));
    expect(menu).toEqual([
      { kind: 'info', label: 'NetworkManager is not running' },
      { kind: 'separator' },
      { kind: 'editor', label: 'Connection editor…' },
      { kind: 'quit', label: 'Quit' },
    ]);
  });

  it('says when there is no profile yet', () => {
    expect(trayMenu(snapshot([]))[0]).toEqual({ kind: 'info', label: 'No VPN profiles yet' });
  });

  it('doubles ampersands so a name is not read as a mnemonic', () => {
    expect(escapeMenuLabel('R&D VPN')).toBe('R&&D VPN');
    const [entry] = vpns(trayMenu(snapshot([profile('R&D')])));
    expect(entry?.label).toBe('R&&D');
  });
});
