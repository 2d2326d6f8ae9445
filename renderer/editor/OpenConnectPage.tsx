import type { PluginEdit } from '../../preload/editor';
import {
  OC_PROTOCOLS,
  OC_REPORTED_OS,
  OC_TOKEN_MODES,
  OC_TOKEN_MODES_WITH_SECRET,
} from '../../preload/openconnect-keys';
import { TextField } from './fields';
import { ocStrings as s } from './openconnect-strings';
import { ovpnFields } from './ovpn-fields';
import type { Problems } from './validate';

/** Labels by value, for a select. */
function labelled(
  values: readonly string[],
  labels: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v, labels[v] ?? v]));
}

/**
 * The OpenConnect page: NetworkManager-openconnect's vpn.data keys as its own editor shows them.
 * Each field writes its key only when changed (empty removes it: the plugin's default); every
 * other key of the profile stays. The token secret is a secret: it travels in newSecrets and the
 * stored one never reaches the page.
 */
export function OpenConnectPage(props: {
  vpn: PluginEdit;
  creating: boolean;
  problems: Problems;
  onChange: (vpn: PluginEdit) => void;
}) {
  const { vpn, creating, onChange } = props;
  const f = ovpnFields(props, 'oc');
  const mode = f.d.stoken_source ?? 'disabled';
  return (
    <div className="edit-page">
      {f.select('protocol', s.protocol, labelled(OC_PROTOCOLS, s.protocols))}
      {f.text('gateway', s.gateway, s.gatewayHint)}
      {f.cert('cacert', s.ca)}
      {f.cert('usercert', s.userCert)}
      {f.cert('userkey', s.userKey)}
      {f.check('pem_passphrase_fsid', s.fsid)}
      {f.text('proxy', s.proxy, s.proxyHint)}
      {f.check('enable_csd_trojan', s.csd)}
      {f.text('csd_wrapper', s.csdWrapper)}
      {f.select('reported_os', s.reportedOs, { '': s.osDefault, ...labelled(OC_REPORTED_OS, {}) })}
      {f.select('stoken_source', s.tokenMode, labelled(OC_TOKEN_MODES, s.tokenModes))}
      {OC_TOKEN_MODES_WITH_SECRET.includes(mode) && (
        <TextField
          label={s.tokenSecret}
          secret
          value={vpn.newSecrets.stoken_string ?? ''}
          placeholder={creating ? undefined : s.tokenKeep}
          onChange={(value) => {
            const newSecrets = { ...vpn.newSecrets };
            if (value === '') Reflect.deleteProperty(newSecrets, 'stoken_string');
            else newSecrets.stoken_string = value;
            onChange({ ...vpn, newSecrets });
          }}
        />
      )}
    </div>
  );
}
