import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DBusError, type Message } from 'dbus-next';
import type { NmBus } from '../nm/bus';
import { stringProp, type SettingsDict } from '../nm/dbus-types';
import {
  AGENT_CAPABILITY_VPN_HINTS,
  AGENT_ERROR,
  GetSecretsFlags,
  IFACE,
  NM_AGENT_MANAGER_PATH,
  SECRET_AGENT_PATH,
} from '../nm/names';
import { pluginShortName } from '../nm/profile';
import { runAuthDialog } from './auth-dialog';
import type { PromptRequest, Prompter } from './prompter';
import { buildSecretsReply, nothingNeededReply } from './secret-reply';
import { planSecrets, type SecretPlan } from './secret-plan';
import { DEFAULT_PLUGIN_DIRS, findVpnPlugin } from './vpn-plugins';

export interface SecretAgentOptions {
  /** Agent id for NetworkManager: 3-255 of [A-Za-z0-9_.-], one per user at a time. */
  identifier: string;
  /** Who asks the person; null when this process must not prompt (another agent may then answer). */
  prompter: Prompter | null;
  pluginDirs?: string[];
  onWarning?: (text: string) => void;
}

/** A reply to NetworkManager: secrets, or a SecretAgent error. */
type Outcome = { secrets: SettingsDict } | { error: string; text: string };

/** Whether a PEM key or PKCS#12 file is encrypted, the way NM-openvpn decides it. */
export function isKeyFileEncrypted(path: string): boolean {
  try {
    if (/\.(p12|pfx)$/i.test(path)) return true;
    const text = readFileSync(path, 'latin1');
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
    if (this.bus.nmOwner !== null) await this.register();
  }

  /** Unregisters, cancels open prompts and waits for their replies before the bus closes. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.bus.off('nmOwner', this.onNmOwner);
    this.bus.off('signal', this.onSignal);
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
      if (err instanceof DBusError && err.type === 'org.freedesktop.DBus.Error.UnknownObject')
        return;
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
        // Nothing here stores secrets yet: say so, and NetworkManager offers them to the next agent.
        this.bus.replyError(msg, AGENT_ERROR.failed, 'Tunnelbar has no secret storage.');
        return true;
      case 'DeleteSecrets':
        // Nothing stored, so nothing to delete: that is a success.
        this.bus.reply(msg);
        return true;
      default:
        return false;
    }
  };

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
      const outcome = await this.carryOut(
        plan,
        connection,
        settingName,
        hints,
        flags,
        controller.signal,
      );
      if (controller.signal.aborted) {
        this.bus.replyError(msg, AGENT_ERROR.agentCanceled, 'The request was cancelled.');
      } else if ('secrets' in outcome) {
        this.answered.add(path);
        this.bus.reply(msg, 'a{sa{sv}}', [outcome.secrets]);
      } else {
        this.bus.replyError(msg, outcome.error, outcome.text);
      }
    } catch (err) {
      this.opts.onWarning?.(`Answering NetworkManager's secret request failed: ${String(err)}`);
      this.bus.replyError(msg, AGENT_ERROR.failed, 'Tunnelbar could not ask for the secrets.');
    } finally {
      if (this.pending.get(key) === controller) this.pending.delete(key);
    }
  }

  private async carryOut(
    plan: SecretPlan,
    connection: SettingsDict,
    settingName: string,
    hints: string[],
    flags: number,
    signal: AbortSignal,
  ): Promise<Outcome> {
    switch (plan.kind) {
      case 'no-secrets':
        return { error: AGENT_ERROR.noSecrets, text: `No secrets: ${plan.why}.` };
      case 'nothing-needed':
        return { secrets: nothingNeededReply(settingName) };
      case 'ask':
        return this.ask({ ...plan.request, id: randomUUID() }, settingName, {}, signal);
      case 'auth-dialog': {
        const plugin = findVpnPlugin(plan.serviceType, this.opts.pluginDirs ?? DEFAULT_PLUGIN_DIRS);
        if (plugin === null) {
          return {
            error: AGENT_ERROR.noSecrets,
            text: `The VPN plugin ${plan.serviceType} is not installed.`,
          };
        }
        const outcome = await runAuthDialog(plugin, connection, hints, flags, signal);
        if (outcome.kind === 'nothing-needed') return { secrets: nothingNeededReply(settingName) };
        if (outcome.fields.length === 0)
          return { secrets: buildSecretsReply(settingName, outcome.known) };
        const request: PromptRequest = {
          id: randomUUID(),
          connectionUuid: stringProp(connection.connection, 'uuid') ?? '',
          connectionId: stringProp(connection.connection, 'id') ?? plan.serviceType,
          vpnType: pluginShortName(plan.serviceType),
          title: outcome.title,
          message: outcome.message,
          reason: 'initial',
          fields: outcome.fields,
          canSave: true,
        };
        return this.ask(request, settingName, outcome.known, signal);
      }
    }
  }

  private async ask(
    request: PromptRequest,
    settingName: string,
    known: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Outcome> {
    if (this.opts.prompter === null) {
      return { error: AGENT_ERROR.noSecrets, text: 'This Tunnelbar process may not prompt.' };
    }
    // Nothing stores secrets yet (the keyring is to come): offering "Save password" would be a lie.
    const answer = await this.opts.prompter.prompt({ ...request, canSave: false }, signal);
    if (signal.aborted)
      return { error: AGENT_ERROR.agentCanceled, text: 'The request was cancelled.' };
    if (answer === null) return { error: AGENT_ERROR.userCanceled, text: 'The user cancelled.' };
    return { secrets: buildSecretsReply(settingName, { ...known, ...answer.values }) };
  }
}
