import { strings } from '../strings';
import { ovpnFields, type OpenVpnSubPageProps } from './ovpn-fields';

const s = strings.editor;
const o = strings.ovpn;

const VERSIONS: Readonly<Record<string, string>> = {
  '': o.versionDefault,
  '1.0': 'TLS 1.0',
  '1.1': 'TLS 1.1',
  '1.2': 'TLS 1.2',
  '1.3': 'TLS 1.3',
};

/** The Security page: data channel cipher and HMAC, key size, control channel TLS. */
export function OpenVpnSecurity(props: OpenVpnSubPageProps) {
  const f = ovpnFields(props);
  return (
    <div className="edit-page">
      {f.optional('cipher', s.cipher, o.cipherHint)}
      {f.optional('data-ciphers', s.dataCiphers, o.dataCiphersHint)}
      {f.check('ncp-disable', o.ncpDisable)}
      {f.optional('auth', s.hmac)}
      {f.optional('keysize', o.keysize)}
      {f.optional('tls-cipher', o.tlsCipher, o.tlsCipherHint)}
      {f.select('tls-version-min', o.tlsVersionMin, VERSIONS)}
      {f.check('tls-version-min-or-highest', o.orHighest)}
      {f.select('tls-version-max', o.tlsVersionMax, VERSIONS)}
    </div>
  );
}
