import { describe, expect, it } from 'vitest';
import { agentOwnedKeys, agentOwnedValues } from '../../../main/agent/secret-flags';
import {
  buildSecretsReply,
  nothingNeededReply,
  secretsOfDict,
} from '../../../main/agent/secret-reply';
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

  it('reads only the "-flags" entries of vpn.data, each secret once', () => {
    // "password-hints" is as long as "password-flags": cut the same way, it would name "password".
    const connection = vpn({ 'password-flags': '1', 'password-hints': '1', 'x-flags': 'junk' });
    expect(agentOwnedKeys(connection, 'vpn')).toEqual(['password']);
  });

  it('leaves out WireGuard keys that are not agent-owned, and a peer without a public key', () => {
    const mixed: SettingsDict = {
      connection: { id: v('s', 'wg'), uuid: v('s', 'u3'), type: v('s', 'wireguard') },
      wireguard: {
        'private-key-flags': v('u', 0),
        peers: v('aa{sv}', [
          { 'preshared-key-flags': v('u', 1) },
          { 'public-key': v('s', 'PK3='), 'preshared-key-flags': v('u', 0) },
          { 'public-key': v('s', 'PK4=') },
        ]),
      },
    };
    expect(agentOwnedKeys(mixed, 'wireguard')).toEqual([]);
  });

  it('has none in other settings, even of a WireGuard profile', () => {
    expect(agentOwnedKeys(wireguard, '802-11-wireless-security')).toEqual([]);
    expect(agentOwnedKeys(wireguard, 'vpn')).toEqual([]);
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

describe('the GetSecrets reply', () => {
  it('carries VPN secrets as vpn.secrets, an a{ss}', () => {
    expect(buildSecretsReply('vpn', { password: 'p' })).toEqual({
      vpn: { secrets: v('a{ss}', { password: 'p' }) },
    });
  });

  it('carries WireGuard keys in place: private-key, and each preshared key in its peer', () => {
    expect(
      buildSecretsReply('wireguard', {
        'private-key': 'K',
        'peers.PK1=.preshared-key': 'S1',
        'peers.PK2=.preshared-key': 'S2',
        'peers..preshared-key': 'no peer',
        password: 'not a WireGuard key',
      }),
    ).toEqual({
      wireguard: {
        'private-key': v('s', 'K'),
        peers: v('aa{sv}', [
          { 'public-key': v('s', 'PK1='), 'preshared-key': v('s', 'S1') },
          { 'public-key': v('s', 'PK2='), 'preshared-key': v('s', 'S2') },
        ]),
      },
    });
  });

  it('has no peers entry when no preshared key is answered', () => {
    expect(buildSecretsReply('wireguard', { 'private-key': 'K' })).toEqual({
      wireguard: { 'private-key': v('s', 'K') },
    });
    expect(buildSecretsReply('wireguard', {})).toEqual({ wireguard: {} });
  });

  it('"nothing needed" is still a non-empty answer', () => {
    expect(nothingNeededReply('vpn')).toEqual({
      vpn: { secrets: v('a{ss}', { 'no-secret': 'true' }) },
    });
  });
});

describe('secretsOfDict, what is missing', () => {
  it('leaves out an empty vpn.secrets and a peer without a preshared key or public key', () => {
    expect(secretsOfDict(vpn({ 'password-flags': '1' }, {}))).toEqual({});
    const peers: SettingsDict = {
      wireguard: {
        peers: v('aa{sv}', [
          { 'public-key': v('s', 'PK1=') },
          { 'preshared-key': v('s', 'S') },
          { 'public-key': v('s', 'PK2='), 'preshared-key': v('s', 'S2') },
        ]),
      },
    };
    expect(secretsOfDict(peers)).toStrictEqual({ wireguard: { 'peers.PK2=.preshared-key': 'S2' } });
    expect(secretsOfDict({ wireguard: { peers: v('aa{sv}', []) } })).toEqual({});
  });
});
