import { randomUUID } from 'node:crypto';
import { stringProp, type SettingsDict } from '../nm/dbus-types';
import { AGENT_ERROR } from '../nm/names';
import { pluginShortName } from '../nm/profile';
import { runAuthDialog, type DialogRequest } from './auth-dialog';
import { openconnectLogin } from './openconnect/login';
import { newUserName, type ProfileRestarter, type SecretHandover } from './openvpn-username';
import type { PromptRequest, Prompter } from './prompter';
import { agentOwnedKeys, agentOwnedValues } from './secret-flags';
import { secretValuesOnly, type SecretPlan } from './secret-plan';
import { buildSecretsReply, nothingNeededReply } from './secret-reply';
import type { SecretStore, StoredProfile } from './secret-store';
import { dialogMode } from './plugin-gui';
import { findVpnPlugin, type VpnPluginInfo } from './vpn-plugins';
import { runWindowedDialog } from './windowed-dialog';

/**
 * Carries out a SecretPlan: answers from the keyring, prompts, and says what to save once the
 * reply is sent (NetworkManager should not wait for the keyring).
 */

/** A reply to NetworkManager: secrets (and maybe work to do after replying), or an error. */
export type Outcome =
  | { secrets: SettingsDict; afterReply?: () => Promise<void> }
  /** `notice`: what the person must know or do (install a package, why a login failed), beyond the error for NM. */
  | { error: string; text: string; notice?: string; restart?: Restart };

/** An attempt to start again once this one is answered (a new OpenVPN user name). */
export interface Restart {
  uuid: string;
  run: () => Promise<void>;
}

/** The request as the dialogs take it, and the setting it asks secrets of. */
export interface AnswerContext extends DialogRequest {
  /** The profile's Settings object path, as GetSecrets names it (needed to start it again). */
  path?: string;
  settingName: string;
}

export interface AnswerOptions {
  prompter: Prompter | null;
  store: SecretStore;
  pluginDirs: string[];
  /** The openconnect program OpenConnect logins run (default: `openconnect` on the PATH). */
  openconnect?: string;
  /** Starts an OpenVPN attempt again with a typed user name; without it the name is not kept. */
  restarter?: ProfileRestarter;
  /** Secrets typed for an attempt started again, for the new attempt. */
  handover?: SecretHandover;
}

const CANCELLED: Outcome = { error: AGENT_ERROR.agentCanceled, text: 'The request was cancelled.' };

function uuidOf(connection: SettingsDict): string {
  return stringProp(connection.connection, 'uuid') ?? '';
}

export async function carryOut(
  plan: SecretPlan,
  ctx: AnswerContext,
  opts: AnswerOptions,
): Promise<Outcome> {
  switch (plan.kind) {
    case 'no-secrets':
      return { error: AGENT_ERROR.noSecrets, text: `No secrets: ${plan.why}.` };
    case 'nothing-needed':
      return { secrets: nothingNeededReply(ctx.settingName) };
    case 'from-store': {
      const stored = await knownSecrets(ctx, opts, plan.keys, plan.keys);
      if (Object.keys(stored).length === 0)
        return { error: AGENT_ERROR.noSecrets, text: 'No secrets saved, and no prompt allowed.' };
      return { secrets: buildSecretsReply(ctx.settingName, stored) };
    }
    case 'ask': {
      const asked = plan.request.fields.map((f) => f.key);
      const known = await knownSecrets(ctx, opts, plan.lookFirst, asked);
      if (ctx.signal.aborted) return CANCELLED;
      const fields = plan.request.fields.filter((f) => !Object.hasOwn(known, f.key));
      // Everything needed is saved: no prompt at all.
      if (fields.length === 0) return { secrets: buildSecretsReply(ctx.settingName, known) };
      // "Save password" only when a field still asked may be kept: the saved secrets beside an
      // "ask every time" one are no reason to offer it.
      const owned = new Set(agentOwnedKeys(ctx.connection, ctx.settingName));
      const canSave = plan.request.canSave && fields.some((f) => f.secret && owned.has(f.key));
      const request = { ...plan.request, fields, canSave, id: randomUUID() };
      return askPerson(request, known, ctx, opts);
    }
    case 'auth-dialog':
      return viaAuthDialog(plan.serviceType, ctx, opts);
    case 'openconnect-login':
      if (opts.prompter === null)
        return { error: AGENT_ERROR.noSecrets, text: 'This Tunnelbar process may not prompt.' };
      return openconnectLogin(ctx, {
        prompter: opts.prompter,
        store: opts.store,
        // The variable is for tests and unusual installs (a wrapper that enters a namespace).
        command: opts.openconnect ?? process.env.TUNNELBAR_OPENCONNECT ?? 'openconnect',
      });
  }
}

