// Fields over OpenVPN vpn.data keys, shared by the OpenVPN pages: each reads one key and writes it
// back (an empty value removes the key: the plugin's default). Field ids are `ovpn.<key>`.

import type { PluginEdit } from '../../preload/editor';
import { strings } from '../strings';
import { CertField } from './CertField';
import { CheckField, SelectField, TextField } from './fields';
import { withDataKey } from './form';
import { OpenVpnSecret, type OpenVpnSecretKey } from './OpenVpnSecret';
import type { Problems } from './validate';

export interface OpenVpnSubPageProps {
  vpn: PluginEdit;
  problems: Problems;
  onChange: (vpn: PluginEdit) => void;
}

/** The options of a select, with the stored value added when it is not one of them. */
export function optionsWith(
  current: string,
  labels: Readonly<Record<string, string>>,
): { value: string; label: string }[] {
  const options = Object.entries(labels).map(([value, label]) => ({ value, label }));
  if (!(current in labels)) options.push({ value: current, label: current });
  return options;
}

/**
 * `prefix`: the field ids' (`ovpn` for OpenVPN, `oc` for the OpenConnect page). `creating`: a new
 * profile, whose secrets have no stored value to keep (only the pages with a secret pass it).
 */
export function ovpnFields(
  { vpn, problems, onChange, creating = false }: OpenVpnSubPageProps & { creating?: boolean },
  prefix = 'ovpn',
) {
  const d = vpn.data;
  const setData = (data: Record<string, string>): void => {
    onChange({ ...vpn, data });
  };
  const set = (key: string, value: string): void => {
    setData(withDataKey(d, key, value));
  };
  return {
    d,
    setData,
    set,
    text: (key: string, label: string, hint?: string) => (
      <TextField
        label={label}
        hint={hint}
        value={d[key] ?? ''}
        problem={problems[`${prefix}.${key}`]}
        onChange={(value) => {
          set(key, value);
        }}
      />
    ),
    /** A key the plugin has a default for: empty says so. */
    optional: (key: string, label: string, hint?: string) => (
      <TextField
        label={label}
        hint={hint}
        value={d[key] ?? ''}
        placeholder={strings.editor.defaultValue}
        problem={problems[`${prefix}.${key}`]}
        onChange={(value) => {
          set(key, value);
        }}
      />
    ),
    /** A yes/no key; off removes it (for proxy-retry even "no" would turn it on). */
    check: (key: string, label: string) => (
      <CheckField
        label={label}
        checked={d[key] === 'yes'}
        onChange={(on) => {
          set(key, on ? 'yes' : '');
        }}
      />
    ),
    select: (key: string, label: string, labels: Readonly<Record<string, string>>) => (
      <SelectField
        label={label}
        value={d[key] ?? ''}
        options={optionsWith(d[key] ?? '', labels)}
        problem={problems[`${prefix}.${key}`]}
        onChange={(value) => {
          set(key, value);
        }}
      />
    ),
    /** A secret of vpn.secrets: where it is kept and, when it is stored, a new value. */
    secret: (key: OpenVpnSecretKey, label: string, storageLabel: string) => (
      <OpenVpnSecret
        vpn={vpn}
        secretKey={key}
        label={label}
        storageLabel={storageLabel}
        creating={creating}
        onChange={onChange}
      />
    ),
    /** keepEmpty: the key stays (empty) while the path is typed, so a mode that needs it holds. */
    cert: (key: string, label: string, keepEmpty = false) => (
      <CertField
        label={label}
        value={d[key] ?? ''}
        problem={problems[`${prefix}.${key}`]}
        onChange={(path) => {
          setData(keepEmpty ? { ...d, [key]: path } : withDataKey(d, key, path));
        }}
      />
    ),
  };
}
