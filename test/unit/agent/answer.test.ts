import { describe, expect, it } from 'vitest';
import { carryOut, type AnswerContext, type Outcome } from '../../../main/agent/answer';
import type { PromptAnswer, PromptRequest, Prompter } from '../../../main/agent/prompter';
import { planSecrets, type PlanInput } from '../../../main/agent/secret-plan';
import type { SecretStore } from '../../../main/agent/secret-store';
import { MemoryStore } from '../../fakes/memory-store';
import { openvpn } from '../../builders/openvpn-connection';

class OnePrompter implements Prompter {
  readonly seen: PromptRequest[] = [];
  constructor(private readonly reply: (r: PromptRequest) => PromptAnswer | null) {}
  prompt(request: PromptRequest): Promise<PromptAnswer | null> {
    this.seen.push(request);
    return Promise.resolve(this.reply(request));
  }
}

const passwordProfile = openvpn({
  'connection-type': 'password',
  username: 'alice',
  'password-flags': '1',
  'http-proxy-username': 'proxy',
  'http-proxy-password-flags': '1',
});

async function answer(
  over: Partial<PlanInput>,
  store: SecretStore,
  prompter: Prompter | null,
): Promise<Outcome> {
  const input: PlanInput = {
    connection: passwordProfile,
    settingName: 'vpn',
    hints: [],
    flags: 0x5,
    answeredBefore: false,
    isKeyEncrypted: () => false,
    ...over,
  };
  const ctx: AnswerContext = {
    connection: input.connection,
    settingName: input.settingName,
    hints: input.hints,
    flags: input.flags,
    signal: new AbortController().signal,
  };
  return carryOut(planSecrets(input), ctx, { prompter, store, pluginDirs: [] });
}

function secretsOf(outcome: Outcome): unknown {
  return 'secrets' in outcome ? outcome.secrets.vpn?.secrets?.value : outcome.error;
}

