// parseWgQuick(): a wg-quick configuration → the profile `nmcli connection import type wireguard`
// creates (libnm's nm_conn_wireguard_import, NetworkManager 1.42). Its rules, reproduced here:
// - the file must be named `<interface>.conf` with a valid kernel interface name, which becomes both
//   connection.id and connection.interface-name;
// - all whitespace is removed from a line and a # ends it (as `wg setconf` reads lines);
// - section and key names are case-insensitive; values of list keys are split at commas;
// - unknown keys, keys before the first section, and unparsable values are errors; PreUp, PostUp,
//   PreDown and PostDown are ignored (NetworkManager runs no scripts), SaveConfig must be true/false;
// - an address family without Address gets method "disabled" and loses its DNS settings; DNS servers
//   without any search word add the search entry "~" (send every query to this DNS);
// - Table=off turns peer routes off, a number sets the route table of both families.

import { isWireGuardKey } from './base64-key';
import { parseIp, parseIpWithPrefix } from '../inet';
import { parseIntIn } from '../numbers';
import type { IpSetting, WireGuardPeer, WireGuardProfile } from '../profile';
import { refuseFile, type ImportNote, type ImportResult } from '../result';
import { decodeBytes, isAsciiSpace } from '../text';
import { validEndpoint, wgFileInterfaceName } from './names';
import { buildIpSettings, type WgCollected } from './ip';
import { importErrorStrings as m } from '../import-errors-strings';

export interface WgParseOptions {
  /** The file's name or path: `<interface>.conf`. */
  fileName: string;
}

type Section = 'none' | 'interface' | 'peer';
type Outcome = 'ok' | 'unrecognized' | 'value' | 'secret';

/** `Key=value` with a case-insensitive key: the lower-cased key and the value, or null. */
function splitKey(line: string): { key: string; value: string } | null {
  const eq = line.indexOf('=');
  if (eq <= 0) return null;
  return { key: line.slice(0, eq).toLowerCase(), value: line.slice(eq + 1) };
}

