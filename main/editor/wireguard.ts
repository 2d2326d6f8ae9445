// The wireguard setting ↔ the editor's WireguardEdit. Peers are matched by public key so every
// peer property the editor does not show (preshared-key-flags, ...) is kept.

import { Variant } from 'dbus-next';
import type { WgPeerEdit, WireguardEdit } from '../../preload/editor';
import {
  mapArrayProp,
  numberProp,
  stringArrayProp,
  stringProp,
  type VariantMap,
} from '../nm/dbus-types';
import { validEndpoint } from '../vpn/wireguard/names';
import { editRefused, sameValue } from './refusal';
import { writeChanged } from './changed-fields';
import { generatePrivateKey, isWgKey } from '../vpn/wireguard/key-pair';
import { editorStrings as s } from './editor-strings';

export function readWireguard(map: VariantMap | undefined): WireguardEdit {
  return {
    kind: 'wireguard',
    privateKey: { action: 'keep' },
    listenPort: numberProp(map, 'listen-port') ?? 0,
    fwmark: numberProp(map, 'fwmark') ?? 0,
    mtu: numberProp(map, 'mtu') ?? 0,
    peers: mapArrayProp(map, 'peers').map((p) => ({
      publicKey: stringProp(p, 'public-key') ?? '',
      newPresharedKey: null,
      allowedIps: stringArrayProp(p, 'allowed-ips'),
      endpoint: stringProp(p, 'endpoint') ?? null,
      keepalive: numberProp(p, 'persistent-keepalive') ?? null,
    })),
  };
}

/** Whether the edit carries a secret the user typed or asked for. */
export function wireguardHasNewSecret(edit: WireguardEdit): boolean {
  return edit.privateKey.action !== 'keep' || edit.peers.some((p) => p.newPresharedKey !== null);
}

function peerDict(old: VariantMap | undefined, peer: WgPeerEdit): VariantMap {
  if (!isWgKey(peer.publicKey)) throw editRefused(s.refused.notWgPublicKey(peer.publicKey));
  if (peer.endpoint !== null && peer.endpoint !== '' && !validEndpoint(peer.endpoint)) {
    throw editRefused(s.refused.notEndpoint(peer.endpoint));
  }
  const d: VariantMap = { ...old, 'public-key': new Variant('s', peer.publicKey) };
  d['allowed-ips'] = new Variant('as', peer.allowedIps);
  if (peer.endpoint === null || peer.endpoint === '') delete d.endpoint;
  else d.endpoint = new Variant('s', peer.endpoint);
  if (peer.keepalive === null || peer.keepalive === 0) delete d['persistent-keepalive'];
  else d['persistent-keepalive'] = new Variant('u', peer.keepalive);
  if (peer.newPresharedKey !== null) {
    if (!isWgKey(peer.newPresharedKey)) throw editRefused(s.refused.presharedKey);
    d['preshared-key'] = new Variant('s', peer.newPresharedKey);
    // A new peer's flags default to "not required", which would drop the key (reference §8.1).
    if (
      numberProp(old, 'preshared-key-flags') === undefined ||
      numberProp(old, 'preshared-key-flags') === 4
    ) {
      d['preshared-key-flags'] = new Variant('u', 0);
    }
  }
  return d;
}

/**
 * Applies what differs between base and edit. `stored` holds the secrets NetworkManager has
 * (GetSecrets), needed when a new secret is sent: Update2 then replaces all of them (§2.3).
 */
export function applyWireguard(
  current: VariantMap | undefined,
  base: WireguardEdit,
  edit: WireguardEdit,
  stored: VariantMap | undefined,
): VariantMap {
  const out: VariantMap = { ...current };
  const numbers = [
    ['listen-port', 'listenPort'],
    ['fwmark', 'fwmark'],
    ['mtu', 'mtu'],
  ] as const;
  writeChanged(out, base, edit, numbers, 'u');
  const newSecret = wireguardHasNewSecret(edit);
  if (!sameValue(base.peers, edit.peers) || newSecret) {
    const oldPeers = new Map(
      mapArrayProp(current, 'peers').map((p) => [stringProp(p, 'public-key'), p]),
    );
    const storedPsk = new Map(
      mapArrayProp(stored, 'peers').map((p) => [
        stringProp(p, 'public-key'),
        stringProp(p, 'preshared-key'),
      ]),
    );
    const peers = edit.peers.map((peer) => {
      const d = peerDict(oldPeers.get(peer.publicKey), peer);
      const psk = storedPsk.get(peer.publicKey);
      if (newSecret && peer.newPresharedKey === null && psk !== undefined) {
        d['preshared-key'] = new Variant('s', psk);
      }
      return d;
    });
    if (peers.length === 0) delete out.peers;
    else out.peers = new Variant('aa{sv}', peers);
  }
  const key = edit.privateKey;
  switch (key.action) {
    case 'keep': {
      const storedKey = stringProp(stored, 'private-key');
      if (newSecret && storedKey !== undefined) out['private-key'] = new Variant('s', storedKey);
      break;
    }
    case 'generate':
      out['private-key'] = new Variant('s', generatePrivateKey());
      break;
    case 'set':
      if (!isWgKey(key.key)) throw editRefused(s.refused.privateKey);
      out['private-key'] = new Variant('s', key.key);
      break;
  }
  return out;
}
