// What the contract server does with each valid call and each event of the model and the prompter:
// the preferences it writes, what reaches the bus, the events the page gets, the words of refusals.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PromptAnswer } from '../../../main/agent/prompter';
import { GuiPrompter } from '../../../main/contract/gui-prompter';
import { PreferencesStore } from '../../../main/contract/preferences';
import { ContractServer, type EventListener } from '../../../main/contract/server';
import type { Core } from '../../../main/core';
import type { CallOptions } from '../../../main/nm/bus';
import type { Profile } from '../../../main/nm/profile';
import type { EventName, EventPayloads } from '../../../preload/contract';
import { fakeCore } from '../../fakes/fake-core';
import { FakeNmBus } from '../../fakes/fake-nm-bus';

const UUID = '0f9d3f52-7d5e-4c57-9a3b-2b7c0d1e4f11';
const OTHER = '1a2b3c4d-0000-4000-8000-000000000002';

/** The fake bus, also answering ActivateConnection with the path of an active connection. */
class ActivatingBus extends FakeNmBus {
  readonly activated: unknown[][] = [];
  override call(opts: CallOptions): Promise<unknown[]> {
    if (opts.member !== 'ActivateConnection') return super.call(opts);
    this.calls.push(opts.member);
    this.activated.push(opts.body ?? []);
    return Promise.resolve(['/org/freedesktop/NetworkManager/ActiveConnection/9']);
  }
}

/**
 * Also answering ListConnections, which the import reads the existing profiles with. Only the
 * import's test uses it: with profiles listed, lockdown's status would resolve their servers.
 */
class ListingBus extends ActivatingBus {
  override call(opts: CallOptions): Promise<unknown[]> {
    if (opts.member !== 'ListConnections') return super.call(opts);
    return Promise.resolve([[...this.settings.keys()]]);
  }
}

type Seen = { [E in EventName]: [E, EventPayloads[E]] }[EventName];

let dir = '';
let bus: ActivatingBus;
let core: Core;
let prompter: GuiPrompter;
let preferences: PreferencesStore;
let server: ContractServer;
let events: Seen[];
const diagnosed: Profile[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-server-'));
  bus = new ActivatingBus();
  bus.addVpnProfile(1, UUID, 'Office');
  bus.addVpnProfile(2, OTHER, 'Lab');
  core = await fakeCore(bus);
  prompter = new GuiPrompter();
  preferences = new PreferencesStore(join(dir, 'preferences.json'));
  diagnosed.length = 0;
  server = new ContractServer({
    core,
    prompter,
    preferences,
    diagnostics: (profile) => {
      diagnosed.push(profile);
      return Promise.resolve(['line one', 'line two']);
    },
  });
  events = [];
  const listener: EventListener = (name, payload) => {
    events.push([name, payload] as Seen);
  };
  server.subscribe(listener);
});

