// The secret agent's D-Bus object against a stand-in for its bus connection: whom it answers, what it
// answers (the reply or the error name NetworkManager gets), when it registers, and what a
// cancelled, replaced or stopped request gets. Found untested by mutation testing (issue #18); the
// sandbox suites run it against a real NetworkManager, these pin each branch.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DBusError, Message, MessageType } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { SecretAgent, type SecretAgentOptions } from '../../../main/agent/secret-agent';
import type { PromptAnswer, PromptRequest, Prompter } from '../../../main/agent/prompter';
import type { BusEvents, CallOptions, NmBus } from '../../../main/nm/bus';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import {
  AGENT_ERROR,
  GetSecretsFlags,
  IFACE,
  NM_AGENT_MANAGER_PATH,
  SECRET_AGENT_PATH,
} from '../../../main/nm/names';
import { MemoryStore } from '../../fakes/memory-store';
import { openvpn } from '../../builders/openvpn-connection';
import { v } from '../../builders/variant';

const NM = ':1.7';
const CONNECTION_PATH = '/org/freedesktop/NetworkManager/Settings/3';
const profile = openvpn({
  'connection-type': 'password',
  'password-flags': '1',
  username: 'alice',
});

type Answer =
  | { kind: 'reply'; signature: string; body: unknown[] }
  | { kind: 'error'; name: string; text: string };

/** The agent's side of the bus: its calls to NetworkManager, and the answers it sends back. */
class FakeAgentBus extends EventEmitter<BusEvents> {
  nmOwner: string | null = NM;
  isClosed = false;
  readonly calls: CallOptions[] = [];
  /** Answers a call of the given member with an error instead of success. */
  readonly failing = new Map<string, Error>();
  private handlers: ((msg: Message) => boolean)[] = [];
  private readonly answers = new Map<Message, Answer>();
  private readonly waiting = new Map<Message, (a: Answer) => void>();

  call(opts: CallOptions): Promise<unknown[]> {
    this.calls.push(opts);
    const error = this.failing.get(opts.member);
    return error === undefined ? Promise.resolve([]) : Promise.reject(error);
  }
  addMethodHandler(h: (msg: Message) => boolean): void {
    this.handlers.push(h);
  }
  removeMethodHandler(h: (msg: Message) => boolean): void {
    this.handlers = this.handlers.filter((x) => x !== h);
  }
  reply(call: Message, signature = '', body: unknown[] = []): void {
    this.answer(call, { kind: 'reply', signature, body });
  }
  replyError(call: Message, name: string, text: string): void {
    this.answer(call, { kind: 'error', name, text });
  }
  private answer(call: Message, a: Answer): void {
    expect(this.answers.has(call)).toBe(false); // one answer per call
    this.answers.set(call, a);
    this.waiting.get(call)?.(a);
  }

  /** Delivers a method call as dbus-next would; true when a handler took it. */
  deliver(msg: Message): boolean {
    return this.handlers.some((h) => h(msg));
  }
  answerTo(msg: Message): Promise<Answer> {
    const known = this.answers.get(msg);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => this.waiting.set(msg, resolve));
  }
  answered(msg: Message): boolean {
    return this.answers.has(msg);
  }
  members(): string[] {
    return this.calls.map((c) => c.member);
  }
}

function methodCall(member: string, body: unknown[], signature: string, over = {}): Message {
  const msg = new Message({
    type: MessageType.METHOD_CALL,
    path: SECRET_AGENT_PATH,
    interface: IFACE.secretAgent,
    member,
    signature,
    body,
    ...over,
  });
  msg.sender = NM;
  return msg;
}

const getSecrets = (
  hints: string[] = [],
  flags: number = GetSecretsFlags.allowInteraction,
  connection: SettingsDict = profile,
): Message =>
  methodCall('GetSecrets', [connection, CONNECTION_PATH, 'vpn', hints, flags], 'a{sa{sv}}osasu');
const cancelGetSecrets = (): Message =>
  methodCall('CancelGetSecrets', [CONNECTION_PATH, 'vpn'], 'os');

