import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { activate, findProfile, waitForSettled } from '../../main/nm/actions';
import { GetSecretsFlags } from '../../main/nm/names';
import { ObserverAgent } from '../support/observer-agent';
import { ScriptedPrompter } from '../fakes/scripted-prompter';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { waitFor, waitForProfile } from './infra/wait';

// A cancelled prompt is answered UserCanceled, as NetworkManager's real agent chain sees it: after
// UserCanceled NetworkManager asks no other agent, after NoSecrets it asks the next one. A second
// agent on the bus, registered before Tunnelbar's and so asked after it, records what reaches it.

let sb: Sandbox;
let core: Core | undefined;
let observer: ObserverAgent | undefined;
const prompter = new ScriptedPrompter();

beforeAll(async () => {
  sb = await startSandbox();
  // First: NetworkManager asks the agent registered last first, so this one comes after Tunnelbar's.
  observer = await ObserverAgent.register(sb.busAddress, 'tunnelbar.test.observer');
  core = await openCore({
    busAddress: sb.busAddress,
    agent: { identifier: 'tunnelbar.test.cancel', prompter, sessionBusAddress: null },
  });
  await waitFor('the agent registered', () => core?.agent?.isRegistered === true);
});

afterAll(async () => {
  // beforeAll may have failed half-way.
  observer?.close();
  await core?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

function theCore(): Core {
  if (core === undefined) throw new Error('no core');
  return core;
}

describe('a cancelled prompt, as the next agent on the bus sees it', () => {
  it('is answered UserCanceled: NetworkManager asks no other agent and the attempt ends', async () => {
    const { uuid, id } = await sb.addOpenvpnProfile('password', { passwordFlags: 2 });
    await waitForProfile(theCore(), uuid, id);
    const profile = findProfile(theCore().model, uuid);
    await activate(theCore().bus, profile);
    const settled = waitForSettled(theCore().model, uuid, { timeoutMs: 60_000 });
    const prompt = await prompter.next();
    expect(prompt.request.connectionUuid).toBe(uuid);
    prompt.cancel();
    expect((await settled).kind).toBe('failed');
    const seen = (observer?.requests ?? []).filter((r) => r.uuid === uuid);
    // The observer is in the chain: NetworkManager's first, non-interactive round reached it
    // after Tunnelbar's agent had nothing saved to give.
    expect(seen.some((r) => (r.flags & GetSecretsFlags.allowInteraction) === 0)).toBe(true);
    // The interactive round ended at Tunnelbar's agent: UserCanceled, not passed on.
    expect(seen.filter((r) => (r.flags & GetSecretsFlags.allowInteraction) !== 0)).toEqual([]);
  });
});
