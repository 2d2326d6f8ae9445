// The vpn.data keys that map back to one .ovpn directive each, in the order the exporter writes them.

import { utf8safeUnescape } from '../text';

interface LineSink {
  line(name: string, ...args: (string | undefined)[]): void;
}

type Rule =
  | { key: string; directive: string; kind: 'flag' } // `directive` when the key is "yes"
  | { key: string; directive: string; kind: 'value' } // `directive VALUE`
  | { key: string; directive: string; kind: 'value-or-bare' }; // "yes" → bare directive

const TRANSPORT: Rule[] = [
  { key: 'dev-type', directive: 'dev-type', kind: 'value' },
  { key: 'port', directive: 'port', kind: 'value' },
  { key: 'remote-random', directive: 'remote-random', kind: 'flag' },
  { key: 'remote-random-hostname', directive: 'remote-random-hostname', kind: 'flag' },
  { key: 'connect-timeout', directive: 'connect-timeout', kind: 'value' },
];

const TUNNEL: Rule[] = [
  { key: 'cipher', directive: 'cipher', kind: 'value' },
  { key: 'data-ciphers', directive: 'data-ciphers', kind: 'value' },
  { key: 'tls-cipher', directive: 'tls-cipher', kind: 'value' },
  { key: 'auth', directive: 'auth', kind: 'value' },
  { key: 'keysize', directive: 'keysize', kind: 'value' },
  { key: 'allow-compression', directive: 'allow-compression', kind: 'value' },
  { key: 'compress', directive: 'compress', kind: 'value-or-bare' },
  { key: 'float', directive: 'float', kind: 'flag' },
  { key: 'mssfix', directive: 'mssfix', kind: 'value-or-bare' },
  { key: 'mtu-disc', directive: 'mtu-disc', kind: 'value' },
  { key: 'tunnel-mtu', directive: 'tun-mtu', kind: 'value' },
  { key: 'fragment-size', directive: 'fragment', kind: 'value' },
  { key: 'ping', directive: 'ping', kind: 'value' },
  { key: 'ping-exit', directive: 'ping-exit', kind: 'value' },
  { key: 'ping-restart', directive: 'ping-restart', kind: 'value' },
  { key: 'reneg-seconds', directive: 'reneg-sec', kind: 'value' },
  { key: 'max-routes', directive: 'max-routes', kind: 'value' },
  { key: 'remote-cert-tls', directive: 'remote-cert-tls', kind: 'value' },
  { key: 'ns-cert-type', directive: 'ns-cert-type', kind: 'value' },
  { key: 'tls-remote', directive: 'tls-remote', kind: 'value' },
  { key: 'tls-version-max', directive: 'tls-version-max', kind: 'value' },
  { key: 'allow-pull-fqdn', directive: 'allow-pull-fqdn', kind: 'flag' },
  { key: 'tun-ipv6', directive: 'tun-ipv6', kind: 'flag' },
  { key: 'push-peer-info', directive: 'push-peer-info', kind: 'flag' },
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
