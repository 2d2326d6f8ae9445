// The one table of NetworkManager-openvpn's keys and the values each takes (preload/openvpn-keys.ts),
// and the three places that read it: the importer's directives, the editor's gate in main and the
// number ranges the OpenVPN page checks.
import { describe, expect, it } from 'vitest';
import {
  G_MAXINT,
  OPENVPN_DATA_KEY_VALUES,
  openVpnIntRange,
  openVpnValueKind,
} from '../../../preload/openvpn-keys';
import { openVpnValueProblem } from '../../../main/editor/known-keys';
import { importRange } from '../../../main/vpn/openvpn/directive-kit';
import { OPENVPN_DATA_KEYS } from '../../../main/vpn/openvpn/keys';

describe('the OpenVPN key table', () => {
  it('holds the 1.10.2 service’s integer bounds', () => {
    expect(openVpnIntRange('fragment-size')).toEqual({
      kind: 'int',
      min: 0,
      max: G_MAXINT,
      importMax: 0xffff,
    });
    expect(openVpnIntRange('port')).toEqual({ kind: 'int', min: 1, max: 65_535 });
    expect(openVpnIntRange('max-routes')).toEqual({ kind: 'int', min: 0, max: 100_000_000 });
    expect(openVpnIntRange('ta-dir')).toEqual({ kind: 'int', min: 0, max: 1 });
    expect(openVpnIntRange('remote')).toBeUndefined();
    expect(openVpnValueKind('x-future')).toBeUndefined();
    expect(openVpnValueKind('toString')).toBeUndefined();
  });

  it('is the list of keys main gates with', () => {
    expect([...OPENVPN_DATA_KEYS]).toEqual(Object.keys(OPENVPN_DATA_KEY_VALUES));
    expect(OPENVPN_DATA_KEYS).toHaveLength(63);
  });

  it('gives the importer the service’s range, or the importer’s own lower bound', () => {
    expect(importRange('ping')).toEqual([0n, BigInt(G_MAXINT)]);
    expect(importRange('keysize')).toEqual([1n, 65_535n]);
    expect(importRange('fragment-size')).toEqual([0n, 65_535n]);
    expect(importRange('tunnel-mtu')).toEqual([0n, 65_535n]);
    expect(() => importRange('remote')).toThrow();
  });

  it('gives the editor’s gate each integer key’s bounds, inclusive', () => {
    for (const key of OPENVPN_DATA_KEYS) {
      const range = openVpnIntRange(key);
      if (range === undefined) continue;
      expect(openVpnValueProblem(key, String(range.min))).toBeNull();
      expect(openVpnValueProblem(key, String(range.max))).toBeNull();
      expect(openVpnValueProblem(key, String(range.max + 1))).not.toBeNull();
      if (range.min > 0) expect(openVpnValueProblem(key, String(range.min - 1))).not.toBeNull();
    }
  });
});
