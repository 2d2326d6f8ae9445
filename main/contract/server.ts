import { homedir } from 'node:os';
import {
  callSchemas,
  type CallName,
  type CallResults,
  type EventName,
  type EventPayloads,
  type SettingsView,
  type SnapshotView,
  type TunnelStateView,
} from '../../preload/contract';
import { omitKey } from '../../preload/mirror';
import type { Core } from '../core';
import { editorCall } from '../editor/dispatch';
import { libraryCall } from '../editor/library-dispatch';
import { activate, deactivate, findProfile } from '../nm/actions';
import { TunnelbarError } from '../nm/errors';
import type { BusLink } from '../nm/model';
import type { Profile } from '../nm/profile';
import type { GuiPrompter } from './gui-prompter';
import type { Preferences, PreferencesStore } from './preferences';
import { privacyCall } from './privacy-dispatch';
import { profileView } from './views';

/** A call main refused or that failed: travels to the renderer as {word, sentence}. */
export class CallError extends Error {
  constructor(
    readonly word: string,
    sentence: string,
  ) {
    super(sentence);
    this.name = 'CallError';
  }
}

export type EventListener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

export interface ContractServerOptions {
  core: Core;
  prompter: GuiPrompter;
  preferences: PreferencesStore;
  /** Recent log lines of the plugin for a profile (journald on a desktop, a file in the sandbox). */
  diagnostics: (profile: Profile) => Promise<string[]>;
  /** Turns login autostart on or off (the shell writes the XDG entry); absent in the harness. */
  setAutostart?: (enabled: boolean) => void;
  /**
   * Asks the user where to save an exported profile (a save dialog in Electron; the harness
   * answers with a file in its export folder). Null: cancelled. Absent: export is refused.
   */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
  /** The folder certificate and inline files go under (~/.cert/nm-openvpn/); the user's home. */
  home?: string;
  /** A call failed for a reason Tunnelbar did not foresee: for the log. */
  onInternalError?: (call: CallName, err: unknown) => void;
}

function isCallName(name: string): name is CallName {
  return Object.hasOwn(callSchemas, name);
}

/**
 * Main's side of the contract, without Electron: validates every call, carries it out on the
 * core, and turns the model's and the prompter's events into contract events. The Electron shell
 * (after checking the sender) and the browser harness both hand their calls to this.
 */
export class ContractServer {
  private readonly listeners = new Set<EventListener>();
  /** Imports of dropped files under way (profiles:import-stop stops them). */
  private readonly imports = new Set<AbortController>();
  private readonly detach: (() => void)[] = [];
  private profilesQueued = false;

