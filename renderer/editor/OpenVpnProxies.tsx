import { strings } from '../strings';
import { labelledOptions, SelectField } from './fields';
import { PAGE_KEYS } from './openvpn-pages';
import { ovpnFields, type OpenVpnSubPageProps } from './ovpn-fields';

const o = strings.ovpn;

const PROXY_TYPES = ['none', 'http', 'socks'] as const;
type ProxyType = (typeof PROXY_TYPES)[number];

function proxyType(d: Readonly<Record<string, string>>): ProxyType {
  const t = d['proxy-type'];
  return t === 'http' || t === 'socks' ? t : 'none';
}

/** The Proxies page: an HTTP or SOCKS proxy, its port, retry, and for HTTP its login. */
export function OpenVpnProxies(props: OpenVpnSubPageProps & { creating: boolean }) {
  const { vpn, onChange } = props;
  const f = ovpnFields(props);
  const { d } = f;
  const type = proxyType(d);
  return (
    <div className="edit-page">
      <SelectField
        label={o.proxyType}
        value={type}
        options={labelledOptions(PROXY_TYPES, o.proxyTypes)}
        onChange={(next) => {
          if (next !== 'none') {
            f.set('proxy-type', next);
            return;
          }
          const data = { ...d };
          for (const key of PAGE_KEYS['ovpn-proxies']) Reflect.deleteProperty(data, key);
          const newSecrets = { ...vpn.newSecrets };
          Reflect.deleteProperty(newSecrets, 'http-proxy-password');
          onChange({ ...vpn, data, newSecrets });
        }}
      />
      {type !== 'none' && (
        <>
          {f.text('proxy-server', o.proxyServer)}
          {f.optional('proxy-port', o.proxyPort, o.proxyPortHint)}
          {f.check('proxy-retry', o.proxyRetry)}
        </>
      )}
      {type === 'http' && (
        <>
          {f.text('http-proxy-username', o.proxyUser)}
          {f.secret('http-proxy-password', o.proxyPassword, o.proxyPasswordStorage)}
        </>
      )}
    </div>
  );
}
