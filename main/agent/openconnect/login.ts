import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringMapProp, stringProp, type SettingsDict } from '../../nm/dbus-types';
import { AGENT_ERROR, SecretFlags } from '../../nm/names';
import { agentStrings as t } from '../agent-strings';
import type { Outcome } from '../answer';
import type { Prompter } from '../prompter';
import { buildSecretsReply } from '../secret-reply';
import type { SecretStore } from '../secret-store';
import { vpnSecretFlags } from '../secret-flags';
import { gatewayUrl, openconnectArgs } from './args';
import { LoginSteps, type LoginProfile, type StepReply } from './login-steps';
import { advancedToken, TOKEN_KEY, tokenSecret, type TokenSecret } from './token';
import { BROWSER_MARKER, parseAuthOutput, Transcript, type AuthResult } from './transcript';

/**
 * Logs in to an OpenConnect VPN with the `openconnect` program (`--authenticate`), each step in
 * Tunnelbar's own prompt, and answers NetworkManager with the secrets NetworkManager-openconnect
 * connects with: `cookie`, `gateway`, `gwcert` (and `resolve` when the profile will not keep it). What openconnect prints on
 * stdout (the cookie) is only ever parsed, never logged or put in an error.
 */

export interface LoginContext {
  connection: SettingsDict;
  signal: AbortSignal;
}

export interface LoginOptions {
  prompter: Prompter;
  store: SecretStore;
  /** The openconnect program. */
  command: string;
  /** What opens a web login's URL (default `xdg-open`, the desktop's browser). */
  browser?: string;
}

/** openconnect prints a choice's label in pieces: a step is read once output pauses this long. */
const SETTLE_MS = 60;

/** Logins started over after a rejected answer, at most (the person can still cancel each). */
const MAX_ATTEMPTS = 4;

const CANCELLED: Outcome = { error: AGENT_ERROR.agentCanceled, text: 'The request was cancelled.' };

/**
 * A login that ended without a cookie. The reason is also a notice: NetworkManager only reports
 * "no secrets", and the person should read why (refused, openconnect's own last words).
 */
function failed(text: string): Outcome {
  return { error: AGENT_ERROR.noSecrets, text, notice: text };
}

