import { describe, expect, it } from 'vitest';
import { applyEvent, initialState } from '../../renderer/store/state';
import { Store } from '../../renderer/store/store';
import {
  connectedState,
  FakeApi,
  profile,
  prompt,
  refusal,
  snapshot,
  uuidOf,
} from '../fakes/fake-api';

const U = uuidOf('u');

const failed = {
  kind: 'failed' as const,
  reason: { word: 'no-secrets', code: 9, sentence: 'No password was given.' },
};

async function started(api: FakeApi): Promise<Store> {
  const store = new Store(api);
  store.start();
  await Promise.resolve();
  await Promise.resolve();
  return store;
}

describe('the store', () => {
  it('takes the snapshot once, then mirrors events', async () => {
    const a = profile('a');
    const api = new FakeApi(snapshot([a]));
    const store = await started(api);
    expect(store.getState().phase).toBe('ready');
    expect(store.getState().profiles).toEqual([a]);
    api.emit('state:tunnel', { uuid: a.uuid, state: { kind: 'connecting', stage: 'connect' } });
    expect(store.tunnel(a.uuid)).toEqual({ kind: 'connecting', stage: 'connect' });
    api.emit('state:tunnel', { uuid: a.uuid, state: { kind: 'disconnected' } });
    expect(store.getState().tunnels).toEqual({});
    api.emit('state:nm', { running: false });
    expect(store.getState().nmRunning).toBe(false);
    expect(api.callsOf('state:snapshot')).toHaveLength(1);
  });

  it('drops state events that arrive before the snapshot (it already holds them) but keeps prompts', () => {
    const a = profile('a');
    const api = new FakeApi(snapshot([a], { [a.uuid]: connectedState }));
    const store = new Store(api);
    store.start();
    api.emit('state:tunnel', { uuid: a.uuid, state: { kind: 'connecting', stage: 'prepare' } });
    api.emit('prompt:open', prompt());
    expect(store.getState().tunnels).toEqual({});
    expect(store.getState().prompts).toHaveLength(1);
  });

  it('shows the prompts the snapshot holds (a window opened while they wait), each once', async () => {
    const waiting = prompt({ id: 'req-early' });
    const api = new FakeApi({ ...snapshot([]), prompts: [waiting, prompt({ id: 'req-both' })] });
    const store = new Store(api);
    store.start();
    // Delivered as an event too before the snapshot's answer arrived: still one prompt.
    api.emit('prompt:open', prompt({ id: 'req-both' }));
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().prompts.map((p) => p.id)).toEqual(['req-both', 'req-early']);
  });

  it('says so when the snapshot cannot be had', async () => {
    const api = new FakeApi(snapshot([]));
    api.respond = () => {
      return refusal('harness-closed', 'The test harness closed its connection.');
    };
    const store = await started(api);
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().loadFailure?.word).toBe('harness-closed');
  });

  it('keeps a failure after the tunnel moves on, until it connects again', () => {
    let state = applyEvent(initialState, {
      name: 'state:tunnel',
      payload: { uuid: U, state: failed },
    });
    state = applyEvent(state, {
      name: 'state:tunnel',
      payload: { uuid: U, state: { kind: 'disconnected' } },
    });
    expect(state.lastFailures[U]?.word).toBe('no-secrets');
    state = applyEvent(state, {
      name: 'state:tunnel',
      payload: { uuid: U, state: connectedState },
    });
    expect(state.lastFailures[U]).toBeUndefined();
  });

  it('opens each prompt once and closes it by id', () => {
    let state = applyEvent(initialState, { name: 'prompt:open', payload: prompt() });
    state = applyEvent(state, { name: 'prompt:open', payload: prompt() });
    state = applyEvent(state, { name: 'prompt:open', payload: prompt({ id: 'req-2' }) });
    expect(state.prompts.map((p) => p.id)).toEqual(['req-1', 'req-2']);
    state = applyEvent(state, { name: 'prompt:close', payload: { requestId: 'req-1' } });
    expect(state.prompts.map((p) => p.id)).toEqual(['req-2']);
  });

  it('connects when off, disconnects when on or coming up, and keeps what main refused', async () => {
    const a = profile('a');
    const api = new FakeApi(snapshot([a]));
    const store = await started(api);
    await store.toggle(a.uuid);
    api.emit('state:tunnel', { uuid: a.uuid, state: { kind: 'needs-secrets' } });
    await store.toggle(a.uuid);
    expect(api.calls.map((c) => c.name).slice(1)).toEqual(['tunnel:connect', 'tunnel:disconnect']);
    api.respond = () => {
      return refusal('nm-not-running', 'NetworkManager is not running.');
    };
    await store.connect(a.uuid);
    expect(store.getState().actionFailures[a.uuid]?.word).toBe('nm-not-running');
    expect(store.getState().busy.size).toBe(0);
    api.respond = null;
    await store.connect(a.uuid);
    expect(store.getState().actionFailures[a.uuid]).toBeUndefined();
  });

  it('drops a prompt as soon as it is answered, and when main says it is gone', async () => {
    const api = new FakeApi(snapshot([]));
    const store = await started(api);
    api.emit('prompt:open', prompt());
    expect(await store.answerPrompt('req-1', { password: 'x' }, false)).toBeNull();
    expect(store.getState().prompts).toEqual([]);
    api.emit('prompt:open', prompt({ id: 'req-2' }));
    api.respond = () => {
      return refusal('prompt-gone', 'This request is no longer open.');
    };
    expect((await store.cancelPrompt('req-2'))?.word).toBe('prompt-gone');
    expect(store.getState().prompts).toEqual([]);
  });
});
