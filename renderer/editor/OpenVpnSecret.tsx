import type { PluginEdit } from '../../preload/editor';
import { strings } from '../strings';
import { labelledOptions, SelectField, TextField } from './fields';
import { withDataKey } from './form';

const s = strings.editor;

/** The secrets of NetworkManager-openvpn's vpn.secrets that the pages edit. */
export type OpenVpnSecretKey = 'password' | 'cert-pass' | 'http-proxy-password';

/** Where a secret is kept (its -flags key): this user, all users, ask every time, not required. */
const STORAGE = ['1', '0', '2', '4'] as const;
type Storage = (typeof STORAGE)[number];

function storageOf(value: string | undefined): Storage {
  const v = value ?? '0';
  return (STORAGE as readonly string[]).includes(v) ? (v as Storage) : '0';
}

/**
 * A secret of vpn.secrets (password, cert-pass, http-proxy-password): its storage (the `<key>-flags`
 * vpn.data key) and, when it is stored, the field to type a new one. The stored secret never
 * reaches the page; what is typed travels in newSecrets.
 */
export function OpenVpnSecret(props: {
  vpn: PluginEdit;
  secretKey: OpenVpnSecretKey;
  label: string;
  storageLabel: string;
  creating: boolean;
  onChange: (vpn: PluginEdit) => void;
}) {
  const { vpn, secretKey, creating, onChange } = props;
  const flagsKey = `${secretKey}-flags`;
  const storage = storageOf(vpn.data[flagsKey]);
  const stored = storage === '0' || storage === '1';
  return (
    <>
      <SelectField
        label={props.storageLabel}
        value={storage}
        options={labelledOptions(STORAGE, s.storage)}
        onChange={(value) => {
          const newSecrets = { ...vpn.newSecrets };
          if (value !== '0' && value !== '1') Reflect.deleteProperty(newSecrets, secretKey);
          onChange({ ...vpn, newSecrets, data: withDataKey(vpn.data, flagsKey, value) });
        }}
      />
      {stored && (
        <TextField
          label={props.label}
          secret
          value={vpn.newSecrets[secretKey] ?? ''}
          placeholder={creating ? undefined : s.passwordKeep}
          onChange={(value) => {
            const newSecrets = { ...vpn.newSecrets };
            if (value === '') Reflect.deleteProperty(newSecrets, secretKey);
            else newSecrets[secretKey] = value;
            onChange({ ...vpn, newSecrets });
          }}
        />
      )}
    </>
  );
}
