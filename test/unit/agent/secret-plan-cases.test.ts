// The cases of planSecrets that mutation testing (npm run test:mutation) found untested: each
// assertion is on the plan the agent acts on, the fields and texts a person sees.
import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { planSecrets, type PlanInput, type SecretPlan } from '../../../main/agent/secret-plan';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { openvpn } from '../../builders/openvpn-connection';
import { v } from '../../builders/variant';

const passwordData = { 'connection-type': 'password', 'password-flags': '1', username: 'alice' };

function input(over: Partial<PlanInput>): PlanInput {
  return {
    connection: openvpn(passwordData),
    settingName: 'vpn',
    hints: [],
    flags: 0x1,
    answeredBefore: false,
    isKeyEncrypted: () => false,
    openvpnPluginMessages: new Set(['A password is required.']),
    ...over,
  };
}

type Ask = Extract<SecretPlan, { kind: 'ask' }>;

function asked(plan: SecretPlan): Ask {
  if (plan.kind !== 'ask') throw new Error(`expected a prompt, got ${JSON.stringify(plan)}`);
  return plan;
}

describe('a request with hints', () => {
  it('labels a preshared key only when the key is a peer’s preshared key', () => {
    const hints = ['peers.abc', 'vpn.preshared-key', 'peers.abc.preshared-key'];
    const plan = asked(planSecrets(input({ hints })));
    expect(plan.request.fields.map((f) => f.label)).toEqual([
      'peers.abc',
      'vpn.preshared-key',
      'Preshared key',
    ]);
  });

  it('a challenge hint alone makes a challenge: code field, challenge title, nothing saved', () => {
    const hint = 'x-dynamic-challenge:challenge-response';
    const plan = asked(planSecrets(input({ hints: [hint, 'password'] })));
    expect(plan.request.reason).toBe('challenge');
    expect(plan.request.title).toBe('work asks for a code');
    expect(plan.request.fields[0]).toEqual({ key: hint, label: 'Code', secret: true });
    // The password beside it is agent-owned, but a challenge's prompt never offers saving.
    expect(plan.request.canSave).toBe(false);
    const echo = 'x-dynamic-challenge-echo:challenge-response';
    const echoed = asked(planSecrets(input({ hints: [echo] })));
    expect(echoed.request.fields).toEqual([{ key: echo, label: 'Code', secret: false }]);
    expect(echoed.request.reason).toBe('challenge');
  });

  it('takes an older plugin’s plain challenge-response hint as a challenge', () => {
    const plan = asked(planSecrets(input({ hints: ['challenge-response'] })));
    expect(plan.request.fields).toEqual([
      { key: 'challenge-response', label: 'Code', secret: true },
    ]);
    expect(plan.request.reason).toBe('challenge');
  });

  it('asks for user names in the clear, starting from the saved one', () => {
    const hints = ['username', 'http-proxy-username', 'password'];
    const plan = asked(planSecrets(input({ hints })));
    expect(plan.request.fields).toEqual([
      { key: 'username', label: 'User name', secret: false, initial: 'alice' },
      { key: 'http-proxy-username', label: 'HTTP proxy user name', secret: false, initial: '' },
      { key: 'password', label: 'Password', secret: true },
    ]);
    expect(plan.request.title).toBe('Secrets for work');
  });

  it('a CRV1 message is a challenge even when its question is one of the plugin’s texts', () => {
    const message = 'x-vpn-message:CRV1:R,E:c3RhdGU=:dXNlcg==:Enter your code';
    const messages = new Set(['Enter your code', 'xCRV1:a:b:c:d']);
    const plan = asked(
      planSecrets(input({ hints: [message, 'password'], openvpnPluginMessages: messages })),
    );
    expect(plan.request.reason).toBe('challenge');
    expect(plan.request.message).toBe('Enter your code');
    // CRV1 only at the start of the message.
    const other = 'x-vpn-message:xCRV1:a:b:c:d';
    const plain = asked(
      planSecrets(input({ hints: [other, 'password'], openvpnPluginMessages: messages })),
    );
    expect(plain.request.reason).toBe('initial');
    expect(plain.request.message).toBe('xCRV1:a:b:c:d');
  });

  it('the plugin’s own text or no text is no challenge; no text gets ours', () => {
    const known = asked(
      planSecrets(input({ hints: ['x-vpn-message:A password is required.', 'password'] })),
    );
    expect(known.request.reason).toBe('initial');
    const none = asked(planSecrets(input({ hints: ['password'] })));
    expect(none.request.reason).toBe('initial');
    expect(none.request.message).toBe('Authentication is required to connect to work.');
    expect(none.request.vpnType).toBe('openvpn');
  });

  it('a message without any secret to ask for asks nothing', () => {
    expect(planSecrets(input({ hints: ['x-vpn-message:hello'] }))).toEqual({
      kind: 'no-secrets',
      why: 'the request names no secret',
    });
  });
});

