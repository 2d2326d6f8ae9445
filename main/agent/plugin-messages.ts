import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readBounded, type ReadLimit } from '../import/read-bounded';

/**
 * NetworkManager-openvpn's own re-prompt texts (its gettext message ids). Plugins older than the
 * `x-dynamic-challenge` hints (Debian 12 ships 1.10.2) send a server's CRV1 question and their own
 * "a password is required" the same way, as `x-vpn-message:`; only the text tells them apart,
 * and the plugin translates its own. So the plugin's texts are recognised in every language it is
 * installed with, read from its own catalogues: whatever else arrives is the server's question.
 */
const OPENVPN_REPROMPTS = [
  'A password is required.',
  'A username and password are required.',
  'A private key password is required.',
  'An HTTP Proxy username is required.',
  'An HTTP Proxy password is required.',
  'An HTTP Proxy username and password are required.',
];

const MO_MAGIC_LE = 0x950412de;
const MO_MAGIC_BE = 0xde120495;
/** A plugin's catalogue is a few KiB; anything larger is not one. */
const MO_LIMIT: ReadLimit = { bytes: 1024 * 1024, what: 'catalogue' };

/** The translations in a gettext .mo file, by message id. Empty for anything malformed. */
export function parseMo(bytes: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  if (bytes.length < 20) return out;
  const magic = bytes.readUInt32LE(0);
  const le = magic === MO_MAGIC_LE;
  if (!le && magic !== MO_MAGIC_BE) return out;
  const u32 = (at: number): number => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const count = u32(8);
  const ids = u32(12);
  const strs = u32(16);
  const text = (table: number, i: number): string | null => {
    const entry = table + i * 8;
    if (entry + 8 > bytes.length) return null;
    const length = u32(entry);
    const offset = u32(entry + 4);
    if (offset + length > bytes.length) return null;
    return bytes.toString('utf8', offset, offset + length);
  };
  for (let i = 0; i < count; i++) {
    const id = text(ids, i);
    const str = text(strs, i);
    if (id === null || str === null) return out;
    out.set(id, str);
  }
  return out;
}

/** The plugin's re-prompt texts in English and in each language it has a catalogue for. */
export function openvpnPluginMessages(localeDir = '/usr/share/locale'): ReadonlySet<string> {
  const messages = new Set(OPENVPN_REPROMPTS);
  let languages: string[];
  try {
    languages = readdirSync(localeDir);
  } catch {
    return messages;
  }
  for (const language of languages) {
    const file = join(localeDir, language, 'LC_MESSAGES', 'NetworkManager-openvpn.mo');
    // Most languages have no catalogue of this plugin: the bounded read refuses those too.
    let catalogue: Map<string, string>;
    try {
      catalogue = parseMo(readBounded(file, MO_LIMIT));
    } catch {
      continue;
    }
    for (const id of OPENVPN_REPROMPTS) {
      const translated = catalogue.get(id);
      if (translated !== undefined && translated !== '') messages.add(translated);
    }
  }
  return messages;
}

let cached: ReadonlySet<string> | null = null;

/** Read once per process: the installed plugin does not change under a running agent. */
export function installedOpenvpnPluginMessages(): ReadonlySet<string> {
  cached ??= openvpnPluginMessages();
  return cached;
}