async function viaAuthDialog(
  serviceType: string,
  ctx: AnswerContext,
  opts: AnswerOptions,
): Promise<Outcome> {
  const plugin = findVpnPlugin(serviceType, opts.pluginDirs);
  if (plugin === null)
    return {
      error: AGENT_ERROR.noSecrets,
      text: `The VPN plugin ${serviceType} is not installed.`,
    };
  const mode = dialogMode(plugin);
  switch (mode.kind) {
    case 'missing':
      return { error: AGENT_ERROR.noSecrets, text: mode.message, notice: mode.message };
    case 'windowed':
      return viaWindowedDialog(plugin, mode.path, ctx, opts);
    case 'external-ui':
      break;
  }
  const outcome = await runAuthDialog(plugin, mode.path, ctx);
  if (outcome.kind === 'nothing-needed') return { secrets: nothingNeededReply(ctx.settingName) };
  if (outcome.fields.length === 0)
    return { secrets: buildSecretsReply(ctx.settingName, outcome.known) };
  const owned = new Set(agentOwnedKeys(ctx.connection, ctx.settingName));
  const request: PromptRequest = {
    id: randomUUID(),
    connectionUuid: uuidOf(ctx.connection),
    connectionId: stringProp(ctx.connection.connection, 'id') ?? serviceType,
    vpnType: pluginShortName(serviceType),
    title: outcome.title,
    message: outcome.message,
    reason: 'initial',
    fields: outcome.fields,
    canSave: outcome.fields.some((f) => f.secret && owned.has(f.key)),
  };
  return askPerson(request, outcome.known, ctx, opts);
}

/**
 * A dialog that shows its own window: it is the prompt, so it needs a process that may prompt.
 * It keeps the secrets it saves itself (in the keyring, as the plugin's GUI does).
 */
async function viaWindowedDialog(
  plugin: VpnPluginInfo,
  dialog: string,
  ctx: AnswerContext,
  opts: AnswerOptions,
): Promise<Outcome> {
  if (opts.prompter === null)
    return { error: AGENT_ERROR.noSecrets, text: 'This Tunnelbar process may not prompt.' };
  const result = await runWindowedDialog(plugin, dialog, ctx);
  if (ctx.signal.aborted) return CANCELLED;
  if (result === null) return { error: AGENT_ERROR.userCanceled, text: 'The user cancelled.' };
  return { secrets: buildSecretsReply(ctx.settingName, result.secrets) };
}

/**
 * Whether NetworkManager rejected a password the keyring holds: asked again for a secret that is
 * saved, the person's new one should replace it, so "Save password" starts ticked.
 */
async function savedOneRejected(
  request: PromptRequest,
  ctx: AnswerContext,
  opts: AnswerOptions,
): Promise<boolean> {
  if (request.reason !== 'rejected') return false;
  const owned = new Set(agentOwnedKeys(ctx.connection, ctx.settingName));
  const keys = request.fields.filter((f) => f.secret && owned.has(f.key)).map((f) => f.key);
  if (keys.length === 0) return false;
  return opts.store.holds(request.connectionUuid, ctx.settingName, keys);
}

