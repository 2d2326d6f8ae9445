import type { PluginEdit } from '../../preload/editor';
import { strings } from '../strings';
import { labelledOptions, SelectField } from './fields';
import { ovpnFields } from './ovpn-fields';
import type { Problems } from './validate';

const s = strings.editor;

const AUTH_TYPES = ['tls', 'password', 'password-tls', 'static-key'] as const;
type AuthType = (typeof AUTH_TYPES)[number];

function authType(value: string | undefined): AuthType {
  const v = value ?? 'tls';
  return (AUTH_TYPES as readonly string[]).includes(v) ? (v as AuthType) : 'tls';
}

export interface OpenVpnPageProps {
  vpn: PluginEdit;
  creating: boolean;
  problems: Problems;
  onChange: (vpn: PluginEdit) => void;
}

/**
 * The OpenVPN page: gateways, the authentication type and what it needs (certificates, keys and
 * their passwords, user name and password). The other vpn.data keys of NetworkManager-openvpn
 * (reference §7.2) are on the Advanced, Security, TLS authentication and Proxies pages.
 */
export function OpenVpnPage({ vpn, creating, problems, onChange }: OpenVpnPageProps) {
  const f = ovpnFields({ vpn, problems, onChange, creating });
  const { d } = f;
  const type = authType(d['connection-type']);
  const certs = type === 'tls' || type === 'password-tls';
  const password = type === 'password' || type === 'password-tls';
  return (
    <div className="edit-page">
      {f.text('remote', s.gateway, s.gatewayHint)}
      <SelectField
        label={s.authType}
        value={type}
        options={labelledOptions(AUTH_TYPES, s.auth)}
        onChange={(t) => {
          f.set('connection-type', t);
        }}
      />
      {type !== 'static-key' && f.cert('ca', s.ca)}
      {certs && (
        <>
          {f.cert('cert', s.cert)}
          {f.cert('key', s.key)}
          {f.secret('cert-pass', strings.ovpn.keyPassword, strings.ovpn.keyPasswordStorage)}
        </>
      )}
      {type === 'static-key' && (
        <>
          {f.cert('static-key', s.staticKey)}
          {f.select('static-key-direction', s.keyDirection, {
            '': s.directionNone,
            '0': '0',
            '1': '1',
          })}
          {f.text('remote-ip', s.remoteIp)}
          {f.text('local-ip', s.localIp)}
        </>
      )}
      {password && (
        <>
          {f.text('username', s.userName)}
          {f.secret('password', s.password, s.passwordStorage)}
        </>
      )}
    </div>
  );
}
