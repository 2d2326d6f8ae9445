import { randomUUID } from 'node:crypto';
import type { PromptAnswer, PromptReason, PromptRequest, Prompter } from '../prompter';
import type { SecretStore } from '../secret-store';
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

export type StepReply = { kind: 'write'; line: string } | { kind: 'cancel' } | { kind: 'wait' };

const NOT_SECRET = /user|name|login|e-?mail|group|realm|domain/i;
const ONE_TIME = /code|one.?time|otp|token|passcode|verification|\bpin\b/i;

export class LoginSteps {
  /** Labels already answered in this login: asked again, the answer was rejected. */
  private readonly answered = new Set<string>();
  /** Keys whose answer came from the keyring: rejected, the person types a new one. */
  private readonly fromKeyring = new Set<string>();
  private readonly keep: Record<string, string> = {};
  private browser: AbortController | null = null;

  constructor(
    private readonly profile: LoginProfile,
    private readonly prompter: Prompter,
    private readonly store: SecretStore,
    private readonly signal: AbortSignal,
    /** Called when the person cancels the browser wait. */
    private readonly onBrowserCancel: () => void,
  ) {}

  /** What to save in the keyring once NetworkManager has its answer. */
  toSave(): Record<string, string> {
    return { ...this.keep };
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

  private async saved(key: string): Promise<string | undefined> {
    const found = await this.store.lookup(this.profile.uuid, 'vpn', [key], this.signal);
    return found[key];
  }

  private async certificate(step: Extract<OcStep, { kind: 'certificate' }>): Promise<StepReply> {
    const key = `certificate:${step.host}:${String(this.profile.port)}`;
    const pinned = this.profile.secrets[key] ?? (await this.saved(key));
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

  private async field(step: Extract<OcStep, { kind: 'field' }>): Promise<StepReply> {
    const key = `form:${step.label}`;
    const options = step.options;
    const secret = options === null && !NOT_SECRET.test(step.label);
    const oneTime = secret && ONE_TIME.test(step.label);
    const again = this.answered.has(step.label);
    this.answered.add(step.label);
    const saved = oneTime || (again && secret) ? undefined : await this.saved(key);
    if (secret && saved !== undefined) {
      this.fromKeyring.add(key);
      return { kind: 'write', line: saved };
    }
    const reason: PromptReason = again ? 'rejected' : oneTime ? 'challenge' : 'initial';
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
        ...(canSave && again && this.fromKeyring.has(key) ? { saveChecked: true } : {}),
      }),
      this.signal,
    );
    const value = answer?.values[key];
    if (answer === null || value === undefined) return { kind: 'cancel' };
    // A user name or group is kept like the plugin keeps its form entries; a secret only when asked.
    if (!secret || (canSave && answer.save)) this.keep[key] = value;
    else Reflect.deleteProperty(this.keep, key);
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
      message: 'Log in in the browser window that opened. Tunnelbar waits for the login to finish.',
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