describe('an OpenVPN request without hints', () => {
  it('asks password-tls profiles for the password and the passphrase of an encrypted key', () => {
    const seen: string[] = [];
    const connection = openvpn({
      'connection-type': 'password-tls',
      'password-flags': '1',
      username: 'alice',
      key: '/k.pem',
      'cert-pass-flags': '1',
    });
    const isKeyEncrypted = (path: string): boolean => (seen.push(path), true);
    const plan = asked(planSecrets(input({ connection, isKeyEncrypted })));
    expect(plan.request.fields.map((f) => f.key)).toEqual(['password', 'cert-pass']);
    expect(seen).toEqual(['/k.pem']);
  });

  it('takes tls as the default type, and a .p12 certificate as the key', () => {
    const seen: string[] = [];
    const isKeyEncrypted = (path: string): boolean => (seen.push(path), true);
    const p12 = asked(
      planSecrets(input({ connection: openvpn({ cert: '/me.p12' }), isKeyEncrypted })),
    );
    expect(p12.request.fields.map((f) => f.key)).toEqual(['cert-pass']);
    expect(p12.request.vpnType).toBe('openvpn');
    // A PEM certificate holds no key; without a key there is no passphrase to ask for.
    const pem = planSecrets(input({ connection: openvpn({ cert: '/me.crt' }), isKeyEncrypted }));
    expect(pem).toEqual({ kind: 'nothing-needed' });
    expect(seen).toEqual(['/me.p12']);
  });

  it('asks a password profile no passphrase, even with an encrypted key', () => {
    const connection = openvpn({ ...passwordData, key: '/k.pem' });
    const plan = asked(planSecrets(input({ connection, isKeyEncrypted: () => true })));
    expect(plan.request.fields.map((f) => f.key)).toEqual(['password']);
  });

  it('skips a passphrase and a proxy password that are not required', () => {
    const connection = openvpn({
      'connection-type': 'tls',
      key: '/k.pem',
      'cert-pass-flags': '4',
      'http-proxy-username': 'p',
      'http-proxy-password-flags': '4',
    });
    expect(planSecrets(input({ connection, isKeyEncrypted: () => true }))).toEqual({
      kind: 'nothing-needed',
    });
  });

  it('asked again in the same attempt: rejected, and the keyring is not looked at', () => {
    const plan = asked(planSecrets(input({ answeredBefore: true })));
    expect(plan.request.reason).toBe('rejected');
    expect(plan.lookFirst).toEqual([]);
  });
});

function wireguard(
  privateFlags: number | undefined,
  peers: Record<string, Variant>[],
): SettingsDict {
  const wg: Record<string, Variant> = { peers: v('aa{sv}', peers) };
  if (privateFlags !== undefined) wg['private-key-flags'] = v('u', privateFlags);
  return {
    connection: { id: v('s', 'wg0'), uuid: v('s', 'u2'), type: v('s', 'wireguard') },
    wireguard: wg,
  };
}

