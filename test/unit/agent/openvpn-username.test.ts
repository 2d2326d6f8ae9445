import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { carryOut, type Outcome } from '../../../main/agent/answer';
import {
  lacksUserName,
  newUserName,
  nmProfileRestarter,
  SecretHandover,
  type ProfileRestarter,
} from '../../../main/agent/openvpn-username';
import type { PromptAnswer, PromptRequest, Prompter } from '../../../main/agent/prompter';
import { planSecrets } from '../../../main/agent/secret-plan';
import { AGENT_ERROR } from '../../../main/nm/names';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { MemoryStore } from '../../fakes/memory-store';
import { openvpn } from '../../builders/openvpn-connection';

// An OpenVPN password profile without a user name: the prompt asks it, and since
// NetworkManager-openvpn takes the name only from the attempt's copy of vpn.data, the agent
// writes it into the profile and starts the attempt again, the typed secrets handed over.

const noName = openvpn({ 'connection-type': 'password', 'password-flags': '1' });
const named = (name: string): SettingsDict =>
  openvpn({ 'connection-type': 'password', 'password-flags': '1', username: name });
const PATH = '/org/freedesktop/NetworkManager/Settings/7';

class Typing implements Prompter {
  readonly seen: PromptRequest[] = [];
  constructor(private readonly reply: PromptAnswer | null) {}
  prompt(request: PromptRequest): Promise<PromptAnswer | null> {
    this.seen.push(request);
    return Promise.resolve(this.reply);
  }
}

class RecordingRestarter implements ProfileRestarter {
  readonly calls: [string, string][] = [];
  constructor(private readonly fails = false) {}
  restartWithUserName(path: string, username: string): Promise<void> {
    this.calls.push([path, username]);
    return this.fails ? Promise.reject(new Error('not authorized')) : Promise.resolve();
  }
}

function answer(
  connection: SettingsDict,
  prompter: Prompter,
  extra: { restarter: ProfileRestarter; handover: SecretHandover; store?: MemoryStore },
  flags = 0x1,
): Promise<Outcome> {
  const input = { connection, settingName: 'vpn', hints: [], flags };
  const plan = planSecrets({ ...input, answeredBefore: false, isKeyEncrypted: () => false });
  return carryOut(
    plan,
    { ...input, path: PATH, signal: new AbortController().signal },
    { prompter, store: extra.store ?? new MemoryStore(), pluginDirs: [], ...extra },
  );
}

const secretsOf = (o: Outcome): unknown =>
  'secrets' in o ? o.secrets.vpn?.secrets?.value : o.error;

describe('which profiles lack a user name', () => {
  it('password and password-tls profiles without (or with a blank) vpn.data username', () => {
    expect(lacksUserName(noName)).toBe(true);
    expect(lacksUserName(openvpn({ 'connection-type': 'password-tls', username: ' ' }))).toBe(true);
    expect(lacksUserName(named('alice'))).toBe(false);
    expect(lacksUserName(openvpn({ 'connection-type': 'tls' }))).toBe(false);
    expect(lacksUserName(openvpn({}))).toBe(false); // tls when absent, as the plugin reads it
  });

  it('a typed name is new when it is not blank and not the one the profile has', () => {
    expect(newUserName(noName, { username: ' bob ' })).toBe('bob');
    expect(newUserName(noName, { username: '  ' })).toBeNull();
    expect(newUserName(named('bob'), { username: 'bob' })).toBeNull();
    expect(newUserName(named('bob'), { username: 'carol' })).toBe('carol');
  });
});

