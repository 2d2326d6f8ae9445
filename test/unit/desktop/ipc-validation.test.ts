import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/desktop/call-dispatch';
import { GuiPrompter } from '../../../main/contract/gui-prompter';
import { PreferencesStore } from '../../../main/contract/preferences';
import { ContractServer } from '../../../main/contract/server';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import { callChannel, eventChannel } from '../../../preload/channels';
import { CALL_NAMES, EVENT_NAMES, type CallName } from '../../../preload/contract';
import { fakeCore } from '../../fakes/fake-core';
import { FakeNmBus } from '../../fakes/fake-nm-bus';

const UUID = '0f9d3f52-7d5e-4c57-9a3b-2b7c0d1e4f11';

interface World {
  server: ContractServer;
  prompter: GuiPrompter;
  bus: FakeNmBus;
  /** What reached the shell's hooks: nothing may, for a refused call. */
  seen: { diagnosticsAsked: number; autostartSet: boolean[] };
}

let dir = '';
let world: World;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-ipc-'));
  const bus = new FakeNmBus();
  bus.addVpnProfile(1, UUID, 'Office');
  // Only the model's calls reach the fake bus, and none should here.
  const core = await fakeCore(bus);
  const seen = { diagnosticsAsked: 0, autostartSet: [] as boolean[] };
  const prompter = new GuiPrompter();
  const server = new ContractServer({
    core,
    prompter,
    preferences: new PreferencesStore(join(dir, 'preferences.json')),
    diagnostics: () => {
      seen.diagnosticsAsked++;
      return Promise.resolve([]);
    },
    setAutostart: (enabled) => seen.autostartSet.push(enabled),
  });
  world = { server, prompter, bus, seen };
});

afterEach(() => {
  world.server.close();
  rmSync(dir, { recursive: true, force: true });
});

const long = 'x'.repeat(65);

/** Payloads a page could send; each must be refused before anything reaches NetworkManager. */
const malformed: [CallName, unknown[]][] = [
  ['state:snapshot', [{}]],
  ['state:snapshot', [null]],
  ['tunnel:connect', []],
  ['tunnel:connect', [UUID]],
  ['tunnel:connect', [{}]],
  ['tunnel:connect', [{ uuid: 42 }]],
  ['tunnel:connect', [{ uuid: '' }]],
  ['tunnel:connect', [{ uuid: 'Office; rm -rf /' }]],
  ['tunnel:connect', [{ uuid: `${UUID}${'0'.repeat(64)}` }]],
  ['tunnel:connect', [{ uuid: UUID }, { uuid: UUID }]],
  ['tunnel:connect', [[UUID]]],
  ['tunnel:disconnect', [{ uuid: null }]],
  ['tunnel:disconnect', [{ uuid: { toString: 'x' } }]],
  ['profile:set-favourite', [{ uuid: UUID }]],
  ['profile:set-favourite', [{ uuid: UUID, favourite: 'yes' }]],
  ['tunnel:diagnostics', [{ uuid: '../../etc/passwd' }]],
  ['prompt:answer', [{ requestId: 'r1', values: { password: 'p' } }]],
  ['prompt:answer', [{ requestId: '', values: {}, save: false }]],
  ['prompt:answer', [{ requestId: long, values: {}, save: false }]],
  ['prompt:answer', [{ requestId: 'r1', values: { password: 7 }, save: false }]],
  ['prompt:answer', [{ requestId: 'r1', values: { password: 'x'.repeat(65_537) }, save: false }]],
  ['prompt:answer', [{ requestId: 'r1', values: ['p'], save: false }]],
  ['prompt:answer', [{ requestId: 'r1', values: { password: 'p' }, save: 1 }]],
  ['prompt:cancel', [{}]],
  ['prompt:cancel', ['r1']],
  ['settings:get', [{ autostart: true }]],
  ['settings:set', [{ autostart: 'true' }]],
  ['settings:set', [{}]],
  ['settings:set', []],
  ['settings:set', [{ reconnect: 1 }]],
  ['profile:set-reconnect', [{ uuid: UUID }]],
  ['profile:set-reconnect', [{ uuid: UUID, reconnect: 'yes' }]],
  ['profiles:selection-action', [{ uuids: [], action: { kind: 'delete' } }]],
  ['profiles:selection-action', [{ uuids: [UUID], action: { kind: 'format-disk' } }]],
  ['profiles:selection-action', [{ uuids: [UUID], action: { kind: 'autoconnect', on: 'no' } }]],
  ['profiles:selection-action', [{ uuids: ['x y'], action: { kind: 'delete' } }]],
  ['profiles:import-files', [{ files: [] }]],
  ['profiles:import-files', [{ files: [{ path: '/etc/passwd', base64: '' }] }]],
  ['profiles:import-files', [{ files: [{ path: 'a/../../x.ovpn', base64: '' }] }]],
  ['profiles:import-files', [{ files: [{ path: 'a.ovpn' }] }]],
  ['profiles:import-stop', [{ all: true }]],
  ['profile:export', [{ uuid: '../x' }]],
  ['cert:store', [{ name: '', base64: '' }]],
  ['cert:store', [{ name: 'ca.crt', base64: 'x'.repeat(4 * 1024 * 1024 + 1) }]],
  ['cert:inspect', [{ path: '' }]],
  ['cert:inspect', [{}]],
];

