// The vpn.data keys that map back to one .ovpn directive each, in the order the exporter writes them.

import { utf8safeUnescape } from '../text';

interface LineSink {
  line(name: string, ...args: (string | undefined)[]): void;
}

interface Rule {
  key: string;
  directive: string;
  kind: 'flag' | 'value' | 'value-or-bare';
}

// Most keys are named as their directive; the few that are not give it.
const rule =
  (kind: Rule['kind']) =>
  (key: string, directive = key): Rule => ({ key, directive, kind });
const flag = rule('flag'); // `directive` when the key is "yes"
const value = rule('value'); // `directive VALUE`
const valueOrBare = rule('value-or-bare'); // "yes" → bare directive

const TRANSPORT: Rule[] = [
  value('dev-type'),
  value('port'),
  flag('remote-random'),
  flag('remote-random-hostname'),
  value('connect-timeout'),
];

const TUNNEL: Rule[] = [
  value('cipher'),
  value('data-ciphers'),
  value('tls-cipher'),
  value('auth'),
  value('keysize'),
  value('allow-compression'),
  valueOrBare('compress'),
  flag('float'),
  valueOrBare('mssfix'),
  value('mtu-disc'),
  value('tunnel-mtu', 'tun-mtu'),
  value('fragment-size', 'fragment'),
  value('ping'),
  value('ping-exit'),
  value('ping-restart'),
  value('reneg-seconds', 'reneg-sec'),
  value('max-routes'),
  value('remote-cert-tls'),
  value('ns-cert-type'),
  value('tls-remote'),
  value('tls-version-max'),
  flag('allow-pull-fqdn'),
  flag('tun-ipv6'),
  flag('push-peer-info'),
];

function apply(w: LineSink, data: Readonly<Record<string, string>>, rules: Rule[]): void {
  for (const r of rules) {
    const v = data[r.key];
    if (v === undefined) continue;
    if (r.kind === 'flag') {
      if (v === 'yes') w.line(r.directive);
    } else if (r.kind === 'value-or-bare' && v === 'yes') w.line(r.directive);
    else w.line(r.directive, v);
  }
}

export function simpleDirectives(
  w: LineSink,
  data: Readonly<Record<string, string>>,
  group: 'transport' | 'tunnel',
): void {
  if (group === 'transport') {
    if (data.dev !== undefined) w.line('dev', utf8safeUnescape(data.dev));
    if (data['proto-tcp'] === 'yes') w.line('proto', 'tcp');
    apply(w, data, TRANSPORT);
    return;
  }
  apply(w, data, TUNNEL);
  const lzo = data['comp-lzo'];
  // "no-by-default" is how the plugin stores an explicit `comp-lzo no`.
  if (lzo !== undefined) w.line('comp-lzo', lzo === 'no-by-default' ? 'no' : lzo);
  if (data['local-ip'] !== undefined && data['remote-ip'] !== undefined) {
    w.line('ifconfig', data['local-ip'], data['remote-ip']);
  }
  const x509 = data['verify-x509-name'];
  if (x509 !== undefined) {
    const colon = x509.indexOf(':');
    if (colon < 0) w.line('verify-x509-name', x509);
    else w.line('verify-x509-name', x509.slice(colon + 1), x509.slice(0, colon));
  }
  const min = data['tls-version-min'];
  if (min !== undefined) {
    const orHighest = data['tls-version-min-or-highest'] === 'yes' ? 'or-highest' : undefined;
    w.line('tls-version-min', min, orHighest);
  }
}
