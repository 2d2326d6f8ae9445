/**
 * The provider a profile belongs to, for grouping: the registrable part of its server's host
 * name ("nl-ams-01.vpn.example.com" → "example.com"). Addresses given as IP literals name no
 * provider. The public-suffix list is not shipped; two-letter country domains with a common
 * second level (co.uk, com.au, ...) are the only suffixes of more than one label handled.
 */
const COMMON_SECOND_LEVELS = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or']);

/** The host of an OpenVPN remote (`host[:port[:proto]]`), a WireGuard endpoint or a gateway. */
export function remoteHost(remote: string): string {
  const text = remote.trim();
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    return end > 0 ? text.slice(1, end) : text.slice(1);
  }
  // A bare IPv6 literal has several colons and nothing but hex digits between them.
  if (/^[0-9a-f:]+$/i.test(text) && text.split(':').length > 2) return text;
  return text.split(':')[0] ?? text;
}

function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

export function providerOf(remote: string | null): string | null {
  if (remote === null) return null;
  const host = remoteHost(remote).toLowerCase().replace(/\.$/, '');
  if (host === '' || isIpLiteral(host)) return null;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels.at(-1) ?? '';
  const second = labels.at(-2) ?? '';
  const keep = tld.length === 2 && COMMON_SECOND_LEVELS.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}
