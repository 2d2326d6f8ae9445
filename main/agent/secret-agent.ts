import type { Message } from 'dbus-next';
import { isDBusError } from '../dbus/connection';
import type { NmBus } from '../nm/bus';
import type { SettingsDict } from '../nm/dbus-types';
import { readReferencedFile } from '../import/read-bounded';
import { describeUnknownError } from '../errors/tunnelbar-error';
import {
  AGENT_CAPABILITY_VPN_HINTS,
  AGENT_ERROR,
  GetSecretsFlags,
  IFACE,
  NM_AGENT_MANAGER_PATH,
  SECRET_AGENT_PATH,
} from '../nm/names';
import { carryOut } from './answer';
import { Restarts } from './restarts';
import type { Prompter } from './prompter';
import { deleteSecrets, saveSecrets } from './save-delete';
import { planSecrets } from './secret-plan';
import { NO_SECRET_STORE, type SecretStore } from './secret-store';
import { nmProfileRestarter, SecretHandover } from './openvpn-username';
import { pluginDirsFromEnv } from './vpn-plugins';

export interface SecretAgentOptions {
  /** Agent id for NetworkManager: 3-255 of [A-Za-z0-9_.-], one per user at a time. */
  identifier: string;
  /** Who asks the person; null when this process must not prompt (another agent may then answer). */
  prompter: Prompter | null;
  /** Where saved secrets are looked up and kept (the keyring); none when absent. */
  store?: SecretStore;
  pluginDirs?: string[];
  /** The openconnect program for OpenConnect logins (default `openconnect` on the PATH). */
  openconnect?: string;
  onWarning?: (text: string) => void;
}

/**
 * Whether a PEM key or PKCS#12 file is encrypted, the way NM-openvpn decides it. Asked on every
 * GetSecrets, so the file is read bounded: a FIFO or device there must not freeze the agent.
 */
export function isKeyFileEncrypted(path: string): boolean {
  try {
    if (/\.(p12|pfx)$/i.test(path)) return true;
    const text = readReferencedFile(path).toString('latin1');
    return text.includes('Proc-Type:') || text.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----');
  } catch {
    return false;
  }
}

/**
 * NetworkManager's SecretAgent, exported at /org/freedesktop/NetworkManager/SecretAgent on the
 * core's one connection. Registered with VPN hints for the life of the process, again after each
 * NetworkManager restart. Only NetworkManager may call it.
 */
export class SecretAgent {
  private readonly pending = new Map<string, AbortController>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Connection paths we answered during the current activation attempt. */
  private readonly answered = new Set<string>();
  /** Secrets typed for an attempt started again with a new user name (openvpn-username.ts). */
  private readonly handover = new SecretHandover();
  /** Profiles whose attempt is being started again (see restartOf). */
  private readonly restarts = new Restarts();
  private readonly restartListeners: ((uuid: string) => void)[] = [];
  private registered = false;
  private stopped = false;

  constructor(
    private readonly bus: NmBus,
    private readonly opts: SecretAgentOptions,
  ) {}

  async start(): Promise<void> {
    this.bus.addMethodHandler(this.onMethodCall);
    this.bus.on('nmOwner', this.onNmOwner);
    this.bus.on('signal', this.onSignal);
    // A lost bus is NetworkManager gone; a new connection needs registering again.
    this.bus.on('lost', this.onBusLost);
    this.bus.on('reconnected', this.onNmOwner);
    if (this.bus.nmOwner !== null) await this.register();
  }

  /** Unregisters, cancels open prompts and waits for their replies before the bus closes. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.bus.off('nmOwner', this.onNmOwner);
    this.bus.off('signal', this.onSignal);
    this.bus.off('lost', this.onBusLost);
    this.bus.off('reconnected', this.onNmOwner);
    for (const controller of this.pending.values()) controller.abort();
    await Promise.allSettled([...this.inFlight]);
    if (this.registered && this.bus.nmOwner !== null && !this.bus.isClosed) {
      try {
        await this.bus.call({
          path: NM_AGENT_MANAGER_PATH,
          iface: IFACE.agentManager,
          member: 'Unregister',
          timeoutMs: 2_000,
        });
      } catch {
        // NetworkManager drops agents whose connection closes anyway.
      }
    }
    this.registered = false;
    this.bus.removeMethodHandler(this.onMethodCall);
  }

  get isRegistered(): boolean {
    return this.registered;
  }

  private readonly onNmOwner = (owner: string | null): void => {
    this.registered = false;
    this.answered.clear();
    // Prompts for the NetworkManager that left can never be answered.
    for (const controller of this.pending.values()) controller.abort();
    if (owner !== null) void this.register();
  };

  private readonly onBusLost = (): void => {
    this.onNmOwner(null);
  };

  /**
   * A restarted NetworkManager owns its bus name a moment before it exports the AgentManager.
   * Registering then fails with UnknownObject; we register again when the object appears
   * (InterfacesAdded), not on a timer.
   */
  private readonly onSignal = (msg: Message): void => {
    if (this.registered || this.stopped || msg.member !== 'InterfacesAdded') return;
    const [path] = msg.body as [string];
    if (path === NM_AGENT_MANAGER_PATH) void this.register();
  };

