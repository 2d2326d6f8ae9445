import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { carryOut, type AnswerContext } from '../../../main/agent/answer';
import type { PromptAnswer, Prompter } from '../../../main/agent/prompter';
import type { SecretPlan } from '../../../main/agent/secret-plan';
import { NO_SECRET_STORE } from '../../../main/agent/secret-store';
import { GuiPrompter } from '../../../main/contract/gui-prompter';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import { contract } from '../../../preload/contract';
import { profileEditSchema, type ProfileEdit } from '../../../preload/editor';
import { promptRequest } from '../../builders/prompt-request';
import { blankEdit, OPENVPN_SERVICE } from '../../../renderer/editor/blank';

// Item 10 of issue 11: only the fields a prompt asked for reach NetworkManager, and every record
// in the contract has a bound on its entries.

const request = promptRequest();

describe('GuiPrompter.answer', () => {
  it('refuses an answer with a field the prompt did not ask for, and keeps the prompt open', async () => {
    const prompter = new GuiPrompter();
    const answered = prompter.prompt(request, new AbortController().signal);
    const extra = { values: { password: 'pw', 'cert-pass': 'x' }, save: false };
    expect(() => prompter.answer(request.id, extra)).toThrow(TunnelbarError);
    expect(() => prompter.answer(request.id, extra)).toThrow(
      expect.objectContaining({ word: 'prompt-unasked-field' }),
    );
    // The refusal names no value that was sent.
    try {
      prompter.answer(request.id, extra);
    } catch (err) {
      expect(String(err)).not.toContain('pw');
    }
    expect(prompter.open().map((r) => r.id)).toEqual([request.id]);
    expect(prompter.answer(request.id, { values: { password: 'pw' }, save: false })).toBe(true);
    await expect(answered).resolves.toEqual({ values: { password: 'pw' }, save: false });
  });

  it('refuses keys that only look like fields (inherited names)', () => {
    const prompter = new GuiPrompter();
    void prompter.prompt(request, new AbortController().signal);
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const values = JSON.parse(`{"password":"pw","${key}":"x"}`) as Record<string, string>;
      expect(() => prompter.answer(request.id, { values, save: false })).toThrow(TunnelbarError);
    }
  });
});

describe('the agent, whatever the prompter answers', () => {
  it('sends NetworkManager only the fields it asked for', async () => {
    const sloppy: Prompter = {
      prompt: (): Promise<PromptAnswer> =>
        Promise.resolve({ values: { password: 'pw', remote: 'evil.example' }, save: false }),
    };
    const plan: SecretPlan = { kind: 'ask', request, lookFirst: [] };
    const ctx: AnswerContext = {
      connection: {
        connection: {
          id: new Variant('s', 'Office'),
          uuid: new Variant('s', request.connectionUuid),
        },
      },
      settingName: 'vpn',
      hints: [],
      flags: 1,
      signal: new AbortController().signal,
    };
    const outcome = await carryOut(plan, ctx, {
      prompter: sloppy,
      store: NO_SECRET_STORE,
      pluginDirs: [],
    });
    expect('secrets' in outcome).toBe(true);
    if (!('secrets' in outcome)) return;
    const secrets = outcome.secrets.vpn?.secrets?.value as Record<string, string>;
    expect(secrets).toEqual({ password: 'pw' });
  });
});

function entries(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
}

/** A new OpenVPN profile as the editor starts it, with these vpn.data keys and new secrets. */
function pluginEdit(data: Record<string, string>, newSecrets: Record<string, string>): ProfileEdit {
  return {
    ...blankEdit({ kind: 'openvpn' }),
    name: 'x',
    vpn: { kind: 'plugin', serviceType: OPENVPN_SERVICE, data, newSecrets },
  };
}

describe('records in the contract are bounded', () => {
  const answer = (n: number) => [{ requestId: 'r1', values: entries(n), save: false }];

  it('prompt:answer takes at most 32 values', () => {
    expect(contract.calls['prompt:answer'].args.safeParse(answer(32)).success).toBe(true);
    expect(contract.calls['prompt:answer'].args.safeParse(answer(33)).success).toBe(false);
    expect(contract.calls['prompt:answer'].args.safeParse(answer(100_000)).success).toBe(false);
  });

  it('a plugin profile takes at most 1024 vpn.data keys and 256 new secrets', () => {
    expect(profileEditSchema.safeParse(pluginEdit(entries(1024), entries(256))).success).toBe(true);
    expect(profileEditSchema.safeParse(pluginEdit(entries(1025), {})).success).toBe(false);
    expect(profileEditSchema.safeParse(pluginEdit({}, entries(257))).success).toBe(false);
  });
});