/** Answers with `password`, or waits until the request is withdrawn (null then). */
class Person implements Prompter {
  readonly seen: PromptRequest[] = [];
  constructor(private readonly reply: (r: PromptRequest) => PromptAnswer | null | 'wait') {}
  prompt(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer | null> {
    this.seen.push(request);
    const r = this.reply(request);
    if (r !== 'wait') return Promise.resolve(r);
    return new Promise((resolve) => {
      signal.addEventListener('abort', () => {
        resolve(null);
      });
    });
  }
}
const types = (password: string, save = false): Person =>
  new Person(() => ({ values: { password }, save }));

interface World {
  bus: FakeAgentBus;
  agent: SecretAgent;
  warnings: string[];
  store: MemoryStore;
}

async function started(opts: Partial<SecretAgentOptions> = {}, bus = new FakeAgentBus()) {
  const warnings: string[] = [];
  const store = new MemoryStore();
  const agent = new SecretAgent(bus as unknown as NmBus, {
    identifier: 'org.tunnelbar.test',
    prompter: types('typed'),
    store,
    pluginDirs: [],
    onWarning: (t) => warnings.push(t),
    ...opts,
  });
  await agent.start();
  return { bus, agent, warnings, store } satisfies World;
}

const secretsIn = (a: Answer): unknown => {
  if (a.kind !== 'reply') return a;
  const [dict] = a.body as [SettingsDict];
  return dict.vpn?.secrets?.value as unknown;
};
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('registering with NetworkManager', () => {
  it('registers at start with VPN hints, under its identifier', async () => {
    const { bus, agent } = await started();
    expect(bus.calls).toEqual([
      {
        path: NM_AGENT_MANAGER_PATH,
        iface: IFACE.agentManager,
        member: 'RegisterWithCapabilities',
        signature: 'su',
        body: ['org.tunnelbar.test', 1],
      },
    ]);
    expect(agent.isRegistered).toBe(true);
  });

  it('waits for NetworkManager when it is not on the bus, and registers when it comes', async () => {
    const bus = new FakeAgentBus();
    bus.nmOwner = null;
    const { agent } = await started({}, bus);
    expect(bus.calls).toEqual([]);
    expect(agent.isRegistered).toBe(false);
    bus.nmOwner = ':1.9';
    bus.emit('nmOwner', ':1.9');
    await flush();
    expect(bus.members()).toEqual(['RegisterWithCapabilities']);
    expect(agent.isRegistered).toBe(true);
  });

  it('is no longer registered when NetworkManager leaves, or the bus is lost', async () => {
    const { bus, agent } = await started();
    bus.emit('nmOwner', null);
    expect(agent.isRegistered).toBe(false);
    expect(bus.members()).toEqual(['RegisterWithCapabilities']);
    bus.emit('reconnected', NM);
    await flush();
    expect(agent.isRegistered).toBe(true);
    bus.emit('lost');
    expect(agent.isRegistered).toBe(false);
    expect(bus.members()).toEqual(['RegisterWithCapabilities', 'RegisterWithCapabilities']);
  });

  it('registers again when the AgentManager appears after an UnknownObject, not for other objects', async () => {
    const bus = new FakeAgentBus();
    bus.failing.set(
      'RegisterWithCapabilities',
      new DBusError('org.freedesktop.DBus.Error.UnknownObject', 'not yet'),
    );
    const { agent, warnings } = await started({}, bus);
    expect(agent.isRegistered).toBe(false);
    expect(warnings).toEqual([]); // expected while NetworkManager starts: no warning
    bus.failing.clear();
    const added = (path: string, member = 'InterfacesAdded'): Message => {
      const m = new Message({
        type: MessageType.SIGNAL,
        path: '/org/freedesktop',
        interface: IFACE.objectManager,
        member,
        signature: 'oa{sa{sv}}',
        body: [path, {}],
      });
      m.sender = NM;
      return m;
    };
    bus.emit('signal', added('/org/freedesktop/NetworkManager/Devices/1'));
    bus.emit('signal', added(NM_AGENT_MANAGER_PATH, 'InterfacesRemoved'));
    await flush();
    expect(bus.members()).toEqual(['RegisterWithCapabilities']);
    bus.emit('signal', added(NM_AGENT_MANAGER_PATH));
    await flush();
    expect(bus.members()).toEqual(['RegisterWithCapabilities', 'RegisterWithCapabilities']);
    expect(agent.isRegistered).toBe(true);
    // Registered: a later InterfacesAdded changes nothing.
    bus.emit('signal', added(NM_AGENT_MANAGER_PATH));
    await flush();
    expect(bus.members()).toHaveLength(2);
  });

  it('warns when registering fails for another reason', async () => {
    const bus = new FakeAgentBus();
    bus.failing.set(
      'RegisterWithCapabilities',
      new DBusError('org.freedesktop.NetworkManager.AgentManager.PermissionDenied', 'no'),
    );
    const { agent, warnings } = await started({}, bus);
    expect(agent.isRegistered).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Could not register as NetworkManager's secret agent: /);
  });
});

describe('without a warning callback', () => {
  it('starts, answers and stops when registering, a prompt and saving fail', async () => {
    const bus = new FakeAgentBus();
    bus.failing.set('RegisterWithCapabilities', new Error('refused'));
    const failing: Prompter = { prompt: () => Promise.reject(new Error('window gone')) };
    const agent = new SecretAgent(bus as unknown as NmBus, {
      identifier: 'org.tunnelbar.test',
      prompter: failing,
      pluginDirs: [],
    });
    await expect(agent.start()).resolves.toBeUndefined();
    const call = getSecrets();
    bus.deliver(call);
    expect((await bus.answerTo(call)) as unknown).toMatchObject({ name: AGENT_ERROR.failed });
    await agent.stop();
  });
});

describe('without a warning callback, the rest', () => {
  const bare = (bus: FakeAgentBus, opts: Partial<SecretAgentOptions> = {}): SecretAgent =>
    new SecretAgent(bus as unknown as NmBus, {
      identifier: 'org.tunnelbar.test',
      prompter: types('kept', true),
      pluginDirs: [],
      ...opts,
    });

  it('answers an outcome with a notice with its own error, not Failed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tb-agent-plugin-'));
    writeFileSync(
      join(folder, 'fake.name'),
      `[VPN Connection]\nname=fakevpn\nservice=org.example.fakevpn\n\n[GNOME]\nauth-dialog=${join(folder, 'absent')}\n`,
    );
    const connection: SettingsDict = {
      connection: { id: v('s', 'corp'), uuid: v('s', 'u9'), type: v('s', 'vpn') },
      vpn: {
        'service-type': v('s', 'org.example.fakevpn'),
        data: v('a{ss}', { 'password-flags': '1' }),
      },
    };
    try {
      const bus = new FakeAgentBus();
      await bare(bus, { pluginDirs: [folder] }).start();
      const call = getSecrets([], GetSecretsFlags.allowInteraction, connection);
      bus.deliver(call);
      expect((await bus.answerTo(call)) as unknown).toMatchObject({
        name: AGENT_ERROR.noSecrets,
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a failed save after the reply is swallowed, not left as an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const store = new MemoryStore();
      store.save = () => Promise.reject(new Error('keyring locked'));
      const bus = new FakeAgentBus();
      await bare(bus, { store }).start();
      const call = getSecrets();
      bus.deliver(call);
      expect(secretsIn(await bus.answerTo(call))).toEqual({ password: 'kept' });
      await flush();
      await flush();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('who may call it', () => {
  it('refuses a caller that is not NetworkManager, with PermissionDenied', async () => {
    const { bus } = await started();
    const call = getSecrets();
    call.sender = ':1.66';
    expect(bus.deliver(call)).toBe(true);
    expect(await bus.answerTo(call)).toEqual({
      kind: 'error',
      name: AGENT_ERROR.permissionDenied,
      text: 'Only NetworkManager may call this agent.',
    });
  });

  it('refuses every caller while NetworkManager is not on the bus', async () => {
    const bus = new FakeAgentBus();
    bus.nmOwner = null;
    await started({}, bus);
    const call = cancelGetSecrets();
    expect(bus.deliver(call)).toBe(true);
    expect((await bus.answerTo(call)).kind).toBe('error');
  });

  it('leaves calls on other paths, interfaces or methods to other handlers', async () => {
    const { bus } = await started();
    const elsewhere = [
      methodCall('GetSecrets', [], '', { path: '/org/tunnelbar/Core' }),
      methodCall('GetSecrets', [], '', { interface: 'org.tunnelbar.Core' }),
      methodCall('Introspect', [], ''),
    ];
    for (const call of elsewhere) {
      expect(bus.deliver(call)).toBe(false);
      expect(bus.answered(call)).toBe(false);
    }
  });
});

describe('GetSecrets', () => {
  it('answers with the typed secrets as a{sa{sv}}', async () => {
    const { bus, warnings, store } = await started();
    const call = getSecrets();
    expect(bus.deliver(call)).toBe(true);
    const answer = await bus.answerTo(call);
    expect(answer).toMatchObject({ kind: 'reply', signature: 'a{sa{sv}}' });
    expect(secretsIn(answer)).toEqual({ password: 'typed' });
    await flush();
    // Not to be saved: nothing is done after the reply.
    expect(warnings).toEqual([]);
    expect(store.items.size).toBe(0);
  });

  it('Cancel in the prompt is UserCanceled', async () => {
    const { bus, warnings } = await started({ prompter: new Person(() => null) });
    const call = getSecrets();
    bus.deliver(call);
    expect(await bus.answerTo(call)).toEqual({
      kind: 'error',
      name: AGENT_ERROR.userCanceled,
      text: 'The user cancelled.',
    });
    expect(warnings).toEqual([]); // no notice to pass on
  });

  it('a prompt that fails is Failed, with a warning', async () => {
    const failing: Prompter = { prompt: () => Promise.reject(new Error('window gone')) };
    const { bus, warnings } = await started({ prompter: failing });
    const call = getSecrets();
    bus.deliver(call);
    expect(await bus.answerTo(call)).toEqual({
      kind: 'error',
      name: AGENT_ERROR.failed,
      text: 'Tunnelbar could not ask for the secrets.',
    });
    expect(warnings).toEqual([
      "Answering NetworkManager's secret request failed: Error: window gone",
    ]);
  });

  it('passes on the notice of an outcome without secrets as a warning', async () => {
    // A plugin whose login window is not installed: NoSecrets for NetworkManager, and the person
    // is told what to install.
    const folder = mkdtempSync(join(tmpdir(), 'tb-agent-plugin-'));
    writeFileSync(
      join(folder, 'fake.name'),
      `[VPN Connection]\nname=fakevpn\nservice=org.example.fakevpn\n\n[GNOME]\nauth-dialog=${join(folder, 'absent')}\n`,
    );
    const connection: SettingsDict = {
      connection: { id: v('s', 'corp'), uuid: v('s', 'u9'), type: v('s', 'vpn') },
      vpn: {
        'service-type': v('s', 'org.example.fakevpn'),
        data: v('a{ss}', { 'password-flags': '1' }),
      },
    };
    try {
      const { bus, warnings } = await started({ pluginDirs: [folder] });
      const call = getSecrets([], GetSecretsFlags.allowInteraction, connection);
      bus.deliver(call);
      const answer = await bus.answerTo(call);
      expect(answer).toMatchObject({ kind: 'error', name: AGENT_ERROR.noSecrets });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^The login window of the fakevpn VPN plugin is not installed/);
      expect(answer).toMatchObject({ text: warnings[0] });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('runs the openconnect program it was given for an OpenConnect login', async () => {
    const connection: SettingsDict = {
      connection: { id: v('s', 'corp'), uuid: v('s', 'u5'), type: v('s', 'vpn') },
      vpn: {
        'service-type': v('s', 'org.freedesktop.NetworkManager.openconnect'),
        data: v('a{ss}', { gateway: 'vpn.test:4443', protocol: 'anyconnect' }),
      },
    };
    const { bus, warnings } = await started({ openconnect: '/nonexistent/openconnect' });
    const call = getSecrets([], GetSecretsFlags.allowInteraction, connection);
    bus.deliver(call);
    expect(await bus.answerTo(call)).toMatchObject({ kind: 'error', name: AGENT_ERROR.noSecrets });
    expect(warnings).toEqual([
      'The openconnect program is not installed (Debian/Ubuntu and Fedora package "openconnect").',
    ]);
  });

  it('CancelGetSecrets withdraws the open prompt: AgentCanceled, and the cancel is answered', async () => {
    const person = new Person(() => 'wait');
    const { bus } = await started({ prompter: person });
    const call = getSecrets();
    bus.deliver(call);
    await flush();
    expect(person.seen).toHaveLength(1);
    const cancel = cancelGetSecrets();
    expect(bus.deliver(cancel)).toBe(true);
    expect(await bus.answerTo(cancel)).toEqual({ kind: 'reply', signature: '', body: [] });
    expect(await bus.answerTo(call)).toEqual({
      kind: 'error',
      name: AGENT_ERROR.agentCanceled,
      text: 'The request was cancelled.',
    });
  });

  it('a newer request for the same secrets replaces the open one, and stays cancellable', async () => {
    const person = new Person(() => 'wait');
    const { bus } = await started({ prompter: person });
    const first = getSecrets();
    bus.deliver(first);
    await flush();
    const second = getSecrets();
    bus.deliver(second);
    expect((await bus.answerTo(first)) as unknown).toMatchObject({
      name: AGENT_ERROR.agentCanceled,
    });
    await flush();
    expect(person.seen).toHaveLength(2);
    expect(bus.answered(second)).toBe(false);
    // The first one's end must not forget the second: a cancel still reaches it.
    bus.deliver(cancelGetSecrets());
    expect((await bus.answerTo(second)) as unknown).toMatchObject({
      name: AGENT_ERROR.agentCanceled,
    });
  });

  it('a cancel while the keyring is read is AgentCanceled, not the saved secrets', async () => {
    const store = new MemoryStore();
    store.items.set('u1/vpn/password', 'saved');
    let release = (): void => undefined;
    const read = store.lookup.bind(store);
    store.lookup = (...args) =>
      new Promise((resolve) => {
        release = () => {
          resolve(read(...args));
        };
      });
    const { bus } = await started({ store });
    const call = getSecrets([], 0); // no prompt allowed: the keyring's answer or nothing
    bus.deliver(call);
    await flush();
    bus.deliver(cancelGetSecrets());
    release();
    expect((await bus.answerTo(call)) as unknown).toMatchObject({
      name: AGENT_ERROR.agentCanceled,
    });
  });

  it('a prompt for another setting or connection is not cancelled by this one', async () => {
    const person = new Person(() => 'wait');
    const { bus } = await started({ prompter: person });
    const call = getSecrets();
    bus.deliver(call);
    await flush();
    bus.deliver(
      methodCall('CancelGetSecrets', ['/org/freedesktop/NetworkManager/Settings/4', 'vpn'], 'os'),
    );
    bus.deliver(methodCall('CancelGetSecrets', [CONNECTION_PATH, 'wireguard'], 'os'));
    await flush();
    expect(bus.answered(call)).toBe(false);
    bus.deliver(cancelGetSecrets());
    expect((await bus.answerTo(call)).kind).toBe('error');
  });

  it('answers from the keyring first; asked again in the same attempt, it prompts; a new attempt reads the keyring again', async () => {
    const person = types('new one');
    const { bus, store } = await started({ prompter: person });
    store.items.set('u1/vpn/password', 'saved');
    const first = getSecrets();
    bus.deliver(first);
    expect(secretsIn(await bus.answerTo(first))).toEqual({ password: 'saved' });
    expect(person.seen).toEqual([]);
    // NetworkManager asks again, with the key it needs as a hint: the saved one was rejected.
    const again = getSecrets(['password'], GetSecretsFlags.allowInteraction);
    bus.deliver(again);
    expect(secretsIn(await bus.answerTo(again))).toEqual({ password: 'new one' });
    expect(person.seen.map((r) => r.reason)).toEqual(['rejected']);
    // A request without hints and without REQUEST_NEW starts a new attempt.
    const next = getSecrets();
    bus.deliver(next);
    expect(secretsIn(await bus.answerTo(next))).toEqual({ password: 'saved' });
    expect(person.seen).toHaveLength(1);
  });

  it('REQUEST_NEW without hints does not start a new attempt', async () => {
    const person = types('new one');
    const { bus, store } = await started({ prompter: person });
    store.items.set('u1/vpn/password', 'saved');
    const first = getSecrets();
    bus.deliver(first);
    expect(secretsIn(await bus.answerTo(first))).toEqual({ password: 'saved' });
    const renew = getSecrets([], GetSecretsFlags.allowInteraction | GetSecretsFlags.requestNew);
    bus.deliver(renew);
    expect(secretsIn(await bus.answerTo(renew))).toEqual({ password: 'new one' });
    expect(person.seen.map((r) => r.reason)).toEqual(['rejected']);
  });

  it('keeps a typed secret the person chose to save, after the reply', async () => {
    const { bus, store } = await started({ prompter: types('kept', true) });
    const call = getSecrets();
    bus.deliver(call);
    expect(secretsIn(await bus.answerTo(call))).toEqual({ password: 'kept' });
    await flush();
    expect(store.items.get('u1/vpn/password')).toBe('kept');
  });

  it('warns when keeping the typed secret fails, the reply already sent', async () => {
    const store = new MemoryStore();
    store.save = () => Promise.reject(new Error('keyring locked'));
    const { bus, warnings } = await started({ prompter: types('kept', true), store });
    const call = getSecrets();
    bus.deliver(call);
    expect(secretsIn(await bus.answerTo(call))).toEqual({ password: 'kept' });
    await flush();
    expect(warnings).toEqual(['keyring locked']);
  });
});

describe('SaveSecrets and DeleteSecrets', () => {
  const withSecret = (): SettingsDict => {
    const c = openvpn({ 'connection-type': 'password', 'password-flags': '1' });
    return { ...c, vpn: { ...c.vpn, secrets: v('a{ss}', { password: 'from nmcli' }) } };
  };

  it('SaveSecrets keeps the agent-owned secrets in the store and answers', async () => {
    const { bus, store } = await started();
    const call = methodCall('SaveSecrets', [withSecret(), CONNECTION_PATH], 'a{sa{sv}}o');
    expect(bus.deliver(call)).toBe(true);
    expect(await bus.answerTo(call)).toEqual({ kind: 'reply', signature: '', body: [] });
    expect(store.items.get('u1/vpn/password')).toBe('from nmcli');
  });

  it('SaveSecrets without a keyring is Failed, so NetworkManager offers them elsewhere', async () => {
    const { bus, warnings } = await started({ store: new MemoryStore(false) });
    const call = methodCall('SaveSecrets', [withSecret(), CONNECTION_PATH], 'a{sa{sv}}o');
    bus.deliver(call);
    expect(await bus.answerTo(call)).toEqual({
      kind: 'error',
      name: AGENT_ERROR.failed,
      text: 'Saving the secrets failed.',
    });
    expect(warnings).toEqual(['Tunnelbar has no keyring to save secrets in.']);
  });

  it('SaveSecrets with no store given is Failed too', async () => {
    const bus = new FakeAgentBus();
    const agent = new SecretAgent(bus as unknown as NmBus, {
      identifier: 'org.tunnelbar.test',
      prompter: null,
    });
    await agent.start();
    const call = methodCall('SaveSecrets', [withSecret(), CONNECTION_PATH], 'a{sa{sv}}o');
    bus.deliver(call);
    expect((await bus.answerTo(call)) as unknown).toMatchObject({ name: AGENT_ERROR.failed });
  });

  it('DeleteSecrets removes what the store holds for the profile', async () => {
    const store = new MemoryStore();
    const deleted: string[] = [];
    store.deleteAll = (uuid: string) => {
      deleted.push(uuid);
      return Promise.resolve();
    };
    const { bus } = await started({ store });
    const call = methodCall('DeleteSecrets', [withSecret(), CONNECTION_PATH], 'a{sa{sv}}o');
    expect(bus.deliver(call)).toBe(true);
    expect(await bus.answerTo(call)).toEqual({ kind: 'reply', signature: '', body: [] });
    expect(deleted).toEqual(['u1']);
  });

  it('DeleteSecrets that fails is Failed, with its own sentence', async () => {
    const store = new MemoryStore();
    store.deleteAll = () => Promise.reject(new Error('keyring gone'));
    const { bus, warnings } = await started({ store });
    const call = methodCall('DeleteSecrets', [withSecret(), CONNECTION_PATH], 'a{sa{sv}}o');
    bus.deliver(call);
    expect(await bus.answerTo(call)).toEqual({
      kind: 'error',
      name: AGENT_ERROR.failed,
      text: 'Removing the saved secrets failed.',
    });
    expect(warnings).toEqual(['keyring gone']);
  });
});

describe('stopping', () => {
  it('withdraws open prompts, answers them, unregisters once and stops handling calls', async () => {
    const { bus, agent } = await started({ prompter: new Person(() => 'wait') });
    const call = getSecrets();
    bus.deliver(call);
    await flush();
    await agent.stop();
    expect(bus.answered(call)).toBe(true);
    expect((await bus.answerTo(call)) as unknown).toMatchObject({
      name: AGENT_ERROR.agentCanceled,
    });
    expect(bus.calls.at(-1)).toEqual({
      path: NM_AGENT_MANAGER_PATH,
      iface: IFACE.agentManager,
      member: 'Unregister',
      timeoutMs: 2_000,
    });
    expect(agent.isRegistered).toBe(false);
    await agent.stop();
    expect(bus.members()).toEqual(['RegisterWithCapabilities', 'Unregister']);
    expect(bus.deliver(getSecrets())).toBe(false);
    // Events after stop register nothing.
    bus.emit('nmOwner', ':1.9');
    bus.emit('reconnected', ':1.9');
    await flush();
    expect(bus.members()).toEqual(['RegisterWithCapabilities', 'Unregister']);
  });

  it('waits for the reply of a prompt that takes a while to close, and leaves no listener on the bus', async () => {
    const slow = new Person(() => 'wait');
    // The window closes a moment after it is told to.
    slow.prompt = (request, signal) =>
      new Promise((resolve) => {
        slow.seen.push(request);
        signal.addEventListener('abort', () => {
          setTimeout(() => {
            resolve(null);
          }, 20);
        });
      });
    const { bus, agent } = await started({ prompter: slow });
    const call = getSecrets();
    bus.deliver(call);
    await flush();
    expect(slow.seen).toHaveLength(1);
    await agent.stop();
    expect(bus.answered(call)).toBe(true);
    for (const event of ['nmOwner', 'signal', 'lost', 'reconnected'] as const)
      expect(bus.listenerCount(event)).toBe(0);
  });

  it('unregisters once when stopped twice at the same time', async () => {
    const { bus, agent } = await started();
    await Promise.all([agent.stop(), agent.stop()]);
    expect(bus.members()).toEqual(['RegisterWithCapabilities', 'Unregister']);
  });

  it('does not unregister when never registered, NetworkManager is gone or the bus is closed', async () => {
    const never = new FakeAgentBus();
    never.failing.set('RegisterWithCapabilities', new Error('no'));
    const gone = new FakeAgentBus();
    const closed = new FakeAgentBus();
    const worlds = [
      await started({ onWarning: () => undefined }, never),
      await started({}, gone),
      await started({}, closed),
    ];
    gone.nmOwner = null;
    closed.isClosed = true;
    for (const { bus, agent } of worlds) {
      await agent.stop();
      expect(bus.members()).toEqual(['RegisterWithCapabilities']);
    }
  });

  it('a failing Unregister is ignored', async () => {
    const bus = new FakeAgentBus();
    bus.failing.set('Unregister', new Error('NetworkManager went away'));
    const { agent, warnings } = await started({}, bus);
    await expect(agent.stop()).resolves.toBeUndefined();
    expect(warnings).toEqual([]);
    expect(agent.isRegistered).toBe(false);
  });
});

describe('NetworkManager restarting', () => {
  it('withdraws the prompts of the NetworkManager that left', async () => {
    const { bus } = await started({ prompter: new Person(() => 'wait') });
    const call = getSecrets();
    bus.deliver(call);
    await flush();
    bus.nmOwner = ':1.9';
    bus.emit('nmOwner', ':1.9');
    expect((await bus.answerTo(call)) as unknown).toMatchObject({
      name: AGENT_ERROR.agentCanceled,
    });
  });

  it('forgets the answers given to the NetworkManager that left', async () => {
    const person = types('new one');
    const { bus, store } = await started({ prompter: person });
    store.items.set('u1/vpn/password', 'saved');
    const first = getSecrets();
    bus.deliver(first);
    expect(secretsIn(await bus.answerTo(first))).toEqual({ password: 'saved' });
    bus.emit('nmOwner', NM);
    await flush();
    // Asked again with a hint, by the new NetworkManager: a first question to it, not a rejection.
    const again = getSecrets(['password']);
    bus.deliver(again);
    expect(secretsIn(await bus.answerTo(again))).toEqual({ password: 'new one' });
    expect(person.seen.map((r) => r.reason)).toEqual(['initial']);
  });
});