  private async register(): Promise<void> {
    try {
      await this.bus.call({
        path: NM_AGENT_MANAGER_PATH,
        iface: IFACE.agentManager,
        member: 'RegisterWithCapabilities',
        signature: 'su',
        body: [this.opts.identifier, AGENT_CAPABILITY_VPN_HINTS],
      });
      this.registered = true;
    } catch (err) {
      if (isDBusError(err, 'org.freedesktop.DBus.Error.UnknownObject')) return;
      this.opts.onWarning?.(`Could not register as NetworkManager's secret agent: ${String(err)}`);
    }
  }

  private readonly onMethodCall = (msg: Message): boolean => {
    if (msg.path !== SECRET_AGENT_PATH || msg.interface !== IFACE.secretAgent) return false;
    if (this.bus.nmOwner === null || msg.sender !== this.bus.nmOwner) {
      this.bus.replyError(
        msg,
        AGENT_ERROR.permissionDenied,
        'Only NetworkManager may call this agent.',
      );
      return true;
    }
    switch (msg.member) {
      case 'GetSecrets':
        this.track(this.getSecrets(msg));
        return true;
      case 'CancelGetSecrets': {
        const [path, setting] = msg.body as [string, string];
        this.pending.get(`${path}\0${setting}`)?.abort();
        this.bus.reply(msg);
        return true;
      }
      case 'SaveSecrets':
        // On failure NetworkManager offers them to the next agent.
        this.track(this.storeCall(msg, saveSecrets, 'Saving the secrets failed.'));
        return true;
      case 'DeleteSecrets':
        // Sent when a profile is deleted (path: the Settings object) or its secrets cleared.
        this.track(this.storeCall(msg, deleteSecrets, 'Removing the saved secrets failed.'));
        return true;
      default:
        return false;
    }
  };

  private get store(): SecretStore {
    return this.opts.store ?? NO_SECRET_STORE;
  }

  private async storeCall(
    msg: Message,
    work: (connection: SettingsDict, store: SecretStore) => Promise<void>,
    failure: string,
  ): Promise<void> {
    const [connection] = msg.body as [SettingsDict, string];
    try {
      await work(connection, this.store);
      this.bus.reply(msg);
    } catch (err) {
      this.opts.onWarning?.(describeUnknownError(err));
      this.bus.replyError(msg, AGENT_ERROR.failed, failure);
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async getSecrets(msg: Message): Promise<void> {
    const [connection, path, settingName, hints, flags] = msg.body as [
      SettingsDict,
      string,
      string,
      string[],
      number,
    ];
    const key = `${path}\0${settingName}`;
    this.pending.get(key)?.abort(); // a newer request for the same secrets replaces the old one
    const controller = new AbortController();
    this.pending.set(key, controller);
    try {
      // Every activation starts with requests that carry no hints: a new attempt.
      if (hints.length === 0 && (flags & GetSecretsFlags.requestNew) === 0)
        this.answered.delete(path);
      const plan = planSecrets({
        connection,
        settingName,
        hints,
        flags,
        answeredBefore: this.answered.has(path),
        isKeyEncrypted: isKeyFileEncrypted,
      });
      const outcome = await carryOut(
        plan,
        { connection, path, settingName, hints, flags, signal: controller.signal },
        {
          prompter: this.opts.prompter,
          store: this.store,
          pluginDirs: this.opts.pluginDirs ?? pluginDirsFromEnv(),
          restarter: nmProfileRestarter(this.bus),
          handover: this.handover,
          ...(this.opts.openconnect === undefined ? {} : { openconnect: this.opts.openconnect }),
        },
      );
      if (controller.signal.aborted) {
        this.bus.replyError(msg, AGENT_ERROR.agentCanceled, 'The request was cancelled.');
      } else if ('secrets' in outcome) {
        // Answered in this attempt: asked again, that answer (typed or saved) was rejected.
        this.answered.add(path);
        this.bus.reply(msg, 'a{sa{sv}}', [outcome.secrets]);
        if (outcome.afterReply) this.track(this.afterReply(outcome.afterReply));
      } else {
        if (outcome.notice !== undefined) this.opts.onWarning?.(outcome.notice);
        const restart = outcome.restart;
        // Known before the reply: whoever waits for this attempt learns that another follows.
        const run = restart && this.restarts.register(restart, this.opts.onWarning);
        if (restart) for (const listener of this.restartListeners) listener(restart.uuid);
        this.bus.replyError(msg, outcome.error, outcome.text);
        if (run) this.track(run());
      }
    } catch (err) {
      this.opts.onWarning?.(`Answering NetworkManager's secret request failed: ${String(err)}`);
      this.bus.replyError(msg, AGENT_ERROR.failed, 'Tunnelbar could not ask for the secrets.');
    } finally {
      if (this.pending.get(key) === controller) this.pending.delete(key);
    }
  }

  /**
   * Whether a new attempt of the profile is being started (a new OpenVPN user name written into
   * it): resolves true once NetworkManager took it, false when it could not be started. Undefined
   * when none is. Taken once.
   */
  restartOf(uuid: string): Promise<boolean> | undefined {
    return this.restarts.take(uuid);
  }

  /**
   * Calls `listener` with the profile's uuid each time the agent ends an attempt to start it
   * again, before NetworkManager hears the answer: the app then does not announce the ending
   * attempt as a failure, nor reconnect it.
   */
  onRestart(listener: (uuid: string) => void): void {
    this.restartListeners.push(listener);
  }

  private async afterReply(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.opts.onWarning?.(describeUnknownError(err));
    }
  }
}
