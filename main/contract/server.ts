import { homedir } from 'node:os';
import {
  isCallName,
  parseCallArgs,
  type CallName,
  type CallResults,
  type EventName,
  type EventPayloads,
  type SnapshotView,
  type TunnelStateView,
} from '../../preload/contract';
import type { Core } from '../core';
import { editorCalls } from './editor-calls';
import { libraryCalls } from './library-calls';
import { TunnelbarError } from '../errors/tunnelbar-error';
import type { BusLink } from '../nm/model';
import type { Profile } from '../nm/profile';
import { runCall, type CallHandlers } from './call-handlers';
import type { GuiPrompter } from './gui-prompter';
import type { PreferencesStore } from './preferences';
import { privacyCalls } from './privacy-calls';
import { settingsCalls } from './settings-calls';
import { tunnelCalls } from './tunnel-calls';
import { profileView } from './views';

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
  /** Every call's handler: the areas' partial maps, merged; a call left out does not compile. */
  private readonly handlers: CallHandlers;

  constructor(private readonly opts: ContractServerOptions) {
    const { core, prompter, preferences } = opts;
    const profilesChanged = (): void => {
      this.emit('state:profiles', { profiles: this.profileViews() });
    };
    this.handlers = {
      ...tunnelCalls({
        core,
        prompter,
        preferences,
        diagnostics: opts.diagnostics,
        snapshot: () => this.snapshot(),
        profilesChanged,
      }),
      ...settingsCalls({ preferences, setAutostart: opts.setAutostart, profilesChanged }),
      ...editorCalls(core),
      ...libraryCalls({
        core,
        home: opts.home ?? homedir(),
        chooseExportPath: opts.chooseExportPath,
        onImportProgress: (done, total) => {
          this.emit('import:progress', { done, total });
        },
        imports: this.imports,
      }),
      ...privacyCalls(core),
    };
    const { model } = core;
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

  /** Validates and carries out one call. Rejects with TunnelbarError only. */
  async handle(name: string, rawArgs: unknown): Promise<CallResults[CallName]> {
    if (!isCallName(name)) {
      throw new TunnelbarError('unknown-call', `There is no call named "${name}".`);
    }
    const args = parseCallArgs(name, rawArgs);
    if (args === undefined) {
      throw new TunnelbarError(
        'invalid-payload',
        `The ${name} call was refused: its arguments are not valid.`,
      );
    }
    try {
      return await runCall(this.handlers, name, args);
    } catch (err) {
      if (err instanceof TunnelbarError) throw err;
      // A bug: the page gets a sentence, the log the details (never a payload: it may hold a
      // secret, and an error of ours names none).
      this.opts.onInternalError?.(name, err);
      throw new TunnelbarError(
        'internal-error',
        'Tunnelbar failed to carry this out; its log says more.',
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
