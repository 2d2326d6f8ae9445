// What carryOut answers NetworkManager, and what it leaves to save, in the cases mutation testing
// (npm run test:mutation) found untested: cancel, abort, a process that may not prompt, "save".
import { describe, expect, it } from 'vitest';
import { carryOut, type AnswerContext, type Outcome } from '../../../main/agent/answer';
import type { PromptAnswer, PromptRequest, Prompter } from '../../../main/agent/prompter';
import { planSecrets, type SecretPlan } from '../../../main/agent/secret-plan';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { MemoryStore } from '../../fakes/memory-store';
import { openvpn } from '../../builders/openvpn-connection';
import { v } from '../../builders/variant';

const profile = openvpn({
  'connection-type': 'password',
  'password-flags': '1',
  username: 'alice',
});

class ScriptedPrompter implements Prompter {
  readonly seen: PromptRequest[] = [];
  constructor(private readonly reply: (r: PromptRequest) => PromptAnswer | null) {}
  prompt(request: PromptRequest): Promise<PromptAnswer | null> {
    this.seen.push(request);
    return Promise.resolve(this.reply(request));
  }
}

interface Call {
  connection?: SettingsDict;
  hints?: string[];
  flags?: number;
  answeredBefore?: boolean;
  signal?: AbortSignal;
  plan?: SecretPlan;
}

function run(call: Call, store: MemoryStore, prompter: Prompter | null): Promise<Outcome> {
  const connection = call.connection ?? profile;
  const hints = call.hints ?? [];
  const flags = call.flags ?? 0x1;
  const plan =
    call.plan ??
    planSecrets({
      connection,
      settingName: 'vpn',
      hints,
      flags,
      answeredBefore: call.answeredBefore ?? false,
      isKeyEncrypted: () => false,
      openvpnPluginMessages: new Set(),
    });
  const ctx: AnswerContext = {
    connection,
    settingName: 'vpn',
    hints,
    flags,
    signal: call.signal ?? new AbortController().signal,
  };
  return carryOut(plan, ctx, { prompter, store, pluginDirs: [] });
}

const AGENT = 'org.freedesktop.NetworkManager.SecretAgent';
const cancelled = { error: `${AGENT}.AgentCanceled`, text: 'The request was cancelled.' };

describe('errors NetworkManager gets', () => {
  it('Cancel in the prompt is UserCanceled, not NoSecrets', async () => {
    const outcome = await run({}, new MemoryStore(), new ScriptedPrompter(() => null));
    expect(outcome).toEqual({ error: `${AGENT}.UserCanceled`, text: 'The user cancelled.' });
  });

  it('a withdrawn request (CancelGetSecrets) is AgentCanceled, before or after the prompt', async () => {
    const before = new AbortController();
    before.abort();
    const asked = new ScriptedPrompter(() => ({ values: { password: 'p' }, save: false }));
    expect(await run({ signal: before.signal }, new MemoryStore(), asked)).toEqual(cancelled);
    expect(asked.seen).toEqual([]);
    const during = new AbortController();
    const withdrawn = new ScriptedPrompter(() => {
      during.abort();
      return { values: { password: 'p' }, save: false };
    });
    expect(await run({ signal: during.signal }, new MemoryStore(), withdrawn)).toEqual(cancelled);
  });

  it('a process that may not prompt says so, for a prompt and for an OpenConnect login', async () => {
    const mayNot = { error: `${AGENT}.NoSecrets`, text: 'This Tunnelbar process may not prompt.' };
    expect(await run({}, new MemoryStore(), null)).toEqual(mayNot);
    expect(await run({ plan: { kind: 'openconnect-login' } }, new MemoryStore(), null)).toEqual(
      mayNot,
    );
  });

  it('names why there are no secrets, and an auth dialog that is not installed', async () => {
    const store = new MemoryStore();
    const none = await run({ plan: { kind: 'no-secrets', why: 'a reason' } }, store, null);
    expect(none).toEqual({ error: `${AGENT}.NoSecrets`, text: 'No secrets: a reason.' });
    const empty = await run({ flags: 0 }, store, null);
    expect(empty).toEqual({
      error: `${AGENT}.NoSecrets`,
      text: 'No secrets saved, and no prompt allowed.',
    });
    const plugin = await run(
      { plan: { kind: 'auth-dialog', serviceType: 'org.x.vpn' } },
      store,
      null,
    );
    expect(plugin).toEqual({
      error: `${AGENT}.NoSecrets`,
      text: 'The VPN plugin org.x.vpn is not installed.',
    });
  });

  it('nothing needed is still an answer, so NetworkManager asks no other agent', async () => {
    const outcome = await run({ plan: { kind: 'nothing-needed' } }, new MemoryStore(), null);
    expect('secrets' in outcome && outcome.secrets.vpn?.secrets?.value).toEqual({
      'no-secret': 'true',
    });
  });
});

describe('"Save password"', () => {
  // The user name's flags say agent-owned, but it is asked in the clear: never a secret to keep.
  const withUser = openvpn({
    'connection-type': 'password',
    'password-flags': '1',
    'username-flags': '1',
  });

  it('starts ticked only when a secret NetworkManager rejected is the saved one', async () => {
    const store = new MemoryStore();
    store.items.set('u1/vpn/username', 'alice');
    const prompter = new ScriptedPrompter(() => null);
    const hints = ['username', 'password'];
    await run({ connection: withUser, hints, answeredBefore: true }, store, prompter);
    expect(prompter.seen[0]?.reason).toBe('rejected');
    expect(prompter.seen[0]?.saveChecked).toBe(false);
    // A first request with hints: nothing was rejected, even with the password saved.
    store.items.set('u1/vpn/password', 'saved');
    await run({ connection: withUser, hints: ['password'] }, store, prompter);
    expect(prompter.seen[1]?.reason).toBe('initial');
    expect(prompter.seen[1]?.saveChecked).toBe(false);
  });

  it('answers and keeps only the secrets typed, never a field asked in the clear', async () => {
    const store = new MemoryStore();
    const prompter = new ScriptedPrompter(() => ({
      values: { username: 'bob', password: 'typed' },
      save: true,
    }));
    const outcome = await run(
      { connection: withUser, hints: ['username', 'password'] },
      store,
      prompter,
    );
    if (!('secrets' in outcome)) throw new Error('expected secrets');
    // The user name is vpn.data, not a secret: NetworkManager would store it among the secrets.
    expect(outcome.secrets.vpn?.secrets?.value).toEqual({ password: 'typed' });
    await outcome.afterReply?.();
    expect([...store.items]).toEqual([['u1/vpn/password', 'typed']]);
  });

  it('has nothing to do after replying when the secret typed is empty', async () => {
    const prompter = new ScriptedPrompter(() => ({ values: { password: '' }, save: true }));
    const outcome = await run({}, new MemoryStore(), prompter);
    expect(outcome).toEqual({ secrets: { vpn: { secrets: v('a{ss}', { password: '' }) } } });
  });
});
