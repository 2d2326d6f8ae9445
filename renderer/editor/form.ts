import type { ProfileEdit } from '../../preload/editor';
import { OPENCONNECT_SERVICE } from '../../preload/openconnect-keys';
import { OPENVPN_SERVICE } from './blank';

/** One vpn.data entry of the key/value page, kept as rows so a half-typed key is not lost. */
export interface DataRow {
  key: string;
  value: string;
}

/**
 * The editor's working state: the edit, plus the rows of the key/value page for plugins without
 * a page of their own (empty for OpenVPN, OpenConnect and WireGuard), folded into vpn.data on save.
 */
export interface Form {
  edit: ProfileEdit;
  rows: DataRow[];
}

export function usesRows(edit: ProfileEdit): boolean {
  if (edit.vpn.kind !== 'plugin') return false;
  return edit.vpn.serviceType !== OPENVPN_SERVICE && edit.vpn.serviceType !== OPENCONNECT_SERVICE;
}

export function formOf(edit: ProfileEdit): Form {
  const rows =
    edit.vpn.kind === 'plugin' && usesRows(edit)
      ? Object.entries(edit.vpn.data).map(([key, value]) => ({ key, value }))
      : [];
  return { edit, rows };
}

/** The edit to send: the rows become vpn.data. */
export function editOf(form: Form): ProfileEdit {
  const { edit, rows } = form;
  if (edit.vpn.kind !== 'plugin' || !usesRows(edit)) return edit;
  const data = Object.fromEntries(rows.map((r) => [r.key.trim(), r.value]));
  return { ...edit, vpn: { ...edit.vpn, data } };
}

/** vpn.data with one key set, or removed when the value is empty (NetworkManager's default). */
export function withDataKey(
  data: Readonly<Record<string, string>>,
  key: string,
  value: string,
): Record<string, string> {
  const out = { ...data };
  if (value === '') Reflect.deleteProperty(out, key);
  else out[key] = value;
  return out;
}

/**
 * The onChange of a field bound to one key of an object (a page's edit, an IP family, a peer):
 * `keySetter(ip, onChange)('dns')` puts the field's value under `dns` and hands the whole on.
 */
export function keySetter<T extends object>(value: T, onChange: (value: T) => void) {
  return <K extends keyof T>(key: K) =>
    (next: T[K]): void => {
      onChange({ ...value, [key]: next });
    };
}
