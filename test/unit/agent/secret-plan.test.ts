import { describe, expect, it } from 'vitest';
import { planSecrets, type PlanInput } from '../../../main/agent/secret-plan';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { openvpn } from '../../builders/openvpn-connection';
import { v } from '../../builders/variant';

function input(over: Partial<PlanInput>): PlanInput {
  return {
    connection: openvpn({
      'connection-type': 'password',
      'password-flags': '1',
      username: 'alice',
    }),
    settingName: 'vpn',
    hints: [],
    flags: 0x5,
    answeredBefore: false,
    isKeyEncrypted: () => false,
    ...over,
  };
}

describe('planSecrets for OpenVPN', () => {
  it('asks for the password on the first interactive pass', () => {
    const plan = planSecrets(input({}));
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(plan.request.fields).toEqual([{ key: 'password', label: 'Password', secret: true }]);
    expect(plan.request.reason).toBe('initial');
    expect(plan.request.canSave).toBe(true);
  });

  it('looks the password up in the keyring first on a first request', () => {
    const plan = planSecrets(input({}));
    expect(plan.kind === 'ask' && plan.lookFirst).toEqual(['password']);
  });

  it('without ALLOW_INTERACTION only answers from the keyring, and only agent-owned secrets', () => {
    expect(planSecrets(input({ flags: 0x4 }))).toEqual({ kind: 'from-store', keys: ['password'] });
    const connection = openvpn({
      'connection-type': 'password-tls',
      'password-flags': '2',
      'cert-pass-flags': '0',
      'http-proxy-password-flags': '5',
    });
    expect(planSecrets(input({ connection, flags: 0 })).kind).toBe('no-secrets');
  });

  it('never answers a request with hints from the keyring', () => {
    const hints = ['password', 'x-vpn-message:A password is required.'];
    expect(planSecrets(input({ hints, flags: 0 })).kind).toBe('no-secrets');
    const plan = planSecrets(input({ hints }));
    expect(plan.kind === 'ask' && plan.lookFirst).toEqual([]);
  });

  it('offers saving only agent-owned secrets (flags exactly 1)', () => {
    const systemOwned = openvpn({ 'connection-type': 'password', 'password-flags': '0' });
    const plan = planSecrets(input({ connection: systemOwned }));
    expect(plan.kind === 'ask' && [plan.request.canSave, plan.lookFirst]).toEqual([false, []]);
  });

  it('says the previous password was rejected when asked again in the same attempt', () => {
    const plan = planSecrets(
      input({ hints: ['password', 'x-vpn-message:A password is required.'], answeredBefore: true }),
    );
    expect(plan.kind === 'ask' && plan.request.reason).toBe('rejected');
    // The corrected one may replace the saved one.
    expect(plan.kind === 'ask' && plan.request.canSave).toBe(true);
  });

  it('shows the server’s question for a dynamic challenge and never offers to save the code', () => {
    // NM-openvpn's CRV1 request: the server's text, and the response under a challenge hint.
    const plan = planSecrets(
      input({
        hints: ['x-vpn-message:Enter the 6-digit code', 'x-dynamic-challenge:challenge-response'],
        answeredBefore: true,
      }),
    );
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(plan.request.reason).toBe('challenge');
    expect(plan.request.message).toBe('Enter the 6-digit code');
    expect(plan.request.canSave).toBe(false);
  });

  it('decides rejected or challenge from the hints and the attempt, not the plugin’s language', () => {
    // NM-openvpn translates its own re-prompt text (gettext): a German session sends this. The
    // plugin's catalogue of this machine knows it (injected here; read from the .mo files below).
    const pluginMessages = new Set(['A password is required.', 'Ein Passwort ist notwendig.']);
    const withCatalogue = (over: Partial<PlanInput>): PlanInput =>
      input({ ...over, openvpnPluginMessages: pluginMessages });
    const translated = ['password', 'x-vpn-message:Ein Passwort ist notwendig.'];
    const again = planSecrets(withCatalogue({ hints: translated, answeredBefore: true }));
    expect(again.kind === 'ask' && again.request.reason).toBe('rejected');
    expect(again.kind === 'ask' && again.request.canSave).toBe(true);
    const first = planSecrets(withCatalogue({ hints: translated }));
    expect(first.kind === 'ask' && first.request.reason).toBe('initial');
    const english = planSecrets(
      withCatalogue({
        hints: ['password', 'x-vpn-message:A password is required.'],
        answeredBefore: true,
      }),
    );
    expect(english.kind === 'ask' && english.request.reason).toBe('rejected');
  });

  it('takes any other message of an older plugin (no challenge hint) as the server’s question', () => {
    // NM-openvpn 1.10 (Debian 12): the CRV1 question as a plain message, the code as `password`.
    const plan = planSecrets(
      input({
        hints: ['password', 'x-vpn-message:Geben Sie den Code ein'],
        answeredBefore: true,
        openvpnPluginMessages: new Set(['A password is required.', 'Ein Passwort ist notwendig.']),
      }),
    );
    expect(plan.kind === 'ask' && [plan.request.reason, plan.request.message]).toEqual([
      'challenge',
      'Geben Sie den Code ein',
    ]);
  });

  it('takes a raw CRV1 challenge in the message as the server’s question', () => {
    const plan = planSecrets(
      input({
        hints: [
          'password',
          'x-vpn-message:CRV1:R,E:Om01u7Fh4LrGBS7uh0SWmzwabUiGiW6l:Y3Ix:Code aus der App',
        ],
      }),
    );
    expect(plan.kind === 'ask' && [plan.request.reason, plan.request.message]).toEqual([
      'challenge',
      'Code aus der App',
    ]);
  });

  it('returns the newer daemons’ challenge under the full hint string', () => {
    const plan = planSecrets(
      input({ hints: ['x-dynamic-challenge-echo:challenge-response', 'x-vpn-message:PIN?'] }),
    );
    expect(plan.kind === 'ask' && plan.request.fields).toEqual([
      { key: 'x-dynamic-challenge-echo:challenge-response', label: 'Code', secret: false },
    ]);
  });

  it('asks for the key passphrase only when the key file is encrypted', () => {
    const connection = openvpn({
      'connection-type': 'tls',
      key: '/k.pem',
      cert: '/c.pem',
      'cert-pass-flags': '1',
    });
    expect(planSecrets(input({ connection })).kind).toBe('nothing-needed');
    const plan = planSecrets(input({ connection, isKeyEncrypted: (p) => p === '/k.pem' }));
    expect(plan.kind === 'ask' && plan.request.fields.map((f) => f.key)).toEqual(['cert-pass']);
  });

  it('skips NOT_REQUIRED secrets and offers no saving for NOT_SAVED ones', () => {
    expect(
      planSecrets(
        input({ connection: openvpn({ 'connection-type': 'password', 'password-flags': '4' }) }),
      ).kind,
    ).toBe('nothing-needed');
    const plan = planSecrets(
      input({ connection: openvpn({ 'connection-type': 'password', 'password-flags': '2' }) }),
    );
    expect(plan.kind === 'ask' && [plan.request.canSave, plan.lookFirst]).toEqual([false, []]);
  });

  it('asks for the proxy password when a proxy user is set', () => {
    const connection = openvpn({ 'connection-type': 'tls', 'http-proxy-username': 'p' });
    const plan = planSecrets(input({ connection }));
    expect(plan.kind === 'ask' && plan.request.fields.map((f) => f.key)).toEqual([
      'http-proxy-password',
    ]);
  });
});