/** Single-quotes a value for sh. */
function shq(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The files openconnect is given, in a private folder (mode 0700) removed after the login. */
function writeFiles(dir: string, browser: string, tokenSecret: string | undefined) {
  const files = { browser: join(dir, 'browser'), tokenFile: join(dir, 'token') };
  // openconnect's stderr is inherited: the line tells the login a web page opened.
  const script = `#!/bin/sh\nprintf '%s\\n' ${shq(BROWSER_MARKER)} >&2\nexec ${shq(browser)} "$1"\n`;
  writeFileSync(files.browser, script, { mode: 0o700 });
  if (tokenSecret !== undefined) writeFileSync(files.tokenFile, tokenSecret, { mode: 0o600 });
  return files;
}

/**
 * Whether NetworkManager would keep a secret of this profile: it writes every secret an agent
 * returns into the profile on disk unless its flags say agent-owned (1) or not saved (2).
 */
function keptInProfile(data: Record<string, string>, key: string): boolean {
  return (vpnSecretFlags(data, key) & (SecretFlags.agentOwned | SecretFlags.notSaved)) === 0;
}

function secretsFor(
  result: AuthResult,
  host: string,
  port: number,
  data: Record<string, string>,
): Record<string, string> {
  const secrets: Record<string, string> = {
    cookie: result.cookie,
    // The plugin connects to the URL the login ended at; a bare host would mean port 443.
    gateway: result.connectUrl ?? `${result.host || host}:${String(port)}`,
    gwcert: result.fingerprint,
  };
  // `resolve` (host:address, for openconnect's --resolve) is one login's, like the cookie. The
  // plugin's editor marks it not saved (`resolve-flags=2`); on a profile that does not, NetworkManager
  // would write it into the profile and pin the gateway to that address for good. It is optional:
  // without it the plugin's openconnect resolves the gateway itself.
  if (result.resolve !== null && result.resolve !== '' && !keptInProfile(data, 'resolve'))
    secrets.resolve = result.resolve;
  return secrets;
}

export async function openconnectLogin(ctx: LoginContext, opts: LoginOptions): Promise<Outcome> {
  const data = stringMapProp(ctx.connection.vpn, 'data');
  const nmSecrets = stringMapProp(ctx.connection.vpn, 'secrets');
  const uuid = stringProp(ctx.connection.connection, 'uuid') ?? '';
  const id = stringProp(ctx.connection.connection, 'id') ?? uuid;
  if ((data.gateway ?? '') === '')
    return { error: AGENT_ERROR.noSecrets, text: `${id} has no gateway to log in to.` };
  const { port } = gatewayUrl(data.gateway ?? '');
  const token = await tokenSecret(data, nmSecrets, {
    store: opts.store,
    uuid,
    signal: ctx.signal,
  });
  const dir = mkdtempSync(join(tmpdir(), 'tunnelbar-openconnect-'));
  try {
    const files = writeFiles(dir, opts.browser ?? 'xdg-open', token.value ?? undefined);
    const args = openconnectArgs(data, files);
    const profile = { uuid, id, port, secrets: nmSecrets };
    const steps = new LoginSteps(profile, opts.prompter, opts.store, ctx.signal);
    const run = { args, data, token, tokenFile: files.tokenFile };
    for (let attempt = 1; ; attempt++) {
      const outcome = await drive(opts, run, ctx.signal, profile, steps);
      if (outcome !== 'retry') return outcome;
      if (attempt >= MAX_ATTEMPTS) return failed(t.openconnect.refused(id));
      steps.newAttempt(steps.lastRejected ?? '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Read after awaits, where a plain `signal.aborted` would look narrowed to false. */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

/** One login's command line, and the token file openconnect may move an HOTP counter in. */
interface LoginRun {
  args: string[];
  /** The profile's vpn.data: the secrets' flags. */
  data: Record<string, string>;
  token: TokenSecret;
  tokenFile: string;
}

/**
 * The secrets for NetworkManager, the form entries and the new HOTP token among them (as the
 * plugin's dialog hands them), and what to keep in the keyring: the token too when the keyring is
 * where it lives.
 */
function answerFor(
  result: AuthResult,
  run: LoginRun,
  where: { host: string; port: number },
  steps: LoginSteps,
): { secrets: Record<string, string>; toSave: Record<string, Record<string, string>> } {
  const secrets = {
    ...steps.formEntries(),
    ...secretsFor(result, where.host, where.port, run.data),
  };
  const toSave = steps.toSave();
  const given = run.token.value;
  const advanced = given === null ? null : advancedToken(run.tokenFile, given);
  if (advanced === null) return { secrets, toSave };
  return {
    secrets: { ...secrets, [TOKEN_KEY]: advanced },
    toSave: run.token.agentOwned
      ? { ...toSave, vpn: { ...toSave.vpn, [TOKEN_KEY]: advanced } }
      : toSave,
  };
}

async function drive(
  opts: LoginOptions,
  run: LoginRun,
  signal: AbortSignal,
  profile: LoginProfile,
  steps: LoginSteps,
): Promise<Outcome | 'retry'> {
  if (signal.aborted) return CANCELLED;
  // English output: the transcript reads openconnect's own sentences.
  const args = run.args;
  const child = spawn(opts.command, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });
  // Set from callbacks: an object, so the reads after the await are not narrowed to false.
  const state = { userCancelled: false, retry: false };
  const stop = (): void => {
    child.kill('SIGTERM');
  };
  steps.onBrowserCancel = () => {
    state.userCancelled = true;
    stop();
  };
  signal.addEventListener('abort', stop, { once: true });
  const transcript = new Transcript();
  let stdout = '';
  let busy = false;
  let timer: NodeJS.Timeout | undefined;

  const act = (reply: StepReply): void => {
    switch (reply.kind) {
      case 'write':
        child.stdin.write(`${reply.line}\n`);
        return;
      case 'cancel':
        state.userCancelled = true;
        stop();
        return;
      case 'wait':
        return;
      case 'retry':
        state.retry = true;
        stop();
        return;
    }
  };
  const check = (): void => {
    if (busy) return;
    const step = transcript.pending();
    if (step === null) return;
    transcript.answered();
    busy = true;
    steps.reply(step).then(
      (reply) => {
        busy = false;
        act(reply);
        schedule();
      },
      () => {
        busy = false;
        state.userCancelled = true;
        stop();
      },
    );
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(check, SETTLE_MS);
  };
  child.stdin.on('error', () => undefined); // openconnect may exit before reading an answer
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    transcript.push(chunk);
    schedule();
  });
  const exit = await new Promise<number | 'missing' | null>((resolve) => {
    child.on('error', (err: NodeJS.ErrnoException) => {
      resolve(err.code === 'ENOENT' ? 'missing' : null);
    });
    child.on('close', (code) => {
      resolve(code);
    });
  });
  clearTimeout(timer);
  signal.removeEventListener('abort', stop);
  steps.endBrowserWait();
  if (isAborted(signal)) return CANCELLED;
  if (state.userCancelled) return { error: AGENT_ERROR.userCanceled, text: 'The user cancelled.' };
  if (state.retry) return 'retry';
  if (exit !== 0 && exit !== 'missing' && steps.codeRejected()) return 'retry';
  if (exit === 'missing') return failed(t.openconnect.missing);
  const result = exit === 0 ? parseAuthOutput(stdout) : null;
  if (result === null) {
    const why = transcript.failure();
    return failed(t.openconnect.failed(profile.id, why));
  }
  const host = new URL(gatewayUrl(args[args.length - 1] ?? '').url).hostname;
  const answer = answerFor(result, run, { host, port: profile.port }, steps);
  const secrets = buildSecretsReply('vpn', answer.secrets);
  const toSave = Object.entries(answer.toSave).filter(([, values]) => Object.keys(values).length);
  if (toSave.length === 0) return { secrets };
  const stored = { uuid: profile.uuid, id: profile.id, vpnType: 'openconnect' };
  return {
    secrets,
    afterReply: async () => {
      if (!(await opts.store.available())) return;
      for (const [setting, values] of toSave) await opts.store.save(stored, setting, values);
    },
  };
}
