import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { applyEdit, editFromSettings } from '../../../main/editor/apply';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { officeVpn } from '../../builders/openvpn-connection';
import { v } from '../../builders/variant';

function settings(ip: Record<string, Variant> = {}): SettingsDict {
  return officeVpn('password', ip);
}

function dnsKeys(out: SettingsDict, family: 'ipv4' | 'ipv6'): [unknown, unknown] {
  const ip = out[family] ?? {};
  return [ip['dns-priority']?.value, ip['dns-search']?.value];
}

describe('the editor’s DNS routing', () => {
  it('starts from what the profile says', () => {
    expect(editFromSettings(settings()).dnsRouting).toBe('profile');
    expect(
      editFromSettings(settings({ 'dns-priority': v('i', -50), 'dns-search': v('as', ['~.']) }))
        .dnsRouting,
    ).toBe('all-through-vpn');
    expect(editFromSettings(settings({ 'dns-priority': v('i', 200) })).dnsRouting).toBe(
      'own-domains',
    );
  });

  it('writes neither key when the routing is unchanged', () => {
    const current = settings();
    const base = editFromSettings(current);
    const out = applyEdit(current, base, { ...base, name: 'renamed' });
    expect(dnsKeys(out, 'ipv4')).toEqual([undefined, undefined]);
    expect(dnsKeys(out, 'ipv6')).toEqual([undefined, undefined]);
  });

  it('all through the VPN: priority -50 and ~. for IPv4 and IPv6, with a domain typed in the same edit', () => {
    const current = settings();
    const base = editFromSettings(current);
    const edit = {
      ...base,
      ipv4: { ...base.ipv4, dnsSearch: ['corp.example'] },
      dnsRouting: 'all-through-vpn' as const,
    };
    const out = applyEdit(current, base, edit);
    expect(dnsKeys(out, 'ipv4')).toEqual([-50, ['corp.example', '~.']]);
    expect(dnsKeys(out, 'ipv6')).toEqual([-50, ['~.']]);
  });

  it('own domains only: priority 200 and ~. gone; back to the profile’s: priority 0', () => {
    const current = settings({ 'dns-priority': v('i', -50), 'dns-search': v('as', ['~.']) });
    const base = editFromSettings(current);
    const own = applyEdit(current, base, { ...base, dnsRouting: 'own-domains' });
    expect(dnsKeys(own, 'ipv4')).toEqual([200, []]);
    const plain = applyEdit(current, base, { ...base, dnsRouting: 'profile' });
    expect(dnsKeys(plain, 'ipv6')).toEqual([0, []]);
  });

  it('own domains only: the profile’s search domains and the pushed ones become routing domains', () => {
    const current = settings({ 'dns-search': v('as', ['corp.example', '~lab.example']) });
    const base = editFromSettings(current);
    const edit = { ...base, dnsRouting: 'own-domains' as const };
    const out = applyEdit(current, base, edit, {}, ['pushed.example', 'corp.example']);
    expect(dnsKeys(out, 'ipv4')).toEqual([
      200,
      ['corp.example', '~lab.example', '~corp.example', '~pushed.example'],
    ]);
    // Back to the profile's: the routing entries of those domains go, the person's own stay.
    const back = applyEdit(out, editFromSettings(out), { ...edit, dnsRouting: 'profile' }, {}, [
      'pushed.example',
    ]);
    expect(dnsKeys(back, 'ipv4')).toEqual([0, ['corp.example', '~lab.example']]);
  });
});
