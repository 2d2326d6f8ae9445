import type { PluginEdit } from '../../preload/editor';
import { strings } from '../strings';
import { SelectField, TextField } from './fields';
import { withDataKey } from './form';
import { OpenVpnAdvanced } from './OpenVpnAdvanced';
import type { Problems } from './validate';

const s = strings.editor;

const AUTH_TYPES = ['tls', 'password', 'password-tls', 'static-key'] as const;
type AuthType = (typeof AUTH_TYPES)[number];
/** Storage of the password (password-flags): this user, all users, ask every time, not required. */
const STORAGE = ['1', '0', '2', '4'] as const;
type Storage = (typeof STORAGE)[number];

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export interface OpenVpnPageProps {
  vpn: PluginEdit;
  creating: boolean;
  problems: Problems;
  onChange: (vpn: PluginEdit) => void;
}

/** The OpenVPN page: fields over vpn.data keys of NetworkManager-openvpn (reference §7.2). */
export function OpenVpnPage({ vpn, creating, problems, onChange }: OpenVpnPageProps) {
  const d = vpn.data;
  const text = (key: string, label: string, hint?: string) => (
    <TextField
      label={label}
      hint={hint}
      value={d[key] ?? ''}
      problem={problems[`ovpn.${key}`]}
      onChange={(value) => {
        onChange({ ...vpn, data: withDataKey(d, key, value) });
      }}
    />
  );
  const rawType = d['connection-type'] ?? 'tls';
  const type: AuthType = isOneOf(AUTH_TYPES, rawType) ? rawType : 'tls';
  const rawStorage = d['password-flags'] ?? '0';
  const storage: Storage = isOneOf(STORAGE, rawStorage) ? rawStorage : '0';
  const certs = type === 'tls' || type === 'password-tls';
  const password = type === 'password' || type === 'password-tls';
  const storesPassword = storage === '0' || storage === '1';
  const setPassword = (value: string): void => {
    const newSecrets = { ...vpn.newSecrets };
    if (value === '') delete newSecrets.password;
    else newSecrets.password = value;
    onChange({ ...vpn, newSecrets });
  };
  return (
    <div className="edit-page">
      {text('remote', s.gateway, s.gatewayHint)}
      <SelectField
        label={s.authType}
        value={type}
        options={AUTH_TYPES.map((t) => ({ value: t, label: s.auth[t] ?? t }))}
        onChange={(t) => {
          onChange({ ...vpn, data: withDataKey(d, 'connection-type', t) });
        }}
      />
      {type !== 'static-key' && text('ca', s.ca)}
      {certs && text('cert', s.cert)}
      {certs && text('key', s.key)}
      {type === 'static-key' && (
        <>
          {text('static-key', s.staticKey)}
          <SelectField
            label={s.keyDirection}
            value={d['static-key-direction'] ?? ''}
            options={[
              { value: '', label: s.directionNone },
              { value: '0', label: '0' },
              { value: '1', label: '1' },
            ]}
            onChange={(value) => {
              onChange({ ...vpn, data: withDataKey(d, 'static-key-direction', value) });
            }}
          />
          {text('remote-ip', s.remoteIp)}
          {text('local-ip', s.localIp)}
        </>
      )}
      {password && (
        <>
          {text('username', s.userName)}
          <SelectField
            label={s.passwordStorage}
            value={storage}
            options={STORAGE.map((v) => ({ value: v, label: s.storage[v] ?? v }))}
            onChange={(value) => {
              const newSecrets = { ...vpn.newSecrets };
              if (value !== '0' && value !== '1') delete newSecrets.password;
              onChange({ ...vpn, newSecrets, data: withDataKey(d, 'password-flags', value) });
            }}
          />
          {storesPassword && (
            <TextField
              label={s.password}
              secret
              value={vpn.newSecrets.password ?? ''}
              placeholder={creating ? undefined : s.passwordKeep}
              onChange={setPassword}
            />
          )}
        </>
      )}
      <OpenVpnAdvanced vpn={vpn} problems={problems} onChange={onChange} />
    </div>
  );
}
