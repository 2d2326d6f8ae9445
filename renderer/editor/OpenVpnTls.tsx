import { strings } from '../strings';
import { labelledOptions, SelectField } from './fields';
import { withDataKey } from './form';
import { ovpnFields, type OpenVpnSubPageProps } from './ovpn-fields';

const s = strings.editor;
const o = strings.ovpn;

const TLS_MODES = ['none', 'tls-auth', 'tls-crypt', 'tls-crypt-v2'] as const;
type TlsMode = (typeof TLS_MODES)[number];
/** The vpn.data key holding the key file of each mode. */
const TLS_KEY: Record<Exclude<TlsMode, 'none'>, string> = {
  'tls-auth': 'ta',
  'tls-crypt': 'tls-crypt',
  'tls-crypt-v2': 'tls-crypt-v2',
};

function tlsMode(d: Readonly<Record<string, string>>): TlsMode {
  if (d.ta !== undefined) return 'tls-auth';
  if (d['tls-crypt'] !== undefined) return 'tls-crypt';
  if (d['tls-crypt-v2'] !== undefined) return 'tls-crypt-v2';
  return 'none';
}

const CRL_MODES = ['none', 'file', 'dir'] as const;
type CrlMode = (typeof CRL_MODES)[number];

function crlMode(d: Readonly<Record<string, string>>): CrlMode {
  if (d['crl-verify-file'] !== undefined) return 'file';
  if (d['crl-verify-dir'] !== undefined) return 'dir';
  return 'none';
}

const CERT_USAGE: Readonly<Record<string, string>> = {
  '': s.remoteCertNone,
  server: s.remoteCertServer,
  client: s.remoteCertClient,
};

/**
 * The TLS authentication page: the extra key (tls-auth, tls-crypt, tls-crypt-v2) and its
 * direction, how the server's certificate is checked, extra certificates and the CRL.
 */
export function OpenVpnTls(props: OpenVpnSubPageProps) {
  const f = ovpnFields(props);
  const { d } = f;
  const mode = tlsMode(d);
  const keyOf = mode === 'none' ? null : TLS_KEY[mode];
  const crl = crlMode(d);
  return (
    <div className="edit-page">
      <SelectField
        label={s.tlsKeyMode}
        value={mode}
        options={labelledOptions(TLS_MODES, s.tlsModes)}
        onChange={(next) => {
          // The key file moves to the new mode's key; the direction only exists for tls-auth.
          const path = keyOf === null ? '' : (d[keyOf] ?? '');
          let data = withDataKey(
            withDataKey(withDataKey(d, 'ta', ''), 'tls-crypt', ''),
            'tls-crypt-v2',
            '',
          );
          if (next !== 'tls-auth') data = withDataKey(data, 'ta-dir', '');
          if (next !== 'none') data = { ...data, [TLS_KEY[next]]: path };
          f.setData(data);
        }}
      />
      {keyOf !== null && f.cert(keyOf, s.tlsKey, true)}
      {mode === 'tls-auth' &&
        f.select('ta-dir', s.keyDirection, { '': s.directionNone, '0': '0', '1': '1' })}
      {f.optional('verify-x509-name', s.verifyName, s.verifyNameHint)}
      {d['tls-remote'] !== undefined && f.text('tls-remote', o.tlsRemote)}
      {f.select('remote-cert-tls', s.remoteCertTls, CERT_USAGE)}
      {f.select('ns-cert-type', o.nsCertType, CERT_USAGE)}
      {f.cert('extra-certs', o.extraCerts)}
      <SelectField
        label={o.crl}
        value={crl}
        options={labelledOptions(CRL_MODES, o.crlModes)}
        onChange={(next) => {
          const path = crl === 'file' ? d['crl-verify-file'] : d['crl-verify-dir'];
          const data = withDataKey(withDataKey(d, 'crl-verify-file', ''), 'crl-verify-dir', '');
          if (next === 'none') f.setData(data);
          else f.setData({ ...data, [`crl-verify-${next}`]: path ?? '' });
        }}
      />
      {crl === 'file' && f.cert('crl-verify-file', o.crlFileField, true)}
      {crl === 'dir' && f.text('crl-verify-dir', o.crlDir)}
    </div>
  );
}
