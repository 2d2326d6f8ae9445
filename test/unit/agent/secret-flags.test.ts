import { describe, expect, it } from 'vitest';
import { agentOwnedKeys, agentOwnedValues } from '../../../main/agent/secret-flags';
import { buildSecretsReply, secretsOfDict } from '../../../main/agent/secret-reply';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { v } from '../../builders/variant';

const vpn = (data: Record<string, string>, secrets?: Record<string, string>): SettingsDict => ({
  connection: { id: v('s', 'work'), uuid: v('s', 'u1'), type: v('s', 'vpn') },
  vpn: {
    'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
    data: v('a{ss}', data),
    ...(secrets ? { secrets: v('a{ss}', secrets) } : {}),
  },
});

const wireguard: SettingsDict = {
  connection: { id: v('s', 'wg'), uuid: v('s', 'u2'), type: v('s', 'wireguard') },
  wireguard: {
    'private-key-flags': v('u', 1),
    peers: v('aa{sv}', [
      { 'public-key': v('s', 'PK1='), 'preshared-key-flags': v('u', 1) },
      { 'public-key': v('s', 'PK2='), 'preshared-key-flags': v('u', 2) },
    ]),
  },
};

describe('agent-owned secrets', () => {
  it('are the VPN secrets whose flags are exactly 1', () => {
    const connection = vpn({
      'password-flags': '1',
      'cert-pass-flags': '2',
      'http-proxy-password-flags': '5',
      'other-flags': '0',
      username: 'alice',
    });
    expect(agentOwnedKeys(connection, 'vpn')).toEqual(['password']);
    expect(agentOwnedKeys(connection, 'wireguard')).toEqual([]);
  });

  it('are WireGuard’s private key and preshared keys whose flags are exactly 1', () => {
    expect(agentOwnedKeys(wireguard, 'wireguard')).toEqual([
      'private-key',
      'peers.PK1=.preshared-key',
    ]);
  });

  it('keeps only agent-owned, non-empty values', () => {
    const connection = vpn({ 'password-flags': '1', 'cert-pass-flags': '2' });
    expect(
      agentOwnedValues(connection, 'vpn', { password: 'p', 'cert-pass': 'c', username: 'u' }),
    ).toEqual({ password: 'p' });
    expect(agentOwnedValues(connection, 'vpn', { password: '' })).toEqual({});
  });
});

describe('secretsOfDict', () => {
  it('reads the secrets of a SaveSecrets dict under the keys GetSecrets answers with', () => {
    expect(secretsOfDict(vpn({ 'password-flags': '1' }, { password: 'p' }))).toEqual({
      vpn: { password: 'p' },
    });
    const reply = buildSecretsReply('wireguard', {
      'private-key': 'K',
      'peers.PK1=.preshared-key': 'S',
    });
    expect(secretsOfDict(reply)).toEqual({
      wireguard: { 'private-key': 'K', 'peers.PK1=.preshared-key': 'S' },
    });
    expect(secretsOfDict(vpn({ 'password-flags': '1' }))).toEqual({});
  });
});