afterEach(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const names = (): string[] => events.map(([name]) => name);
const profilesEvent = (): EventPayloads['state:profiles'] | undefined => {
  for (const event of [...events].reverse()) if (event[0] === 'state:profiles') return event[1];
  return undefined;
};

describe('refusals', () => {
  it('names the call that does not exist, and the call whose arguments are not valid', async () => {
    await expect(server.handle('shell:exec', [])).rejects.toMatchObject({
      word: 'unknown-call',
      message: 'There is no call named "shell:exec".',
    });
    await expect(server.handle('tunnel:connect', [{ uuid: 7 }])).rejects.toMatchObject({
      word: 'invalid-payload',
      message: 'The tunnel:connect call was refused: its arguments are not valid.',
    });
  });
});

describe('tunnel calls', () => {
  it('connect activates the profile’s path, and notes its last use first', async () => {
    const before = Date.now();
    await expect(server.handle('tunnel:connect', [{ uuid: UUID }])).resolves.toBeNull();
    expect(bus.activated).toEqual([['/org/freedesktop/NetworkManager/Settings/1', '/', '/']]);
    expect(preferences.get().lastUsed[UUID]).toBeGreaterThanOrEqual(before);
    expect(preferences.get().lastUsed[OTHER]).toBeUndefined();
    const office = profilesEvent()?.profiles.find((p) => p.uuid === UUID);
    expect(office?.lastUsed).toBe(preferences.get().lastUsed[UUID]);
  });

  it('refuses an unknown profile with the core’s word and sentence', async () => {
    const unknown = '99999999-0000-4000-8000-000000000009';
    await expect(server.handle('tunnel:connect', [{ uuid: unknown }])).rejects.toMatchObject({
      word: 'unknown-profile',
      message: `No VPN profile is named "${unknown}" or has that UUID. \`tunnelbar list\` shows them.`,
    });
    await expect(server.handle('tunnel:disconnect', [{ uuid: unknown }])).rejects.toMatchObject({
      word: 'unknown-profile',
    });
    expect(bus.activated).toEqual([]);
  });

  it('disconnect of a profile with no active connection asks NetworkManager nothing', async () => {
    await expect(server.handle('tunnel:disconnect', [{ uuid: UUID }])).resolves.toBeNull();
    expect(bus.calls).not.toContain('DeactivateConnection');
  });

  it('diagnostics are the lines for that profile', async () => {
    await expect(server.handle('tunnel:diagnostics', [{ uuid: OTHER }])).resolves.toEqual({
      lines: ['line one', 'line two'],
    });
    expect(diagnosed.map((p) => p.uuid)).toEqual([OTHER]);
  });
});

describe('calls that need the shell', () => {
  it('turns autostart on where the shell can, and still answers where it cannot', async () => {
    const turned: boolean[] = [];
    const withShell = new ContractServer({
      core,
      prompter,
      preferences,
      diagnostics: () => Promise.resolve([]),
      setAutostart: (on) => turned.push(on),
    });
    await withShell.handle('settings:set', [{ autostart: true }]);
    expect(turned).toEqual([true]);
    withShell.close();
    // The harness has no shell: the preference is still kept.
    await expect(server.handle('settings:set', [{ autostart: true }])).resolves.toEqual({
      autostart: true,
      reconnect: true,
    });
  });

  it('keeps certificates under the home it was given, not the process’s', async () => {
    vi.stubEnv('HOME', join(dir, 'process-home'));
    const home = join(dir, 'given-home');
    const withHome = new ContractServer({
      core,
      prompter,
      preferences,
      diagnostics: () => Promise.resolve([]),
      home,
    });
    try {
      const stored = (await withHome.handle('cert:store', [
        { name: 'ca.crt', base64: Buffer.from('not a certificate').toString('base64') },
      ])) as { path: string };
      expect(stored.path.startsWith(`${home}/`)).toBe(true);
    } finally {
      withHome.close();
      vi.unstubAllEnvs();
    }
  });
});

describe('imports through the server', () => {
  it('sends the import’s progress as events, up to all the files', async () => {
    const listing = new ListingBus();
    listing.addVpnProfile(1, UUID, 'Office');
    const withHome = new ContractServer({
      core: await fakeCore(listing),
      prompter,
      preferences,
      diagnostics: () => Promise.resolve([]),
      home: join(dir, 'home'),
    });
    const progress: EventPayloads['import:progress'][] = [];
    withHome.subscribe((name, payload) => {
      if (name === 'import:progress') progress.push(payload as EventPayloads['import:progress']);
    });
    try {
      // Two files that fail to parse: the pipeline reports both without adding anything.
      const broken = Buffer.from('remote\n').toString('base64');
      const report = (await withHome.handle('profiles:import-files', [
        {
          files: [
            { path: 'a.ovpn', base64: broken },
            { path: 'b.ovpn', base64: broken },
          ],
        },
      ])) as { files: { status: string }[] };
      expect(report.files.map((f) => f.status)).toEqual(['failed', 'failed']);
      expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
    } finally {
      withHome.close();
    }
  });
});

describe('preferences calls', () => {
  it('favourites: added once, removed, and the list sent each time', async () => {
    await server.handle('profile:set-favourite', [{ uuid: UUID, favourite: true }]);
    await server.handle('profile:set-favourite', [{ uuid: UUID, favourite: true }]);
    await server.handle('profile:set-favourite', [{ uuid: OTHER, favourite: true }]);
    expect(preferences.get().favourites).toEqual([UUID, OTHER]);
    expect(profilesEvent()?.profiles.find((p) => p.uuid === UUID)?.favourite).toBe(true);
    await server.handle('profile:set-favourite', [{ uuid: UUID, favourite: false }]);
    expect(preferences.get().favourites).toEqual([OTHER]);
    expect(profilesEvent()?.profiles.find((p) => p.uuid === UUID)?.favourite).toBe(false);
    expect(names().filter((n) => n === 'state:profiles')).toHaveLength(4);
  });

  it('a profile’s own reconnect choice is set, and cleared with null', async () => {
    await server.handle('profile:set-reconnect', [{ uuid: UUID, reconnect: false }]);
    expect(preferences.get().reconnectProfiles).toEqual({ [UUID]: false });
    expect(profilesEvent()?.profiles.find((p) => p.uuid === UUID)?.reconnect).toBe(false);
    await server.handle('profile:set-reconnect', [{ uuid: UUID, reconnect: null }]);
    expect(preferences.get().reconnectProfiles).toEqual({});
    expect(profilesEvent()?.profiles.find((p) => p.uuid === UUID)?.reconnect).toBeNull();
  });

  it('settings are read as stored', async () => {
    preferences.update((p) => ({ ...p, autostart: true, reconnect: false }));
    await expect(server.handle('settings:get', [])).resolves.toEqual({
      autostart: true,
      reconnect: false,
    });
  });
});

describe('prompt calls', () => {
  const request = {
    id: 'req-1',
    connectionUuid: UUID,
    connectionId: 'Office',
    vpnType: 'openvpn',
    title: 'Secrets for Office',
    message: 'A password is needed to connect to Office.',
    reason: 'initial' as const,
    fields: [{ key: 'password', label: 'Password', secret: true }],
    canSave: true,
  };

  it('an answer reaches the waiting prompt, and the page hears it open and close', async () => {
    const answer: Promise<PromptAnswer | null> = prompter.prompt(
      request,
      new AbortController().signal,
    );
    const args = [{ requestId: 'req-1', values: { password: 'pw' }, save: true }];
    await expect(server.handle('prompt:answer', args)).resolves.toBeNull();
    await expect(answer).resolves.toEqual({ values: { password: 'pw' }, save: true });
    expect(events).toContainEqual(['prompt:open', request]);
    expect(events).toContainEqual(['prompt:close', { requestId: 'req-1' }]);
  });

  it('cancel answers the prompt with nothing', async () => {
    const answer = prompter.prompt(request, new AbortController().signal);
    await expect(server.handle('prompt:cancel', [{ requestId: 'req-1' }])).resolves.toBeNull();
    await expect(answer).resolves.toBeNull();
  });

  it('a request no longer open is prompt-gone, for an answer and a cancel', async () => {
    const gone = {
      word: 'prompt-gone',
      message: 'This request is no longer open: NetworkManager withdrew it or it was answered.',
    };
    const args = [{ requestId: 'req-x', values: {}, save: false }];
    await expect(server.handle('prompt:answer', args)).rejects.toMatchObject(gone);
    await expect(server.handle('prompt:cancel', [{ requestId: 'req-x' }])).rejects.toMatchObject(
      gone,
    );
  });
});

describe('events and the snapshot', () => {
  it('passes the model’s tunnel and NetworkManager news on, the bus link only when there is one', () => {
    core.model.emit('tunnel', UUID, { kind: 'connecting', stage: 'connect' });
    core.model.emit('nm', false);
    core.model.emit('nm', true, 'reconnected');
    expect(events).toStrictEqual([
      ['state:tunnel', { uuid: UUID, state: { kind: 'connecting', stage: 'connect' } }],
      ['state:nm', { running: false }],
      ['state:nm', { running: true, bus: 'reconnected' }],
    ]);
  });

  it('sends one profile list for a burst of profile changes, none without listeners', async () => {
    core.model.emit('profiles');
    core.model.emit('profiles');
    core.model.emit('profiles');
    await new Promise((resolve) => setImmediate(resolve));
    expect(names()).toEqual(['state:profiles']);
    expect(
      profilesEvent()
        ?.profiles.map((p) => p.uuid)
        .sort(),
    ).toEqual([UUID, OTHER].sort());
    core.model.emit('profiles');
    await new Promise((resolve) => setImmediate(resolve));
    expect(names()).toEqual(['state:profiles', 'state:profiles']);
  });

  it('a listener that left hears nothing more', () => {
    const other: string[] = [];
    const leave = server.subscribe((name) => other.push(name));
    core.model.emit('nm', true);
    leave();
    core.model.emit('nm', false);
    expect(other).toEqual(['state:nm']);
    expect(names()).toEqual(['state:nm', 'state:nm']);
  });

  it('stops listening once closed, and leaves no listener on the model', async () => {
    const counts = (): number[] =>
      (['tunnel', 'profiles', 'nm'] as const).map((e) => core.model.listenerCount(e));
    const withServer = counts();
    const other: string[] = [];
    server.subscribe((name) => other.push(name));
    server.close();
    expect(counts()).toEqual(withServer.map((n) => n - 1));
    core.model.emit('tunnel', UUID, { kind: 'disconnected' });
    core.model.emit('profiles');
    prompter
      .prompt({ ...promptRequest(), id: 'after' }, new AbortController().signal)
      .catch((err: unknown) => {
        console.log('IMPORTERR', err);
      });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([]);
    expect(other).toEqual([]);
  });

  it('the snapshot holds the tunnels that are not disconnected', async () => {
    const snapshot = (await server.handle('state:snapshot', [])) as {
      nmRunning: boolean;
      tunnels: Record<string, unknown>;
      lockdown: string;
      profiles: unknown[];
    };
    expect(snapshot.nmRunning).toBe(true);
    expect(snapshot.tunnels).toEqual({});
    const seen = new Promise((resolve) => core.model.once('tunnel', resolve));
    bus.activeAdded(3, UUID);
    await seen;
    const later = (await server.handle('state:snapshot', [])) as typeof snapshot;
    expect(later.tunnels).toEqual({ [UUID]: { kind: 'connecting', stage: 'prepare' } });
    expect(snapshot.lockdown).toBe('unknown');
    expect(snapshot.profiles).toHaveLength(2);
  });
});

function promptRequest(): Parameters<GuiPrompter['prompt']>[0] {
  return {
    id: 'req-2',
    connectionUuid: UUID,
    connectionId: 'Office',
    vpnType: 'openvpn',
    title: 't',
    message: 'm',
    reason: 'initial',
    fields: [],
    canSave: false,
  };
}
