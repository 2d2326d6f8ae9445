// The messages shown next to fields, keyed by field id (`name`, `ovpn.remote`, `ipv4.addresses`,
// `wg.peer.0.endpoint`, ...). An empty result means the form may be saved.

import type { IpEdit, WireguardEdit } from '../../preload/editor';
import { strings } from '../strings';
import type { Form } from './form';
import { OPENVPN_SERVICE } from './blank';
import { isAddress, isCidr, isEndpoint } from './inet';
import { OPENCONNECT_SERVICE } from '../../preload/openconnect-keys';
import { validateOpenConnect } from './validate-openconnect';
import { validateOpenVpn } from './validate-openvpn';

export type Problems = Record<string, string>;

const e = strings.editor.errors;
const WG_KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

function wireguard(vpn: WireguardEdit, out: Problems): void {
  if (vpn.privateKey.action === 'set' && !WG_KEY.test(vpn.privateKey.key)) {
    out['wg.privateKey'] = e.wgKey;
  }
  if (!Number.isInteger(vpn.listenPort) || vpn.listenPort < 0 || vpn.listenPort > 65_535) {
    out['wg.listenPort'] = e.portOrZero;
  }
  if (!Number.isInteger(vpn.fwmark) || vpn.fwmark < 0) out['wg.fwmark'] = e.number;
  if (!Number.isInteger(vpn.mtu) || vpn.mtu < 0 || vpn.mtu > 65_535) out['wg.mtu'] = e.number;
  vpn.peers.forEach((p, i) => {
    const at = `wg.peer.${String(i)}`;
    if (!WG_KEY.test(p.publicKey)) out[`${at}.publicKey`] = e.wgKey;
    if (p.newPresharedKey !== null && !WG_KEY.test(p.newPresharedKey)) out[`${at}.psk`] = e.wgKey;
    const badIp = p.allowedIps.find((a) => !isCidr(a, 4) && !isCidr(a, 6));
    if (badIp !== undefined) out[`${at}.allowedIps`] = e.cidr('IP', badIp);
    if (p.endpoint !== null && p.endpoint !== '' && !isEndpoint(p.endpoint)) {
      out[`${at}.endpoint`] = e.endpoint;
    }
    if (p.keepalive !== null && (!Number.isInteger(p.keepalive) || p.keepalive > 65_535)) {
      out[`${at}.keepalive`] = e.number;
    }
  });
}

function ip(edit: IpEdit, family: 4 | 6, out: Problems): void {
  const at = `ipv${String(family)}`;
  const name = `IPv${String(family)}`;
  if (edit.method === 'manual' && edit.addresses.length === 0) {
    out[`${at}.addresses`] = e.manualNeedsAddress;
  }
  const badAddr = edit.addresses.find((a) => !isCidr(a, family));
  if (badAddr !== undefined) out[`${at}.addresses`] = e.cidr(name, badAddr);
  const badDns = edit.dns.find((a) => !isAddress(a, family));
  if (badDns !== undefined) out[`${at}.dns`] = e.address(name, badDns);
  edit.routes.forEach((r, i) => {
    if (!isCidr(r.dest, family)) out[`${at}.route.${String(i)}.dest`] = e.cidr(name, r.dest);
    if (r.nextHop !== null && r.nextHop !== '' && !isAddress(r.nextHop, family)) {
      out[`${at}.route.${String(i)}.nextHop`] = e.address(name, r.nextHop);
    }
    if (r.metric !== null && !Number.isInteger(r.metric)) {
      out[`${at}.route.${String(i)}.metric`] = e.number;
    }
  });
}

export function validate(form: Form): Problems {
  const out: Problems = {};
  const { edit } = form;
  if (edit.name.trim() === '') out.name = e.name;
  if (!Number.isInteger(edit.autoconnectRetries) || edit.autoconnectRetries < -1) {
    out.autoconnectRetries = e.number;
  }
  switch (edit.vpn.kind) {
    case 'plugin':
      if (edit.vpn.serviceType === OPENVPN_SERVICE) validateOpenVpn(edit.vpn, out);
      if (edit.vpn.serviceType === OPENCONNECT_SERVICE) validateOpenConnect(edit.vpn, out);
      break;
    case 'wireguard':
      wireguard(edit.vpn, out);
      break;
  }
  const seen = new Set<string>();
  form.rows.forEach((row, i) => {
    if (row.key.trim() === '') out[`plugin.key.${String(i)}`] = e.dataKey;
    else if (seen.has(row.key)) out[`plugin.key.${String(i)}`] = e.dataKeyTwice;
    seen.add(row.key);
  });
  ip(edit.ipv4, 4, out);
  ip(edit.ipv6, 6, out);
  return out;
}
