import * as dbus from 'dbus-next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretAgent } from '../../main/agent/secret-agent';
import { activate, findProfile } from '../../main/nm/actions';
import { NmBus } from '../../main/nm/bus';
import { NmModel } from '../../main/nm/model';
import { AGENT_ERROR, IFACE, NM_BUS_NAME, SECRET_AGENT_PATH } from '../../main/nm/names';
import { RecordingStore } from '../fakes/recording-store';
import { ScriptedPrompter } from '../fakes/scripted-prompter';
import { startSandbox, type Sandbox } from './infra/sandbox';

// Issue 11, item 13: only NetworkManager (its current unique name) may call the secret agent. A
// second client on the same bus (root, whom the bus policy lets send to any SecretAgent) calls
// the agent directly and is refused, and neither the keyring nor the person is asked anything.

let sb: Sandbox;
let profile: { uuid: string; id: string };
let bus: NmBus;
let model: NmModel;
let agent: SecretAgent;
let intruder: dbus.MessageBus;
const prompter = new ScriptedPrompter();
const store = new RecordingStore();

beforeAll(async () => {
  sb = await startSandbox();
  profile = await sb.addOpenvpnProfile('password');
  bus = await NmBus.connect(sb.busAddress);
  model = new NmModel(bus);
  agent = new SecretAgent(bus, { identifier: 'tunnelbar.test.sender', prompter, store });
  await agent.start();
  await model.ready();
  intruder = dbus.sessionBus({ busAddress: sb.busAddress });
  await new Promise<void>((resolve) => intruder.once('connect', resolve));
});

afterAll(async () => {
  // beforeAll may have failed half-way.
  (intruder as dbus.MessageBus | undefined)?.disconnect();
  await (agent as SecretAgent | undefined)?.stop();
  (bus as NmBus | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

const v = (sig: string, value: unknown): dbus.Variant => new dbus.Variant(sig, value);

/** The profile as NetworkManager would send it, with an agent-owned password to save. */
function connectionDict(): Record<string, Record<string, dbus.Variant>> {
  return {
    connection: { id: v('s', profile.id), uuid: v('s', profile.uuid), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', { 'connection-type': 'password', 'password-flags': '1', username: 'u' }),
      secrets: v('a{ss}', { password: 'stolen?' }),
    },
  };
}

const settingsPath = '/org/freedesktop/NetworkManager/Settings/1';

const calls: [member: string, signature: string, body: () => unknown[]][] = [
  ['GetSecrets', 'a{sa{sv}}osasu', () => [connectionDict(), settingsPath, 'vpn', [], 0x1]],
  ['SaveSecrets', 'a{sa{sv}}o', () => [connectionDict(), settingsPath]],
  ['DeleteSecrets', 'a{sa{sv}}o', () => [connectionDict(), settingsPath]],
  ['CancelGetSecrets', 'os', () => [settingsPath, 'vpn']],
];

/** Calls the agent as the intruder; a call the agent takes on (and never answers) fails in 5 s. */
async function callAgent(
  member: string,
  signature: string,
  body: unknown[],
): Promise<dbus.Message> {
  let timer: NodeJS.Timeout | undefined;
  const unanswered = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${member}: the agent took the call on instead of refusing it`));
    }, 5_000);
  });
  const call = intruder.call(
    new dbus.Message({
      destination: bus.uniqueName,
      path: SECRET_AGENT_PATH,
      interface: IFACE.secretAgent,
      member,
      signature,
      body,
    }),
  ) as Promise<dbus.Message>;
  try {
    return await Promise.race([call, unanswered]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the secret agent refuses every caller but NetworkManager', () => {
  it.each(calls)('%s from a second client is refused', async (member, signature, body) => {
    await expect(callAgent(member, signature, body())).rejects.toMatchObject({
      type: AGENT_ERROR.permissionDenied,
    });
    expect(store.asked).toEqual([]);
    expect(prompter.seen).toEqual([]);
  });

  it('a forged NameOwnerChanged sent straight to the agent does not make the sender NetworkManager', async () => {
    const realOwner = bus.nmOwner;
    expect(realOwner).not.toBeNull();
    const forged = new dbus.Message({
      type: dbus.MessageType.SIGNAL,
      destination: bus.uniqueName,
      path: '/org/freedesktop/DBus',
      interface: 'org.freedesktop.DBus',
      member: 'NameOwnerChanged',
      signature: 'sss',
      body: [NM_BUS_NAME, realOwner, (intruder as unknown as { name: string }).name],
    });
    intruder.send(forged);
    // A round trip to the agent's connection: the signal, sent before, has been handled by then.
    await expect(callAgent('CancelGetSecrets', 'os', [settingsPath, 'vpn'])).rejects.toMatchObject({
      type: AGENT_ERROR.permissionDenied,
    });
    expect(bus.nmOwner).toBe(realOwner);
    await expect(
      callAgent('GetSecrets', 'a{sa{sv}}osasu', [connectionDict(), settingsPath, 'vpn', [], 1]),
    ).rejects.toMatchObject({ type: AGENT_ERROR.permissionDenied });
    expect(store.asked).toEqual([]);
    expect(prompter.seen).toEqual([]);
  });

  it('NetworkManager itself still gets its prompt (the refusals are not the agent refusing all)', async () => {
    await activate(bus, findProfile(model, profile.id));
    const prompt = await prompter.next();
    expect(prompt.request.connectionUuid).toBe(profile.uuid);
    prompt.cancel();
  });
});