const peer = (pk: string | null, flags: number): Record<string, Variant> =>
  pk === null
    ? { 'preshared-key-flags': v('u', flags) }
    : { 'public-key': v('s', pk), 'preshared-key-flags': v('u', flags) };

describe('WireGuard', () => {
  const wgInput = (connection: SettingsDict, over: Partial<PlanInput> = {}): PlanInput =>
    input({ connection, settingName: 'wireguard', ...over });

  it('asks for exactly the keys hinted, and only WireGuard keys', () => {
    const hints = ['private-key', 'peers.AB=.preshared-key', 'password', 'xpeers.A.preshared-key'];
    const plan = asked(
      planSecrets(wgInput(wireguard(1, []), { hints: [...hints, 'peers.A.preshared-key-flags'] })),
    );
    expect(plan.request.fields.map((f) => f.key)).toEqual([
      'private-key',
      'peers.AB=.preshared-key',
    ]);
    // Hints name the keys: the profile's own "ask" flags add none.
    const pskOnly = asked(
      planSecrets(wgInput(wireguard(1, []), { hints: ['peers.AB=.preshared-key'] })),
    );
    expect(pskOnly.request.fields.map((f) => f.key)).toEqual(['peers.AB=.preshared-key']);
    expect(pskOnly.request.vpnType).toBe('wireguard');
    expect(pskOnly.request.message).toBe('A WireGuard key is needed to connect to wg0.');
  });

  it('without hints asks for the agent-owned and ask-every-time keys that are required', () => {
    const peers = [peer('P1=', 1), peer('P2=', 2), peer('P3=', 0), peer('P4=', 5), peer(null, 1)];
    const plan = asked(planSecrets(wgInput(wireguard(2, peers))));
    expect(plan.request.fields.map((f) => f.key)).toEqual([
      'private-key',
      'peers.P1=.preshared-key',
      'peers.P2=.preshared-key',
    ]);
    for (const flags of [0, 4, 5, undefined]) {
      expect(planSecrets(wgInput(wireguard(flags, [])))).toEqual({
        kind: 'no-secrets',
        why: 'no WireGuard secret is agent-owned',
      });
    }
  });

  it('REQUEST_NEW is a rejected key: the keyring is not looked at', () => {
    const plan = asked(planSecrets(wgInput(wireguard(1, []), { flags: 0x3 })));
    expect(plan.request.reason).toBe('rejected');
    expect(plan.lookFirst).toEqual([]);
    const first = asked(planSecrets(wgInput(wireguard(1, []))));
    expect(first.lookFirst).toEqual(['private-key']);
  });
});

describe('why nothing is answered', () => {
  it('names the reason', () => {
    expect(planSecrets(input({ flags: 0, hints: ['password'] }))).toEqual({
      kind: 'no-secrets',
      why: 'nothing can be stored and no prompt is allowed',
    });
    expect(planSecrets(input({ settingName: '802-1x' }))).toEqual({
      kind: 'no-secrets',
      why: 'Tunnelbar does not answer 802-1x secrets',
    });
  });
});

describe('a connection missing what NetworkManager always sends', () => {
  it('is asked about under empty names, and a VPN without a service type goes to a dialog', () => {
    const connection: SettingsDict = {
      connection: {},
      vpn: { data: v('a{ss}', { 'connection-type': 'password', 'password-flags': '1' }) },
    };
    expect(planSecrets(input({ connection }))).toEqual({ kind: 'auth-dialog', serviceType: '' });
    const nameless = openvpn(passwordData);
    nameless.connection = {};
    const plan = asked(planSecrets(input({ connection: nameless })));
    expect([plan.request.connectionUuid, plan.request.connectionId]).toEqual(['', '']);
    expect(plan.request.title).toBe('Secrets for ');
  });
});
