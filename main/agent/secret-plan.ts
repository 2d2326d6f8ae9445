import { stringMapProp, stringProp, type SettingsDict } from '../nm/dbus-types';
import { GetSecretsFlags, OPENCONNECT_SERVICE, OPENVPN_SERVICE, SecretFlags } from '../nm/names';
import type { PromptReason, PromptRequest, SecretField } from './prompter';
import { agentStrings } from './agent-strings';
import { installedOpenvpnPluginMessages } from './plugin-messages';
import { lacksUserName } from './openvpn-username';
import { agentOwnedKeys, vpnSecretFlags as flagsOf, wireguardSecretKeys } from './secret-flags';

/**
 * What the agent should do with one GetSecrets call. Pure: decided from the call alone.
 *
 * - `from-store`: no prompt allowed; answer with these keys from the keyring, if it has any.
 * - `ask`: prompt, but first look up `lookFirst` in the keyring and ask only for what it lacks.
 *   Empty when storage must not answer: the request has hints (the stored one was just rejected,
 *   or the server asks a new question), or the secret was rejected before in this attempt.
 */
export type SecretPlan =
  | { kind: 'no-secrets'; why: string }
  | { kind: 'nothing-needed' }
  | { kind: 'from-store'; keys: string[] }
  | { kind: 'ask'; request: Omit<PromptRequest, 'id'>; lookFirst: string[] }
  | { kind: 'auth-dialog'; serviceType: string }
  /** OpenConnect: Tunnelbar logs in with the openconnect program, each step in its prompt. */
  | { kind: 'openconnect-login' };

export interface PlanInput {
  connection: SettingsDict;
  settingName: string;
  hints: string[];
  flags: number;
  /** We already answered a request of this same activation attempt. */
  answeredBefore: boolean;
  /** Whether an OpenVPN private key file is encrypted (reads the file; injected for tests). */
  isKeyEncrypted: (path: string) => boolean;
  /** NM-openvpn's own re-prompt texts in its languages; the installed plugin's when absent. */
  openvpnPluginMessages?: ReadonlySet<string>;
}

const MESSAGE_HINT = 'x-vpn-message:';

/**
 * OpenVPN keys a request may name that are not secrets: NM-openvpn keeps them in `vpn.data`. They
 * may be asked (their prompt field echoes), but never go back as secrets: NetworkManager would
 * keep them among the profile's secrets, and NM-openvpn refuses a profile with a secret it does
 * not know ("invalid or not supported") on its next start.
 */
const OPENVPN_DATA_HINTS: ReadonlySet<string> = new Set(['username', 'http-proxy-username']);

/** The typed values that are secrets of the VPN type, the only ones GetSecrets may answer with. */
export function secretValuesOnly(
  vpnType: string,
  values: Record<string, string>,
): Record<string, string> {
  if (vpnType !== 'openvpn') return values;
  return Object.fromEntries(Object.entries(values).filter(([k]) => !OPENVPN_DATA_HINTS.has(k)));
}
const CHALLENGE_HINT = 'x-dynamic-challenge:';
const CHALLENGE_ECHO_HINT = 'x-dynamic-challenge-echo:';

/** NM-openvpn's key for a challenge's answer (older plugins name it as a plain hint). */
const CHALLENGE_RESPONSE_KEY = 'challenge-response';
/** OpenVPN's dynamic challenge as the server sends it: CRV1:flags:state:user:text. */
const CRV1 = /^CRV1:[^:]*:[^:]*:[^:]*:(.*)$/s;

function labelFor(key: string): string {
  if (key.startsWith('peers.') && key.endsWith('.preshared-key')) return agentStrings.presharedKey;
  return agentStrings.labels[key] ?? key;
}

function isInteractive(flags: number): boolean {
  return (flags & (GetSecretsFlags.allowInteraction | GetSecretsFlags.requestNew)) !== 0;
}

interface Identity {
  uuid: string;
  id: string;
}

function identity(connection: SettingsDict): Identity {
  return {
    uuid: stringProp(connection.connection, 'uuid') ?? '',
    id: stringProp(connection.connection, 'id') ?? '',
  };
}

/**
 * A prompt. "Save password" is offered when an agent-owned secret is asked for (never for a
 * challenge's code); the keyring is looked at first only on a first, hint-less request.
 */
function ask(
  input: PlanInput,
  vpnType: string,
  fields: SecretField[],
  message: string,
  reason: PromptReason,
): SecretPlan {
  const who = identity(input.connection);
  const owned = new Set(agentOwnedKeys(input.connection, input.settingName));
  const ownedFields = fields.filter((f) => f.secret && owned.has(f.key)).map((f) => f.key);
  const canSave = reason !== 'challenge' && ownedFields.length > 0;
  const fromStore = input.hints.length === 0 && reason === 'initial';
  const title =
    reason === 'challenge' ? agentStrings.challengeTitle(who.id) : agentStrings.title(who.id);
  return {
    kind: 'ask',
    lookFirst: fromStore ? ownedFields : [],
    request: {
      connectionUuid: who.uuid,
      connectionId: who.id,
      vpnType,
      title,
      message,
      reason,
      fields,
      canSave,
    },
  };
}

