import { randomUUID } from 'node:crypto';
import { agentStrings as t } from '../agent-strings';
import type { PromptAnswer, PromptReason, PromptRequest, Prompter } from '../prompter';
import { OPENCONNECT_FORM_SETTING, type SecretStore } from '../secret-store';
import type { OcStep } from './transcript';

/**
 * Turns each step of an openconnect login into a prompt (or a saved answer) and the line to
 * write back. openconnect's CLI does not say whether a field is hidden, so its label decides:
 * anything not named like a user name or group is treated as a secret (hiding a user name costs
 * less than showing a password).
 */

export interface LoginProfile {
  uuid: string;
  id: string;
  /** The gateway's port: accepted certificates are kept per host and port, as the plugin does. */
  port: number;
  /** `vpn.secrets` NetworkManager sent (a `certificate:host:port` pin the plugin's dialog kept). */
  secrets: Record<string, string>;
}

/**
 * `retry`: the server rejected an answer; the login starts over with a new openconnect (ocserv,
 * for one, refuses every later password of a session once one was wrong).
 */
export type StepReply =
  { kind: 'write'; line: string } | { kind: 'cancel' } | { kind: 'wait' } | { kind: 'retry' };

type FieldStep = Extract<OcStep, { kind: 'field' }>;

const NOT_SECRET = /user|name|login|e-?mail|group|realm|domain/i;
const ONE_TIME = /code|one.?time|otp|token|passcode|verification|\bpin\b/i;
/** A form message saying the previous answer was wrong. */
const FAILED = /fail|incorrect|invalid|denied|wrong/i;

export class LoginSteps {
  /** How often each label was asked in this login: a step is `label#n` (ocserv asks "Password" twice). */
  private readonly asked = new Map<string, number>();
  /** Keys whose answer came from the keyring: rejected, the person types a new one. */
  private readonly fromKeyring = new Set<string>();
  private readonly keep: Record<string, string> = {};
  /** Passwords to keep in the plugin's own schema (keyed `form:<form id>:<field name>`). */
  private readonly keepForPlugin: Record<string, string> = {};
  /** User names and choices under the plugin's keys, handed to NetworkManager as its dialog does. */
  private readonly forNm: Record<string, string> = {};
  /** This attempt's typed values by step, and the previous attempt's (refilled, but the rejected one). */
  private typed = new Map<string, string>();
  private previous = new Map<string, string>();
  private rejected: string | null = null;
  private browser: AbortController | null = null;
  /** The last step answered, and whether it was a one-time code. */
  private last: { step: string; oneTime: boolean } | null = null;

  constructor(
    private readonly profile: LoginProfile,
    private readonly prompter: Prompter,
    private readonly store: SecretStore,
    private readonly signal: AbortSignal,
  ) {}

  /** Called when the person cancels the browser wait (set by each attempt). */
  onBrowserCancel: () => void = () => undefined;

  /** What to save in the keyring once NetworkManager has its answer, by setting name. */
  toSave(): Record<string, Record<string, string>> {
    return { vpn: { ...this.keep }, [OPENCONNECT_FORM_SETTING]: { ...this.keepForPlugin } };
  }

  /**
   * The form entries NetworkManager-openconnect's dialog returns with the cookie
   * (`form:<form id>:<field name>`, user names and choices, never a password): NetworkManager
   * keeps them with the profile, where that dialog finds them next time, and so does Tunnelbar.
   */
  formEntries(): Record<string, string> {
    return { ...this.forNm };
  }

  /** Starts over after `step` was rejected: known answers are given again, that one is asked. */
  newAttempt(step: string): void {
    this.rejected = step;
    this.previous = this.typed;
    this.typed = new Map();
    this.asked.clear();
    this.last = null;
  }

  /** The step (`label#n`) that asked for a retry. */
  lastRejected: string | null = null;

  /**
   * openconnect failed right after a one-time code was answered: ocserv ends the session with
   * "401 Authentication failed" on a wrong code, so the login starts over and asks the code again
   * (the other answers are given again by themselves). Returns false when no code was the last.
   */
  codeRejected(): boolean {
    if (this.last?.oneTime !== true) return false;
    this.lastRejected = this.last.step;
    return true;
  }

  /** Withdraws the browser message (the login moved on or ended). */
  endBrowserWait(): void {
    this.browser?.abort();
    this.browser = null;
  }

  async reply(step: OcStep): Promise<StepReply> {
    this.endBrowserWait();
    switch (step.kind) {
      case 'certificate':
        return this.certificate(step);
      case 'field':
        return this.field(step);
      case 'browser':
        this.waitForBrowser();
        return { kind: 'wait' };
    }
  }

  private request(over: Partial<PromptRequest> & Pick<PromptRequest, 'reason'>): PromptRequest {
    return {
      id: randomUUID(),
      connectionUuid: this.profile.uuid,
      connectionId: this.profile.id,
      vpnType: 'openconnect',
      title: `Log in to ${this.profile.id}`,
      message: '',
      fields: [],
      canSave: false,
      ...over,
    };
  }