describe('answering from the keyring', () => {
  it('answers a non-interactive request with what is saved, or NoSecrets', async () => {
    const store = new MemoryStore();
    const none = await answer({ flags: 0 }, store, null);
    expect(secretsOf(none)).toMatch(/NoSecrets$/);
    store.items.set('u1/vpn/password', 'saved');
    expect(secretsOf(await answer({ flags: 0 }, store, null))).toEqual({ password: 'saved' });
  });

  it('reads the keyring of a connection without a uuid under the empty uuid, not another name', async () => {
    // NetworkManager always sends a uuid; without one no saved profile may answer by accident.
    const store = new MemoryStore();
    store.items.set('/vpn/password', 'under no uuid');
    const withoutUuid = { ...passwordProfile.connection };
    delete withoutUuid.uuid;
    const noUuid = { ...passwordProfile, connection: withoutUuid };
    expect(secretsOf(await answer({ flags: 0, connection: noUuid }, store, null))).toEqual({
      password: 'under no uuid',
    });
  });

  it('prompts only for what is not saved, and answers with both', async () => {
    const store = new MemoryStore();
    store.items.set('u1/vpn/password', 'saved');
    const prompter = new OnePrompter(() => ({
      values: { 'http-proxy-password': 'typed' },
      save: false,
    }));
    const outcome = await answer({}, store, prompter);
    expect(prompter.seen.map((r) => r.fields.map((f) => f.key))).toEqual([['http-proxy-password']]);
    expect(secretsOf(outcome)).toEqual({ password: 'saved', 'http-proxy-password': 'typed' });
  });

  it('does not prompt when everything needed is saved', async () => {
    const store = new MemoryStore();
    store.items.set('u1/vpn/password', 'a');
    store.items.set('u1/vpn/http-proxy-password', 'b');
    const prompter = new OnePrompter(() => null);
    expect(secretsOf(await answer({}, store, prompter))).toEqual({
      password: 'a',
      'http-proxy-password': 'b',
    });
    expect(prompter.seen).toEqual([]);
  });

  it('never reads the keyring for a request with hints, and saves the answer when ticked', async () => {
    const store = new MemoryStore();
    store.items.set('u1/vpn/password', 'rejected');
    const prompter = new OnePrompter(() => ({ values: { password: 'corrected' }, save: true }));
    const hints = ['password', 'x-vpn-message:A password is required.'];
    const outcome = await answer({ hints, answeredBefore: true }, store, prompter);
    expect(prompter.seen[0]?.reason).toBe('rejected');
    // The saved one was rejected: saving the new one starts ticked, to replace it.
    expect(prompter.seen[0]?.saveChecked).toBe(true);
    expect(secretsOf(outcome)).toEqual({ password: 'corrected' });
    expect(store.lookups.flat()).toEqual([]);
    // Saved only once the reply is on its way.
    expect(store.items.get('u1/vpn/password')).toBe('rejected');
    await ('secrets' in outcome ? outcome.afterReply?.() : undefined);
    expect(store.items.get('u1/vpn/password')).toBe('corrected');
  });

  it('with mixed flags, asks both unsaved secrets but saves only the agent-owned one', async () => {
    const store = new MemoryStore();
    const connection = openvpn({
      'connection-type': 'password-tls',
      username: 'alice',
      key: '/k.pem',
      'password-flags': '1',
      'cert-pass-flags': '2',
    });
    const prompter = new OnePrompter(() => ({
      values: { password: 'pw', 'cert-pass': 'typed-every-time' },
      save: true,
    }));
    const outcome = await answer({ connection, isKeyEncrypted: () => true }, store, prompter);
    expect(prompter.seen[0]?.fields.map((f) => f.key)).toEqual(['password', 'cert-pass']);
    expect(prompter.seen[0]?.canSave).toBe(true);
    expect(secretsOf(outcome)).toEqual({ password: 'pw', 'cert-pass': 'typed-every-time' });
    await ('secrets' in outcome ? outcome.afterReply?.() : undefined);
    expect([...store.items.entries()]).toEqual([['u1/vpn/password', 'pw']]);
  });

  it('offers no saving when only an "ask every time" secret is left to ask', async () => {
    const store = new MemoryStore();
    store.items.set('u1/vpn/password', 'saved');
    const connection = openvpn({
      'connection-type': 'password-tls',
      username: 'alice',
      key: '/k.pem',
      'password-flags': '1',
      'cert-pass-flags': '2',
    });
    const prompter = new OnePrompter(() => ({ values: { 'cert-pass': 'typed' }, save: true }));
    const outcome = await answer({ connection, isKeyEncrypted: () => true }, store, prompter);
    expect(prompter.seen[0]?.fields.map((f) => f.key)).toEqual(['cert-pass']);
    expect(prompter.seen[0]?.canSave).toBe(false);
    expect(secretsOf(outcome)).toEqual({ password: 'saved', 'cert-pass': 'typed' });
    expect('secrets' in outcome && outcome.afterReply).toBeUndefined();
  });

  it('answers NetworkManager with secrets only, never the proxy user name it asked for', async () => {
    // NM-openvpn keeps `http-proxy-username` in vpn.data: answered as a secret, NetworkManager
    // stores it among the secrets and the plugin refuses the profile on its next start.
    const prompter = new OnePrompter(() => ({
      values: { 'http-proxy-username': 'proxy-user', 'http-proxy-password': 'proxy-pass' },
      save: false,
    }));
    const hints = ['http-proxy-username', 'http-proxy-password'];
    const outcome = await answer({ hints }, new MemoryStore(), prompter);
    expect(prompter.seen[0]?.fields.map((f) => [f.key, f.secret])).toEqual([
      ['http-proxy-username', false],
      ['http-proxy-password', true],
    ]);
    expect(secretsOf(outcome)).toEqual({ 'http-proxy-password': 'proxy-pass' });
  });

  it('starts "Save password" unticked when the rejected password was not a saved one', async () => {
    const prompter = new OnePrompter(() => ({ values: { password: 'again' }, save: false }));
    const hints = ['password', 'x-vpn-message:A password is required.'];
    await answer({ hints, answeredBefore: true }, new MemoryStore(), prompter);
    expect(prompter.seen[0]?.reason).toBe('rejected');
    expect(prompter.seen[0]?.canSave).toBe(true);
    expect(prompter.seen[0]?.saveChecked).toBe(false);
  });

  it('never saves a challenge’s code, even when "save" comes back ticked', async () => {
    const store = new MemoryStore();
    const code = 'x-dynamic-challenge:challenge-response';
    const prompter = new OnePrompter(() => ({ values: { [code]: '424242' }, save: true }));
    // NM-openvpn's CRV1 request: the server's question and the challenge hint.
    const hints = ['x-vpn-message:Enter the code', code];
    const outcome = await answer({ hints }, store, prompter);
    expect(prompter.seen[0]?.canSave).toBe(false);
    expect('secrets' in outcome && outcome.afterReply).toBeUndefined();
  });

  it('offers no saving when the keyring does not answer', async () => {
    const prompter = new OnePrompter(() => ({ values: { password: 'p' }, save: true }));
    const outcome = await answer(
      {
        connection: openvpn({
          'connection-type': 'password',
          'password-flags': '1',
          username: 'alice',
        }),
      },
      new MemoryStore(false),
      prompter,
    );
    expect(prompter.seen[0]?.canSave).toBe(false);
    expect('secrets' in outcome && outcome.afterReply).toBeUndefined();
  });
});