/** A request with hints: ask exactly for what the plugin named. */
function planFromHints(
  input: PlanInput,
  vpnType: string,
  data: Record<string, string>,
): SecretPlan {
  const who = identity(input.connection);
  let message = '';
  let challenge = false;
  const fields: SecretField[] = [];
  for (const hint of input.hints) {
    if (hint.startsWith(MESSAGE_HINT)) {
      message ||= hint.slice(MESSAGE_HINT.length);
    } else if (hint.startsWith(CHALLENGE_HINT) || hint.startsWith(CHALLENGE_ECHO_HINT)) {
      // Newer NM/plugins: the answer goes back under the full hint string.
      challenge = true;
      fields.push({
        key: hint,
        label: agentStrings.code,
        secret: hint.startsWith(CHALLENGE_HINT),
      });
    } else if (hint === CHALLENGE_RESPONSE_KEY) {
      challenge = true;
      fields.push({ key: hint, label: agentStrings.code, secret: true });
    } else if (OPENVPN_DATA_HINTS.has(hint)) {
      fields.push({ key: hint, label: labelFor(hint), secret: false, initial: data[hint] ?? '' });
    } else {
      fields.push({ key: hint, label: labelFor(hint), secret: true });
    }
  }
  // A server's question comes with a challenge hint from newer plugins, or as a raw CRV1 line.
  const crv1 = CRV1.exec(message);
  if (crv1 !== null) {
    challenge = true;
    message = crv1[1] ?? '';
  }
  // Older NM-openvpn (1.10) sends the question as a plain message: anything but the plugin's own
  // re-prompt texts, known in every language the plugin is installed with (plugin-messages.ts).
  const pluginMessages = input.openvpnPluginMessages ?? installedOpenvpnPluginMessages();
  if (vpnType === 'openvpn' && message !== '' && !pluginMessages.has(message)) challenge = true;
  if (fields.length === 0) return { kind: 'no-secrets', why: 'the request names no secret' };
  const reason: PromptReason = challenge
    ? 'challenge'
    : input.answeredBefore
      ? 'rejected'
      : 'initial';
  if (message === '') message = agentStrings.authRequired(who.id);
  return ask(input, vpnType, fields, message, reason);
}

function planOpenvpn(input: PlanInput): SecretPlan {
  const data = stringMapProp(input.connection.vpn, 'data');
  if (input.hints.length > 0) return planFromHints(input, 'openvpn', data);
  const needed: string[] = [];
  const type = data['connection-type'] ?? 'tls';
  const required = (key: string): boolean => (flagsOf(data, key) & SecretFlags.notRequired) === 0;
  if ((type === 'password' || type === 'password-tls') && required('password'))
    needed.push('password');
  const keyPath =
    data.key ?? (data.cert !== undefined && data.cert.endsWith('.p12') ? data.cert : undefined);
  if (
    (type === 'tls' || type === 'password-tls') &&
    keyPath !== undefined &&
    required('cert-pass') &&
    input.isKeyEncrypted(keyPath)
  ) {
    needed.push('cert-pass');
  }
  if (data['http-proxy-username'] !== undefined && required('http-proxy-password'))
    needed.push('http-proxy-password');
  if (needed.length === 0) return { kind: 'nothing-needed' };
  const who = identity(input.connection);
  const fields: SecretField[] = needed.map((key) => ({ key, label: labelFor(key), secret: true }));
  // No user name in the profile: asked first, with the password (openvpn-username.ts).
  if (lacksUserName(input.connection))
    fields.unshift({ key: 'username', label: labelFor('username'), secret: false, initial: '' });
  const message = agentStrings.passwordNeeded(who.id);
  return ask(input, 'openvpn', fields, message, input.answeredBefore ? 'rejected' : 'initial');
}

function planWireguard(input: PlanInput): SecretPlan {
  const who = identity(input.connection);
  let keys = input.hints.filter((h) => h === 'private-key' || /^peers\..+\.preshared-key$/.test(h));
  if (keys.length === 0) {
    const asksFor = (flags: number | undefined): boolean =>
      ((flags ?? 0) & (SecretFlags.agentOwned | SecretFlags.notSaved)) !== 0 &&
      ((flags ?? 0) & SecretFlags.notRequired) === 0;
    keys = wireguardSecretKeys(input.connection, asksFor);
  }
  keys = [...new Set(keys)];
  if (keys.length === 0) return { kind: 'no-secrets', why: 'no WireGuard secret is agent-owned' };
  const fields = keys.map((key) => ({ key, label: labelFor(key), secret: true }));
  const reason: PromptReason =
    (input.flags & GetSecretsFlags.requestNew) !== 0 || input.answeredBefore
      ? 'rejected'
      : 'initial';
  return ask(input, 'wireguard', fields, agentStrings.wireguardKeyNeeded(who.id), reason);
}

/**
 * Without interaction (the second pass of every activation, or a client's GetSecrets): only the
 * keyring may answer, with agent-owned secrets. A request with hints is never answered from it:
 * hints mean the stored answer was just rejected or the server asks something new.
 */
function planStored(input: PlanInput): SecretPlan {
  const keys = agentOwnedKeys(input.connection, input.settingName);
  if (input.hints.length > 0 || keys.length === 0)
    return { kind: 'no-secrets', why: 'nothing can be stored and no prompt is allowed' };
  // A saved password would go to the server with the login name: the interactive request asks
  // the user name with it.
  if (lacksUserName(input.connection))
    return { kind: 'no-secrets', why: 'the profile has no user name, asked with the password' };
  return { kind: 'from-store', keys };
}

/** Decides how to answer a GetSecrets call. */
export function planSecrets(input: PlanInput): SecretPlan {
  if (input.settingName !== 'vpn' && input.settingName !== 'wireguard')
    return { kind: 'no-secrets', why: `Tunnelbar does not answer ${input.settingName} secrets` };
  if (!isInteractive(input.flags)) return planStored(input);
  if (input.settingName === 'wireguard') return planWireguard(input);
  const serviceType = stringProp(input.connection.vpn, 'service-type') ?? '';
  if (serviceType === OPENVPN_SERVICE) return planOpenvpn(input);
  if (serviceType === OPENCONNECT_SERVICE) return { kind: 'openconnect-login' };
  return { kind: 'auth-dialog', serviceType };
}
