import { spawn } from 'node:child_process';
import { stringMapProp, stringProp, type SettingsDict } from '../nm/dbus-types';
import { GetSecretsFlags } from '../nm/names';
import type { SecretField } from './prompter';
import { parseKeyFile, type VpnPluginInfo } from './vpn-plugins';

/**
 * Runs a VPN plugin's auth dialog in "external UI mode": it shows nothing and prints, as a key
 * file, which secrets it needs and how to label them. We then ask in our own prompt. This is how
 * Tunnelbar prompts for plugins it has no built-in knowledge of (OpenConnect, strongSwan, ...).
 */

export type DialogOutcome =
  | { kind: 'nothing-needed' }
  | {
      kind: 'ask';
      title: string;
      message: string;
      fields: SecretField[];
      /** Secrets the dialog already knows (e.g. from its own keyring lookup) and that go back as they are. */
      known: Record<string, string>;
    };

const DIALOG_TIMEOUT_MS = 20_000;

function encodeValue(value: string): string {
  // Multi-line values continue on lines starting with '=' (the protocol nm-applet speaks).
  return value.split('\n').join('\n=');
}

/** The connection's data and secrets, as both dialog modes read them, ending with DONE. */
export function connectionItems(connection: SettingsDict): string {
  const data = stringMapProp(connection.vpn, 'data');
  const secrets = stringMapProp(connection.vpn, 'secrets');
  let out = '';
  for (const [k, v] of Object.entries(data)) out += `DATA_KEY=${k}\nDATA_VAL=${encodeValue(v)}\n\n`;
  for (const [k, v] of Object.entries(secrets))
    out += `SECRET_KEY=${k}\nSECRET_VAL=${encodeValue(v)}\n\n`;
  return `${out}DONE\n\n`;
}

/** In external UI mode the dialog may quit as soon as it has printed: QUIT goes with the input. */
export function dialogInput(connection: SettingsDict): string {
  return `${connectionItems(connection)}QUIT\n\n`;
}

export function dialogArgs(
  connection: SettingsDict,
  plugin: VpnPluginInfo,
  hints: string[],
  flags: number,
  mode: 'external-ui' | 'windowed' = 'external-ui',
): string[] {
  const args = [
    '-u',
    stringProp(connection.connection, 'uuid') ?? '',
    '-n',
    stringProp(connection.connection, 'id') ?? '',
    '-s',
    plugin.serviceType,
  ];
  if ((flags & GetSecretsFlags.allowInteraction) !== 0) args.push('-i');
  if ((flags & GetSecretsFlags.requestNew) !== 0) args.push('-r');
  if (plugin.supportsHints) for (const hint of hints) args.push('-t', hint);
  if (mode === 'external-ui') args.push('--external-ui-mode');
  return args;
}

/** Reads the key file an external-UI-mode dialog prints. */
export function parseDialogOutput(text: string): DialogOutcome {
  const groups = parseKeyFile(text);
  const ui = groups.get('VPN Plugin UI');
  if (groups.has('no-secret') && groups.size <= 2) return { kind: 'nothing-needed' };
  const fields: SecretField[] = [];
  const known: Record<string, string> = {};
  for (const [name, entries] of groups) {
    if (name === 'VPN Plugin UI') continue;
    const isSecret = entries.get('IsSecret') === 'true';
    const value = entries.get('Value') ?? '';
    if (entries.get('ShouldAsk') === 'true') {
      fields.push({ key: name, label: entries.get('Label') ?? name, secret: isSecret });
    } else if (isSecret && value !== '') {
      known[name] = value;
    }
  }
  if (fields.length === 0)
    return Object.keys(known).length > 0
      ? { kind: 'ask', title: '', message: '', fields, known }
      : { kind: 'nothing-needed' };
  return {
    kind: 'ask',
    title: ui?.get('Title') ?? 'Authentication required',
    message: ui?.get('Description') ?? '',
    fields,
    known,
  };
}

/**
 * What NetworkManager asked for (GetSecrets), as both dialog modes pass it on to the plugin's
 * dialog; the signal aborts with the request.
 */
export interface DialogRequest {
  connection: SettingsDict;
  hints: string[];
  flags: number;
  signal: AbortSignal;
}

/** Runs `dialog` (a dialog with external UI mode: see dialogMode) and reads what it needs. */
export async function runAuthDialog(
  plugin: VpnPluginInfo,
  dialog: string,
  { connection, hints, flags, signal }: DialogRequest,
): Promise<DialogOutcome> {
  const child = spawn(dialog, dialogArgs(connection, plugin, hints, flags), {
    stdio: ['pipe', 'pipe', 'ignore'],
    signal,
    timeout: DIALOG_TIMEOUT_MS,
  });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stdin.on('error', () => {
    // The dialog may exit before reading everything; its output still counts.
  });
  child.stdin.end(dialogInput(connection));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0)
    throw new Error(`the ${plugin.name} auth dialog exited with status ${String(code)}`);
  return parseDialogOutput(stdout);
}