describe('the prompt of a profile without a user name', () => {
  it('asks the user name (shown as typed, empty) before the password', () => {
    const plan = planSecrets({
      connection: noName,
      settingName: 'vpn',
      hints: [],
      flags: 0x1,
      answeredBefore: false,
      isKeyEncrypted: () => false,
    });
    if (plan.kind !== 'ask') throw new Error(plan.kind);
    expect(plan.request.fields).toEqual([
      { key: 'username', label: 'User name', secret: false, initial: '' },
      { key: 'password', label: 'Password', secret: true },
    ]);
    expect(plan.request.canSave).toBe(true);
  });

  it('is not answered from the keyring without interaction (a saved password would go with the login name)', () => {
    const plan = planSecrets({
      connection: noName,
      settingName: 'vpn',
      hints: [],
      flags: 0,
      answeredBefore: false,
      isKeyEncrypted: () => false,
    });
    expect(plan.kind).toBe('no-secrets');
  });

  it('answers this attempt as cancelled, then writes the name and starts again; the new attempt gets the password', async () => {
    const restarter = new RecordingRestarter();
    const handover = new SecretHandover();
    const store = new MemoryStore();
    const first = await answer(
      noName,
      new Typing({ values: { username: 'bob', password: 'pw' }, save: true }),
      { restarter, handover, store },
    );
    expect(first).toMatchObject({ error: AGENT_ERROR.userCanceled, restart: { uuid: 'u1' } });
    // Nothing is changed before NetworkManager has the answer (it fails an attempt whose
    // profile changed under it).
    expect(restarter.calls).toEqual([]);
    if (!('restart' in first) || first.restart === undefined) throw new Error('no restart');
    await first.restart.run();
    expect(restarter.calls).toEqual([[PATH, 'bob']]);
    // "Save password" was ticked: kept now, the new attempt being answered without a prompt.
    expect(store.items.get('u1/vpn/password')).toBe('pw');
    // The new attempt (the profile has the name now) is answered with the typed password.
    const nobody = new Typing(null);
    const second = await answer(named('bob'), nobody, { restarter, handover });
    expect(secretsOf(second)).toEqual({ password: 'pw' });
    expect(nobody.seen).toEqual([]);
    // Used once: a later attempt asks again.
    const later = new Typing({ values: { password: 'again' }, save: false });
    expect(secretsOf(await answer(named('bob'), later, { restarter, handover }))).toEqual({
      password: 'again',
    });
    expect(later.seen).toHaveLength(1);
  });

  it('a restart that fails forgets the handed-over password', async () => {
    const restarter = new RecordingRestarter(true);
    const handover = new SecretHandover();
    const typed = new Typing({ values: { username: 'bob', password: 'pw' }, save: false });
    const outcome = await answer(noName, typed, { restarter, handover });
    if (!('restart' in outcome) || outcome.restart === undefined) throw new Error('no restart');
    await expect(outcome.restart.run()).rejects.toThrow('not authorized');
    expect(handover.take('u1', ['password'])).toEqual({});
  });

  it('without a way to change the profile, answers with the password as before (never the name as a secret)', async () => {
    const typed = new Typing({ values: { username: 'bob', password: 'pw' }, save: false });
    const input = { connection: noName, settingName: 'vpn', hints: [], flags: 0x1 };
    const plan = planSecrets({ ...input, answeredBefore: false, isKeyEncrypted: () => false });
    const outcome = await carryOut(
      plan,
      { ...input, path: PATH, signal: new AbortController().signal },
      { prompter: typed, store: new MemoryStore(), pluginDirs: [] },
    );
    expect(secretsOf(outcome)).toEqual({ password: 'pw' });
  });

  it('a user name the plugin asks for (its `username` hint) is handled the same way', async () => {
    const restarter = new RecordingRestarter();
    const typed = new Typing({ values: { username: 'bob', password: 'pw' }, save: false });
    const input = { connection: noName, settingName: 'vpn', hints: ['username', 'password'] };
    const plan = planSecrets({
      ...input,
      flags: 0x1,
      answeredBefore: false,
      isKeyEncrypted: () => false,
    });
    const outcome = await carryOut(
      plan,
      { ...input, flags: 0x1, path: PATH, signal: new AbortController().signal },
      {
        prompter: typed,
        store: new MemoryStore(),
        pluginDirs: [],
        restarter,
        handover: new SecretHandover(),
      },
    );
    expect(typed.seen[0]?.fields.map((f) => f.key)).toEqual(['username', 'password']);
    if (!('restart' in outcome) || outcome.restart === undefined) throw new Error('no restart');
    await outcome.restart.run();
    expect(restarter.calls).toEqual([[PATH, 'bob']]);
  });

  it('an empty user name leaves the profile as it is', async () => {
    const restarter = new RecordingRestarter();
    const typed = new Typing({ values: { username: '', password: 'pw' }, save: false });
    const outcome = await answer(noName, typed, { restarter, handover: new SecretHandover() });
    expect(secretsOf(outcome)).toEqual({ password: 'pw' });
    expect(restarter.calls).toEqual([]);
  });
});

describe('SecretHandover', () => {
  it('gives the asked keys once, and nothing after its time', () => {
    let now = 1_000;
    const handover = new SecretHandover(10, () => now);
    handover.give('u1', { password: 'pw', 'cert-pass': 'cp' });
    expect(handover.take('u1', ['password'])).toEqual({ password: 'pw' });
    expect(handover.take('u1', ['password'])).toEqual({});
    handover.give('u1', { password: 'pw' });
    now += 11;
    expect(handover.take('u1', ['password'])).toEqual({});
  });
});

describe('nmProfileRestarter', () => {
  it('writes only vpn.data username (to disk), keeping every other key, then activates the profile', async () => {
    const settings: SettingsDict = {
      connection: { id: new Variant('s', 'work'), uuid: new Variant('s', 'u1') },
      vpn: {
        'service-type': new Variant('s', 'org.freedesktop.NetworkManager.openvpn'),
        data: new Variant('a{ss}', { 'connection-type': 'password', remote: 'vpn.test' }),
      },
    };
    const calls: { member: string; path: string; body?: unknown[] }[] = [];
    const bus = {
      call(opts: { member: string; path: string; body?: unknown[] }): Promise<unknown[]> {
        calls.push(opts);
        return Promise.resolve(opts.member === 'GetSettings' ? [settings] : []);
      },
      on: () => undefined,
      off: () => undefined,
    };
    await nmProfileRestarter(bus).restartWithUserName(PATH, 'bob');
    expect(calls.map((c) => c.member)).toEqual(['GetSettings', 'Update2', 'ActivateConnection']);
    const [sent, flags] = calls[1]?.body as [SettingsDict, number];
    expect(sent.vpn?.data?.value).toEqual({
      'connection-type': 'password',
      remote: 'vpn.test',
      username: 'bob',
    });
    expect(sent.connection).toBe(settings.connection);
    expect(flags).toBe(0x1);
    expect(calls[2]?.body).toEqual([PATH, '/', '/']);
  });
});
