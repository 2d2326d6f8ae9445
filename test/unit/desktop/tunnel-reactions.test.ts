import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SnapshotView, TunnelStateView } from '../../../preload/contract';
import { applyMirrorEvent, contractEvent, tunnelOf } from '../../../preload/mirror';
import { PreferencesStore } from '../../../main/contract/preferences';
import { strings } from '../../../main/desktop/strings';
import type { NotificationText } from '../../../main/desktop/surface-types';
import { TunnelReactions } from '../../../main/desktop/tunnel-reactions';
import type { DriverClock } from '../../../main/reconnect/driver';
import { promptRequest } from '../../builders/prompt-request';
import { connected, disconnected, failed, needsSecrets } from '../../builders/tunnel-states';
import { profile, snapshot } from '../../builders/views';
import { fakeCore } from '../../fakes/fake-core';
import { FakeNmBus } from '../../fakes/fake-nm-bus';

const OFFICE = profile('Office').uuid;

/** The reconnect policy's timers, held and never run: these tests look at the first moment. */
const heldTimers: DriverClock = {
  now: () => 1_700_000_000_000,
  setTimeout: () => 0,
  clearTimeout: () => undefined,
};

let dir = '';
let mirror: SnapshotView;
let notified: NotificationText[];
let preferences: PreferencesStore;
let reactions: TunnelReactions | null = null;

async function start(office: TunnelStateView): Promise<TunnelReactions> {
  const bus = new FakeNmBus();
  bus.addVpnProfile(1, OFFICE, 'Office');
  mirror = snapshot([profile('Office')], { [OFFICE]: office });
  reactions = new TunnelReactions(
    { core: await fakeCore(bus), preferences, reconnectClock: heldTimers },
    {
      mirror: () => mirror,
      publish: (event) => {
        mirror = applyMirrorEvent(mirror, event);
      },
      notify: (text) => {
        notified.push(text);
      },
    },
  );
  return reactions;
}

/** NetworkManager reports Office's new state: as the app core does, presented, then mirrored. */
function nmSays(r: TunnelReactions, state: TunnelStateView): TunnelStateView {
  const event = r.present(contractEvent('state:tunnel', { uuid: OFFICE, state }));
  mirror = applyMirrorEvent(mirror, event);
  r.heard(event);
  return tunnelOf(mirror, OFFICE);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-reactions-'));
  preferences = new PreferencesStore(join(dir, 'preferences.json'));
  notified = [];
});

afterEach(() => {
  reactions?.close();
  reactions = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('what a tunnel’s change means to the person', () => {
  it('a tunnel the person switches off goes down quietly', async () => {
    const r = await start(connected());
    r.userStopped(OFFICE);
    expect(nmSays(r, disconnected)).toEqual(disconnected);
    expect(notified).toEqual([]);
  });

  it('a drop nobody asked for is news, by the profile’s name, when reconnecting is off', async () => {
    preferences.update((p) => ({ ...p, reconnect: false }));
    const r = await start(connected());
    expect(nmSays(r, disconnected)).toEqual(disconnected);
    expect(notified.map((n) => n.title)).toEqual([strings.notify.disconnectedTitle('Office')]);
  });

  it('with reconnecting on, a failure is shown as reconnecting, not yet as news', async () => {
    const r = await start(connected());
    expect(nmSays(r, failed('service-stopped')).kind).toBe('reconnecting');
    expect(notified).toEqual([]);
  });

  it('a cancelled prompt ends its attempt as disconnected, not failed, and quietly', async () => {
    const r = await start({ kind: 'connecting', stage: 'connect' });
    nmSays(r, needsSecrets);
    r.heard(contractEvent('prompt:open', promptRequest({ id: 'r1', connectionUuid: OFFICE })));
    r.promptCancelled('r1');
    expect(nmSays(r, failed('no-secrets', 'No password was given.'))).toEqual(disconnected);
    expect(notified).toEqual([]);
  });

  it('the same failure without the cancel is news', async () => {
    preferences.update((p) => ({ ...p, reconnect: false }));
    const r = await start({ kind: 'connecting', stage: 'connect' });
    nmSays(r, needsSecrets);
    r.heard(contractEvent('prompt:open', promptRequest({ id: 'r1', connectionUuid: OFFICE })));
    expect(nmSays(r, failed('no-secrets', 'No password was given.')).kind).toBe('failed');
    expect(notified.map((n) => n.title)).toEqual([strings.notify.failedTitle('Office')]);
  });
});