  constructor(private readonly opts: ContractServerOptions) {
    const { model } = opts.core;
    const onTunnel = (uuid: string, state: TunnelStateView): void => {
      this.emit('state:tunnel', { uuid, state });
    };
    const onProfiles = (): void => {
      this.queueProfiles();
    };
    // A lost or regained system bus travels with the news about NetworkManager.
    const onNm = (running: boolean, bus?: BusLink): void => {
      this.emit('state:nm', bus === undefined ? { running } : { running, bus });
    };
    model.on('tunnel', onTunnel);
    model.on('profiles', onProfiles);
    model.on('nm', onNm);
    this.detach.push(
      () => model.off('tunnel', onTunnel),
      () => model.off('profiles', onProfiles),
      () => model.off('nm', onNm),
      opts.prompter.onEvent((event) => {
        if (event.kind === 'open') this.emit('prompt:open', event.request);
        else this.emit('prompt:close', { requestId: event.requestId });
      }),
    );
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Each state:profiles carries the whole list: an import of thousands of profiles must send it
   * once per burst, not once per profile. Coalesced to the end of the current I/O turn.
   */
  private queueProfiles(): void {
    if (this.profilesQueued) return;
    this.profilesQueued = true;
    setImmediate(() => {
      this.profilesQueued = false;
      if (this.listeners.size > 0) this.emit('state:profiles', { profiles: this.profileViews() });
    });
  }

  close(): void {
    for (const undo of this.detach.splice(0)) undo();
    this.listeners.clear();
  }

  /** Validates and carries out one call. Rejects with CallError only. */
  async handle(name: string, rawArgs: unknown): Promise<CallResults[CallName]> {
    if (!isCallName(name)) throw new CallError('unknown-call', `There is no call named "${name}".`);
    const parsed = callSchemas[name].safeParse(rawArgs);
    if (!parsed.success) {
      throw new CallError(
        'invalid-payload',
        `The ${name} call was refused: its arguments are not valid.`,
      );
    }
    try {
      return await this.dispatch(name, parsed.data);
    } catch (err) {
      if (err instanceof CallError) throw err;
      if (err instanceof TunnelbarError) throw new CallError(err.word, err.message);
      // A bug: the page gets a sentence, the log the details (never a payload: it may hold a
      // secret, and an error of ours names none).
      this.opts.onInternalError?.(name, err);
      throw new CallError(
        'internal-error',
        'Tunnelbar failed to carry this out; its log says more.',
      );
    }
  }

  private async dispatch(name: CallName, args: unknown[]): Promise<CallResults[CallName]> {
    const { core, prompter, preferences } = this.opts;
    const arg = args[0] as Record<string, unknown> | undefined;
    switch (name) {
      case 'state:snapshot':
        return this.snapshot();
      case 'tunnel:connect': {
        const profile = findProfile(core.model, String(arg?.uuid));
        preferences.update((p) => ({
          ...p,
          lastUsed: { ...p.lastUsed, [profile.uuid]: Date.now() },
        }));
        // The tray's click, its menu's order and the window's Recent follow last use at once.
        this.emit('state:profiles', { profiles: this.profileViews() });
        await activate(core.bus, profile);
        return null;
      }
      case 'tunnel:disconnect':
        await deactivate(core.bus, core.model, findProfile(core.model, String(arg?.uuid)));
        return null;
      case 'profile:set-favourite': {
        const uuid = String(arg?.uuid);
        const favourite = arg?.favourite === true;
        preferences.update((p) => ({
          ...p,
          favourites: favourite
            ? [...new Set([...p.favourites, uuid])]
            : p.favourites.filter((u) => u !== uuid),
        }));
        this.emit('state:profiles', { profiles: this.profileViews() });
        return null;
      }
      case 'tunnel:diagnostics':
        return { lines: await this.opts.diagnostics(findProfile(core.model, String(arg?.uuid))) };
      case 'prompt:answer': {
        const { requestId, values, save } = arg as {
          requestId: string;
          values: Record<string, string>;
          save: boolean;
        };
        if (!prompter.answer(requestId, { values, save })) throw promptGone();
        return null;
      }
      case 'prompt:cancel':
        if (!prompter.answer(String(arg?.requestId), null)) throw promptGone();
        return null;
      case 'settings:get':
        return settingsView(preferences.get());
      case 'settings:set': {
        const { autostart, reconnect } = arg as { autostart?: boolean; reconnect?: boolean };
        if (autostart !== undefined) this.opts.setAutostart?.(autostart);
        return settingsView(
          preferences.update((p) => ({
            ...p,
            autostart: autostart ?? p.autostart,
            reconnect: reconnect ?? p.reconnect,
          })),
        );
      }
      case 'profile:set-reconnect': {
        const { uuid, reconnect } = arg as { uuid: string; reconnect: boolean | null };
        preferences.update((p) => ({
          ...p,
          reconnectProfiles:
            reconnect === null
              ? omitKey(p.reconnectProfiles, uuid)
              : { ...p.reconnectProfiles, [uuid]: reconnect },
        }));
        this.emit('state:profiles', { profiles: this.profileViews() });
        return null;
      }
      case 'profile:get':
      case 'profile:save':
      case 'profile:create':
      case 'profile:delete':
      case 'profile:base-connections':
        return editorCall(core, name, args);
      case 'lockdown:get':
      case 'lockdown:set':
      case 'dns:get':
      case 'dns:fix':
      case 'profile:set-dns':
        return privacyCall(core, name, args);
      case 'profiles:bulk':
      case 'profiles:import-files':
      case 'profiles:import-stop':
      case 'profile:export':
      case 'cert:store':
      case 'cert:inspect':
        return libraryCall(
          {
            core,
            home: this.opts.home ?? homedir(),
            chooseExportPath: this.opts.chooseExportPath,
            onImportProgress: (done, total) => {
              this.emit('import:progress', { done, total });
            },
            imports: this.imports,
          },
          name,
          args,
        );
    }
  }

  private snapshot(): SnapshotView {
    const { model } = this.opts.core;
    const tunnels: Record<string, TunnelStateView> = {};
    for (const profile of model.profiles()) {
      const state = model.tunnelState(profile.uuid);
      if (state.kind !== 'disconnected') tunnels[profile.uuid] = state;
    }
    return {
      nmRunning: model.nmRunning,
      profiles: this.profileViews(),
      tunnels,
      prompts: this.opts.prompter.open(),
      // The app core watches lockdown and puts its state in its own mirror.
      lockdown: 'unknown',
      lockdownLan: null,
    };
  }

  private profileViews(): SnapshotView['profiles'] {
    const prefs = this.opts.preferences.get();
    return this.opts.core.model.profiles().map((p) => profileView(p, prefs));
  }

  private emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}

function settingsView(prefs: Preferences): SettingsView {
  return { autostart: prefs.autostart, reconnect: prefs.reconnect };
}

function promptGone(): CallError {
  return new CallError(
    'prompt-gone',
    'This request is no longer open: NetworkManager withdrew it or it was answered.',
  );
}