describe('ContractServer.handle refuses malformed payloads', () => {
  it.each(malformed)('%s %j', async (name, args) => {
    const before = world.bus.calls.length;
    await expect(world.server.handle(name, args)).rejects.toMatchObject({
      word: 'invalid-payload',
    });
    await expect(world.server.handle(name, args)).rejects.toBeInstanceOf(TunnelbarError);
    expect(world.bus.calls.length).toBe(before);
    expect(world.seen.diagnosticsAsked).toBe(0);
    expect(world.seen.autostartSet).toEqual([]);
  });

  it('refuses a call that is not in the contract', async () => {
    await expect(world.server.handle('shell:exec', [])).rejects.toMatchObject({
      word: 'unknown-call',
    });
    await expect(world.server.handle('__proto__', [])).rejects.toMatchObject({
      word: 'unknown-call',
    });
  });

  it('carries out a well-formed call', async () => {
    await expect(world.server.handle('settings:set', [{ autostart: true }])).resolves.toEqual({
      autostart: true,
      reconnect: true,
    });
    expect(world.seen.autostartSet).toEqual([true]);
    // One setting at a time: the other stays as it was, autostart's entry untouched.
    await expect(world.server.handle('settings:set', [{ reconnect: false }])).resolves.toEqual({
      autostart: true,
      reconnect: false,
    });
    expect(world.seen.autostartSet).toEqual([true]);
  });
});

describe('state:snapshot', () => {
  it('holds the prompts waiting for an answer, for a window that opens after them', async () => {
    const withdraw = new AbortController();
    const request = {
      id: 'req-waiting',
      connectionUuid: UUID,
      connectionId: 'Office',
      vpnType: 'openvpn',
      title: 'Secrets for Office',
      message: 'A password is needed to connect to Office.',
      reason: 'initial' as const,
      fields: [{ key: 'password', label: 'Password', secret: true }],
      canSave: false,
    };
    const answer = world.prompter.prompt(request, withdraw.signal);
    expect((await world.server.handle('state:snapshot', [])) as unknown).toMatchObject({
      prompts: [request],
    });
    withdraw.abort();
    await expect(answer).resolves.toBeNull();
    expect((await world.server.handle('state:snapshot', [])) as unknown).toMatchObject({
      prompts: [],
    });
  });
});

describe('dispatchCall (what the IPC handler replies)', () => {
  it('refuses a foreign sender before the server sees the call', async () => {
    let handled = 0;
    const server = {
      handle: () => {
        handled++;
        return Promise.resolve(null);
      },
    };
    const reply = await dispatchCall(server, 'settings:set', [{ autostart: true }], false);
    expect(reply).toEqual({
      ok: false,
      failure: {
        word: 'forbidden-sender',
        sentence: 'The call was refused: it did not come from a Tunnelbar window.',
      },
    });
    expect(handled).toBe(0);
  });

  it('replies {word, sentence} for a refused payload, the value for a good one', async () => {
    expect(await dispatchCall(world.server, 'tunnel:connect', [{ uuid: 7 }], true)).toEqual({
      ok: false,
      failure: {
        word: 'invalid-payload',
        sentence: 'The tunnel:connect call was refused: its arguments are not valid.',
      },
    });
    expect(await dispatchCall(world.server, 'settings:get', [], true)).toEqual({
      ok: true,
      value: { autostart: false, reconnect: true },
    });
  });

  it('hides the details of an unexpected failure', async () => {
    const server = { handle: () => Promise.reject(new Error('secret detail')) };
    expect(await dispatchCall(server, 'settings:get', [], true)).toEqual({
      ok: false,
      failure: {
        word: 'internal-error',
        sentence: 'Tunnelbar failed to carry this out.',
      },
    });
  });

  it('logs what went wrong in a call, and tells the page only that it did', async () => {
    const logged: string[] = [];
    const server = new ContractServer({
      core: await fakeCore(world.bus),
      prompter: new GuiPrompter(),
      preferences: new PreferencesStore(join(dir, 'preferences.json')),
      diagnostics: () => Promise.reject(new Error('journalctl went away')),
      onInternalError: (call, err) => {
        logged.push(`${call}: ${err instanceof Error ? err.message : String(err)}`);
      },
    });
    const reply = await dispatchCall(server, 'tunnel:diagnostics', [{ uuid: UUID }], true);
    expect(reply).toEqual({
      ok: false,
      failure: {
        word: 'internal-error',
        sentence: 'Tunnelbar failed to carry this out; its log says more.',
      },
    });
    expect(logged).toEqual(['tunnel:diagnostics: journalctl went away']);
    server.close();
  });
});

describe('IPC channels', () => {
  it('has exactly one distinct channel per contract call and event', () => {
    const all = [...CALL_NAMES.map(callChannel), ...EVENT_NAMES.map(eventChannel)];
    expect(all).toHaveLength(CALL_NAMES.length + EVENT_NAMES.length);
    expect(new Set(all).size).toBe(all.length);
  });
});