/** Prompts; offers "Save password" only when the keyring answers. */
async function askPerson(
  request: PromptRequest,
  known: Record<string, string>,
  ctx: AnswerContext,
  opts: AnswerOptions,
): Promise<Outcome> {
  if (opts.prompter === null)
    return { error: AGENT_ERROR.noSecrets, text: 'This Tunnelbar process may not prompt.' };
  const canSave = request.canSave && (await opts.store.available());
  const saveChecked = canSave && (await savedOneRejected(request, ctx, opts));
  const answer = await opts.prompter.prompt({ ...request, canSave, saveChecked }, ctx.signal);
  if (ctx.signal.aborted) return CANCELLED;
  if (answer === null) return { error: AGENT_ERROR.userCanceled, text: 'The user cancelled.' };
  // Whatever a prompter returns, only the fields asked for reach NetworkManager.
  const asked = new Set(request.fields.map((f) => f.key));
  const typed = secretValuesOnly(
    request.vpnType,
    Object.fromEntries(Object.entries(answer.values).filter(([k]) => asked.has(k))),
  );
  const secrets = buildSecretsReply(ctx.settingName, { ...known, ...typed });
  const save = canSave && answer.save ? toKeep(request, typed, ctx, opts) : null;
  const userName = newUserName(ctx.connection, answer.values);
  if (userName !== null && asked.has('username')) {
    const restarted = restartWithUserName(userName, { ...known, ...typed }, ctx, opts);
    if (restarted !== null) {
      // The new attempt is answered from the hand-over: a ticked password is kept now.
      if (save !== null) await save().catch(() => undefined);
      return restarted;
    }
  }
  return save === null ? { secrets } : { secrets, afterReply: save };
}

/**
 * The secrets known without asking: the saved ones of `saved`, then those of `handedOver` typed
 * for this profile's attempt that the agent started again with a new user name.
 */
async function knownSecrets(
  ctx: AnswerContext,
  opts: AnswerOptions,
  saved: string[],
  handedOver: string[],
): Promise<Record<string, string>> {
  const uuid = uuidOf(ctx.connection);
  return {
    ...(await opts.store.lookup(uuid, ctx.settingName, saved, ctx.signal)),
    ...opts.handover?.take(uuid, handedOver),
  };
}

/**
 * What "Save password" keeps: what this prompt asked as a secret, agent-owned keys only (never a
 * code). Null when that is nothing.
 */
function toKeep(
  request: PromptRequest,
  typed: Record<string, string>,
  ctx: AnswerContext,
  opts: AnswerOptions,
): (() => Promise<void>) | null {
  const secretKeys = new Set(request.fields.filter((f) => f.secret).map((f) => f.key));
  const typedSecrets = Object.fromEntries(Object.entries(typed).filter(([k]) => secretKeys.has(k)));
  const toSave = agentOwnedValues(ctx.connection, ctx.settingName, typedSecrets);
  if (Object.keys(toSave).length === 0) return null;
  const profile: StoredProfile = {
    uuid: request.connectionUuid,
    id: request.connectionId,
    vpnType: request.vpnType,
  };
  return () => opts.store.save(profile, ctx.settingName, toSave);
}

/**
 * An OpenVPN user name typed for a profile without one reaches the server only through the
 * profile (openvpn-username.ts): it is written there and the attempt started again, the typed
 * secrets handed to the new attempt. This attempt ends as cancelled; the agent starts the new
 * one once it has replied. Null when it cannot be done: the secrets are then answered as they are.
 */
function restartWithUserName(
  userName: string,
  values: Record<string, string>,
  ctx: AnswerContext,
  opts: AnswerOptions,
): Outcome | null {
  const { restarter, handover } = opts;
  const path = ctx.path;
  if (restarter === undefined || handover === undefined || path === undefined) return null;
  const uuid = uuidOf(ctx.connection);
  handover.give(uuid, values);
  const run = async (): Promise<void> => {
    try {
      await restarter.restartWithUserName(path, userName);
    } catch (err) {
      handover.drop(uuid);
      throw err;
    }
  };
  return {
    error: AGENT_ERROR.userCanceled,
    text: 'The attempt starts again with the user name typed.',
    restart: { uuid, run },
  };
}