  /** The first of `keys` the keyring holds. */
  private async saved(setting: string, ...keys: string[]): Promise<string | undefined> {
    const found = await this.store.lookup(this.profile.uuid, setting, keys, this.signal);
    for (const key of keys) if (found[key] !== undefined) return found[key];
    return undefined;
  }

  /**
   * A field's saved answer: what the plugin's dialog left with NetworkManager under its key, a
   * password in the keyring where that dialog keeps it, else the keyring under the key or (saved
   * by an older Tunnelbar) under `form:<label>`. A choice is saved by its name, asked by its label.
   */
  private async savedAnswer(step: FieldStep, key: string): Promise<string | undefined> {
    const legacy = `form:${step.label}`;
    const forPlugin =
      step.plugin === null ? undefined : await this.saved(OPENCONNECT_FORM_SETTING, key);
    const value =
      this.profile.secrets[key] ??
      forPlugin ??
      (await this.saved('vpn', ...new Set([key, legacy])));
    if (value === undefined) return undefined;
    const choices = Object.entries(step.plugin?.choices ?? {});
    return choices.find(([, name]) => name === value)?.[0] ?? value;
  }

  private async certificate(step: Extract<OcStep, { kind: 'certificate' }>): Promise<StepReply> {
    const key = `certificate:${step.host}:${String(this.profile.port)}`;
    const pinned = this.keep[key] ?? this.profile.secrets[key] ?? (await this.saved('vpn', key));
    // A pin of this very key, accepted before: the plugin accepts it the same way.
    if (step.fingerprint !== '' && pinned === step.fingerprint) return yes();
    const answer = await this.prompter.prompt(
      this.request({
        reason: 'certificate',
        message: `The certificate of ${step.host} is not trusted: ${step.reason}.`,
        certificate: { host: step.host, reason: step.reason, fingerprint: step.fingerprint },
      }),
      this.signal,
    );
    if (answer === null) return { kind: 'cancel' };
    this.keep[key] = step.fingerprint;
    return yes();
  }

  private async field(step: FieldStep): Promise<StepReply> {
    const key = step.plugin?.key ?? `form:${step.label}`;
    const options = step.options;
    const secret = options === null && !NOT_SECRET.test(step.label);
    const count = (this.asked.get(step.label) ?? 0) + 1;
    const id = `${step.label}#${String(count)}`;
    const again = count > 1;
    if (again && FAILED.test(step.message)) {
      this.lastRejected = `${step.label}#${String(count - 1)}`;
      return { kind: 'retry' };
    }
    this.asked.set(step.label, count);
    // The same label again without a failure is a further question (ocserv's OTP: "Password:").
    const oneTime = secret && (again || ONE_TIME.test(step.label));
    this.last = { step: id, oneTime };
    const wasRejected = this.rejected === id;
    const before = this.previous.get(id);
    if (before !== undefined && !wasRejected && !oneTime) return this.write(id, before);
    const saved = oneTime || wasRejected ? undefined : await this.savedAnswer(step, key);
    if (secret && saved !== undefined) {
      this.fromKeyring.add(key);
      return this.write(id, saved);
    }
    const reason: PromptReason = wasRejected ? 'rejected' : oneTime ? 'challenge' : 'initial';
    const canSave = secret && !oneTime && (await this.store.available());
    const answer: PromptAnswer | null = await this.prompter.prompt(
      this.request({
        reason,
        message: step.message,
        fields: [
          {
            key,
            label: step.label,
            secret,
            ...(options !== null ? { options } : {}),
            ...(!secret && saved !== undefined ? { initial: saved } : {}),
          },
        ],
        canSave,
        ...(canSave && wasRejected && this.fromKeyring.has(key) ? { saveChecked: true } : {}),
      }),
      this.signal,
    );
    const value = answer?.values[key];
    if (answer === null || value === undefined) return { kind: 'cancel' };
    // A user name or group is kept like the plugin keeps its form entries; a secret only when
    // asked. A one-time code leaves the keyring alone (it shares ocserv's "Password" label).
    const stored = step.plugin?.choices[value] ?? value;
    // A password of a named form goes where the plugin's dialog keeps passwords.
    const keep = secret && step.plugin !== null ? this.keepForPlugin : this.keep;
    if (!secret || (canSave && answer.save)) keep[key] = stored;
    else if (!oneTime) Reflect.deleteProperty(keep, key);
    if (!secret && step.plugin !== null) this.forNm[key] = stored;
    return this.write(id, value);
  }

  private write(step: string, value: string): StepReply {
    this.typed.set(step, value);
    return { kind: 'write', line: value };
  }

  private waitForBrowser(): void {
    const controller = new AbortController();
    this.browser = controller;
    const cancel = (): void => {
      controller.abort();
    };
    this.signal.addEventListener('abort', cancel, { once: true });
    const request = this.request({
      reason: 'browser',
      message: t.openconnect.browserWait,
    });
    void this.prompter.prompt(request, controller.signal).then(() => {
      this.signal.removeEventListener('abort', cancel);
      // Withdrawn by us: the login went on. Otherwise the person cancelled.
      if (!controller.signal.aborted) this.onBrowserCancel();
    });
  }
}

function yes(): StepReply {
  return { kind: 'write', line: 'yes' };
}