/** Comma-separated words; an empty remainder ends the list, an empty word in between is kept. */
function words(value: string): string[] {
  if (value === '') return [];
  const parts = value.split(',');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function interfaceLine(key: string, value: string, d: WgCollected): Outcome {
  switch (key) {
    case 'address':
      for (const w of words(value)) {
        const a = parseIpWithPrefix(w);
        if (a === null) return 'value';
        const list = a.family === 4 ? d.addr4 : d.addr6;
        const entry = { address: a.text, prefix: a.prefix ?? (a.family === 4 ? 32 : 128) };
        if (!list.some((x) => x.address === entry.address && x.prefix === entry.prefix)) {
          list.push(entry);
        }
      }
      return 'ok';
    case 'mtu': {
      const v = parseIntIn(value, 0, 0, 4_294_967_295);
      if (v === null) return 'value';
      d.mtu = v;
      return 'ok';
    }
    case 'dns':
      for (const w of words(value)) {
        const a = parseIp(w);
        if (a !== null) {
          const list = a.family === 4 ? d.dns4 : d.dns6;
          if (!list.includes(a.text)) list.push(a.text);
        } else d.search.push(w);
      }
      return 'ok';
    case 'table':
      if (value === 'auto') d.table = 'auto';
      else if (value === 'off') d.table = 'off';
      else {
        const v = parseIntIn(value, 0, 0, 2_147_483_647);
        if (v === null) return 'value';
        d.table = v;
      }
      return 'ok';
    case 'saveconfig':
      return value === 'true' || value === 'false' ? 'ok' : 'value';
    case 'listenport': {
      const v = parseIntIn(value, 10, 0, 65535);
      if (v === null) return 'value';
      d.listenPort = v;
      return 'ok';
    }
    case 'fwmark': {
      const v = value === 'off' ? 0 : parseIntIn(value, 0, 0, 2_147_483_647);
      if (v === null) return 'value';
      d.fwmark = v;
      return 'ok';
    }
    case 'privatekey':
      if (!isWireGuardKey(value)) return 'secret';
      d.privateKey = value;
      return 'ok';
    default:
      return Object.hasOwn(SCRIPT_DISPLAY, key) ? 'ok' : 'unrecognized';
  }
}

function peerLine(key: string, value: string, peer: Partial<WireGuardPeer>): Outcome {
  switch (key) {
    case 'endpoint':
      if (!validEndpoint(value)) return 'value';
      peer.endpoint = value;
      return 'ok';
    case 'publickey':
      if (!isWireGuardKey(value)) return 'value';
      peer['public-key'] = value;
      return 'ok';
    case 'allowedips':
      for (const w of words(value)) {
        const a = parseIpWithPrefix(w);
        if (a === null) return 'value';
        (peer['allowed-ips'] ??= []).push(a.prefix === null ? a.text : `${a.text}/${a.prefix}`);
      }
      return 'ok';
    case 'persistentkeepalive': {
      const v = value === 'off' ? 0 : parseIntIn(value, 10, 0, 65535);
      if (v === null) return 'value';
      if (v === 0) delete peer['persistent-keepalive'];
      else peer['persistent-keepalive'] = v;
      return 'ok';
    }
    case 'presharedkey':
      if (!isWireGuardKey(value)) return 'secret';
      peer['preshared-key'] = value;
      peer['preshared-key-flags'] = 0;
      return 'ok';
    default:
      return 'unrecognized';
  }
}

const DISPLAY_KEYS: Record<string, string> = {
  address: 'Address',
  mtu: 'MTU',
  dns: 'DNS',
  table: 'Table',
  saveconfig: 'SaveConfig',
  listenport: 'ListenPort',
  fwmark: 'FwMark',
  privatekey: 'PrivateKey',
  endpoint: 'Endpoint',
  publickey: 'PublicKey',
  allowedips: 'AllowedIPs',
  persistentkeepalive: 'PersistentKeepalive',
  presharedkey: 'PresharedKey',
};

interface PeerDraft {
  start: number;
  value: Partial<WireGuardPeer>;
}

/** Adds a finished peer; a later peer with the same public key replaces the earlier one. */
function completePeer(draft: PeerDraft | null, peers: WireGuardPeer[]): string | null {
  if (draft === null) return null;
  const key = draft.value['public-key'];
  if (key === undefined) return m.wg.peerWithoutKey(draft.start);
  const same = peers.findIndex((p) => p['public-key'] === key);
  if (same >= 0) peers.splice(same, 1);
  peers.push({ ...draft.value, 'public-key': key });
  return null;
}

const SCRIPT_DISPLAY: Record<string, string> = {
  preup: 'PreUp',
  postup: 'PostUp',
  predown: 'PreDown',
  postdown: 'PostDown',
};

/** A line without whitespace, cut at the first #. */
function squeeze(raw: string): string {
  let line = '';
  for (const ch of raw) {
    if (ch === '#') break;
    if (!isAsciiSpace(ch)) line += ch;
  }
  return line;
}

/**
 * A key name is letters only. Whatever else stands left of "=" may be a key pasted on its own line
 * (base64 ends in "="), so it is never quoted.
 */
const KEY_NAME = /^[a-z]{1,24}$/;

/**
 * Why a line is not understood, naming the key but never quoting the line: its value may be a
 * private or preshared key, and this text reaches the CLI, the import report and notifications.
 */
function unrecognizedLine(key: string | null, section: Section): string {
  if (key === null || !KEY_NAME.test(key)) {
    return m.wg.unrecognizedLine;
  }
  const name = Object.hasOwn(DISPLAY_KEYS, key) ? (DISPLAY_KEYS[key] ?? key) : key;
  if (section === 'none') return m.wg.beforeSection(name);
  return m.wg.notAKeyOf(name, section);
}

export function parseWgQuick(
  input: string | Uint8Array,
  options: WgParseOptions,
): ImportResult<WireGuardProfile> {
  const file = options.fileName;
  const fail = refuseFile(file);
  const ifname = wgFileInterfaceName(file);
  if (ifname === null) {
    return fail(null, m.wg.fileName);
  }
  let text = typeof input === 'string' ? input : decodeBytes(input);
  const nul = text.indexOf('\0');
  if (nul >= 0) text = text.slice(0, nul); // NetworkManager reads the file as a C string
  const d: WgCollected = {
    addr4: [],
    addr6: [],
    dns4: [],
    dns6: [],
    search: [],
    table: 'auto',
    peers: [],
  };
  const warnings: ImportNote[] = [];
  let section: Section = 'none';
  let peer: PeerDraft | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = squeeze(lines[i] ?? '');
    if (line === '') continue;
    const lower = line.toLowerCase();
    if (lower === '[interface]' || lower === '[peer]') {
      const bad = completePeer(peer, d.peers);
      if (bad !== null) return fail(peer?.start ?? lineNo, bad);
      section = lower === '[peer]' ? 'peer' : 'interface';
      peer = section === 'peer' ? { start: lineNo, value: {} } : null;
      continue;
    }
    const kv = splitKey(line);
    let outcome: Outcome = 'unrecognized';
    if (kv !== null && section === 'interface') outcome = interfaceLine(kv.key, kv.value, d);
    if (kv !== null && peer !== null) outcome = peerLine(kv.key, kv.value, peer.value);
    if (kv === null || outcome === 'unrecognized') {
      return fail(lineNo, unrecognizedLine(kv?.key ?? null, section));
    }
    const display = Object.hasOwn(DISPLAY_KEYS, kv.key) ? (DISPLAY_KEYS[kv.key] ?? kv.key) : kv.key;
    if (outcome === 'value') return fail(lineNo, m.wg.invalidValue(display));
    if (outcome === 'secret') {
      return fail(lineNo, m.wg.invalidKey(display));
    }
    const script = Object.hasOwn(SCRIPT_DISPLAY, kv.key) ? SCRIPT_DISPLAY[kv.key] : undefined;
    if (script !== undefined) {
      warnings.push({
        line: lineNo,
        directive: script,
        message: m.ignored.script(script),
      });
    }
  }
  const bad = completePeer(peer, d.peers);
  if (bad !== null) return fail(peer?.start ?? null, bad);
  const { ipv4, ipv6, peerRoutesOff } = buildIpSettings(d);
  return {
    ok: true,
    profile: buildProfile(ifname, d, ipv4, ipv6, peerRoutesOff),
    warnings,
    repairs: [],
    inlineFiles: [],
  };
}

function buildProfile(
  ifname: string,
  d: WgCollected,
  ipv4: IpSetting,
  ipv6: IpSetting,
  peerRoutesOff: boolean,
): WireGuardProfile {
  const wg: WireGuardProfile['wireguard'] = { peers: d.peers };
  if (d.privateKey !== undefined) wg['private-key'] = d.privateKey;
  if (d.listenPort !== undefined && d.listenPort !== 0) wg['listen-port'] = d.listenPort;
  if (d.fwmark !== undefined && d.fwmark !== 0) wg.fwmark = d.fwmark;
  if (d.mtu !== undefined && d.mtu !== 0) wg.mtu = d.mtu;
  if (peerRoutesOff) wg['peer-routes'] = false;
  return {
    connection: { id: ifname, type: 'wireguard', 'interface-name': ifname },
    wireguard: wg,
    ipv4,
    ipv6,
  };
}