describe('planSecrets for other settings', () => {
  it('hands other VPN plugins to their auth dialog', () => {
    const connection: SettingsDict = {
      connection: { id: v('s', 'sw'), uuid: v('s', 'u2') },
      vpn: { 'service-type': v('s', 'org.freedesktop.NetworkManager.strongswan') },
    };
    expect(planSecrets(input({ connection }))).toEqual({
      kind: 'auth-dialog',
      serviceType: 'org.freedesktop.NetworkManager.strongswan',
    });
  });

  it('logs in to OpenConnect itself when it may prompt, and only from the keyring otherwise', () => {
    const connection: SettingsDict = {
      connection: { id: v('s', 'oc'), uuid: v('s', 'u2') },
      vpn: { 'service-type': v('s', 'org.freedesktop.NetworkManager.openconnect') },
    };
    expect(planSecrets(input({ connection }))).toEqual({ kind: 'openconnect-login' });
    // A cookie is good for one connection: there is nothing to answer without a login.
    expect(planSecrets(input({ connection, flags: 0 })).kind).toBe('no-secrets');
  });

  it('asks for an agent-owned WireGuard key and the hinted preshared keys', () => {
    const connection: SettingsDict = {
      connection: { id: v('s', 'wg0'), uuid: v('s', 'u3'), type: v('s', 'wireguard') },
      wireguard: { 'private-key-flags': v('u', 1) },
    };
    const plan = planSecrets(input({ connection, settingName: 'wireguard', hints: [] }));
    expect(plan.kind === 'ask' && plan.request.fields.map((f) => f.key)).toEqual(['private-key']);
    expect(plan.kind === 'ask' && plan.lookFirst).toEqual(['private-key']);
    expect(planSecrets(input({ connection, settingName: 'wireguard', flags: 0 }))).toEqual({
      kind: 'from-store',
      keys: ['private-key'],
    });
    const hinted = planSecrets(
      input({
        connection,
        settingName: 'wireguard',
        hints: ['peers.ABC=.preshared-key'],
        flags: 0x3,
      }),
    );
    expect(
      hinted.kind === 'ask' && [hinted.request.fields[0]?.label, hinted.request.reason],
    ).toEqual(['Preshared key', 'rejected']);
    // REQUEST_NEW: the saved key was rejected, so the keyring is not asked.
    expect(hinted.kind === 'ask' && hinted.lookFirst).toEqual([]);
  });

  it('WireGuard REQUEST_NEW without hints: asks again and never re-reads the rejected saved key', () => {
    const connection: SettingsDict = {
      connection: { id: v('s', 'wg0'), uuid: v('s', 'u3'), type: v('s', 'wireguard') },
      wireguard: { 'private-key-flags': v('u', 1) },
    };
    const plan = planSecrets(
      input({ connection, settingName: 'wireguard', hints: [], flags: 0x3 }),
    );
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(plan.request.fields.map((f) => f.key)).toEqual(['private-key']);
    expect(plan.request.reason).toBe('rejected');
    expect(plan.lookFirst).toEqual([]);
    expect(plan.request.canSave).toBe(true);
  });

  it('WireGuard "ask every time": the key is asked, never looked up or offered for saving', () => {
    const connection: SettingsDict = {
      connection: { id: v('s', 'wg0'), uuid: v('s', 'u3'), type: v('s', 'wireguard') },
      wireguard: { 'private-key-flags': v('u', 2) },
    };
    const plan = planSecrets(input({ connection, settingName: 'wireguard', hints: [] }));
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(plan.request.fields).toEqual([
      { key: 'private-key', label: 'Private key', secret: true },
    ]);
    expect(plan.request.reason).toBe('initial');
    expect(plan.lookFirst).toEqual([]);
    expect(plan.request.canSave).toBe(false);
    // Without interaction nothing may answer it.
    expect(planSecrets(input({ connection, settingName: 'wireguard', flags: 0 })).kind).toBe(
      'no-secrets',
    );
  });

  it('leaves Wi-Fi and other secrets to other agents', () => {
    expect(planSecrets(input({ settingName: '802-11-wireless-security' })).kind).toBe('no-secrets');
  });
});
