import type { PluginEdit } from '../../preload/editor';
import { strings } from '../strings';
import { CheckField, SelectField, TextField } from './fields';
import { withDataKey } from './form';
import type { Problems } from './validate';

const s = strings.editor;

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

function compression(d: Readonly<Record<string, string>>): string {
  if (d.compress !== undefined) return d.compress;
  // Legacy comp-lzo: yes and adaptive compress with LZO; no and no-by-default do not.
  return d['comp-lzo'] === 'yes' || d['comp-lzo'] === 'adaptive' ? 'lzo' : '';
}

/** The advanced essentials: port, TCP, ciphers, HMAC, compression, MTU, renegotiation, TLS. */
export function OpenVpnAdvanced(props: {
  vpn: PluginEdit;
  problems: Problems;
  onChange: (vpn: PluginEdit) => void;
}) {
  const { vpn, problems, onChange } = props;
  const d = vpn.data;
  const setData = (data: Record<string, string>): void => {
    onChange({ ...vpn, data });
  };
  // keepEmpty: the key file of the TLS mode stays (empty) while typed, so the mode holds.
  const text = (key: string, label: string, hint?: string, keepEmpty = false) => (
    <TextField
      label={label}
      hint={hint}
      value={d[key] ?? ''}
      placeholder={keepEmpty ? undefined : s.defaultValue}
      problem={problems[`ovpn.${key}`]}
      onChange={(value) => {
        setData(keepEmpty ? { ...d, [key]: value } : withDataKey(d, key, value));
      }}
    />
  );
  const mode = tlsMode(d);
  const keyOf = mode === 'none' ? null : TLS_KEY[mode];
  return (
    <fieldset className="edit-group">
      <legend>{s.advanced}</legend>
      {text('port', s.port)}
      <CheckField
        label={s.useTcp}
        checked={d['proto-tcp'] === 'yes'}
        onChange={(on) => {
          setData(withDataKey(d, 'proto-tcp', on ? 'yes' : ''));
        }}
      />
      {text('cipher', s.cipher)}
      {text('data-ciphers', s.dataCiphers)}
      {text('auth', s.hmac)}
      <SelectField
        label={s.compression}
        value={compression(d)}
        options={[
          { value: '', label: s.compressionOff },
          { value: 'lzo', label: 'LZO' },
          { value: 'lz4', label: 'LZ4' },
          { value: 'lz4-v2', label: 'LZ4 v2' },
          { value: 'yes', label: s.compressionFraming },
        ]}
        onChange={(value) => {
          setData(withDataKey(withDataKey(d, 'comp-lzo', ''), 'compress', value));
        }}
      />
      {text('tunnel-mtu', s.mtu)}
      {text('reneg-seconds', s.reneg)}
      <SelectField
        label={s.tlsKeyMode}
        value={mode}
        options={TLS_MODES.map((m) => ({ value: m, label: s.tlsModes[m] ?? m }))}
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
          setData(data);
        }}
      />
      {keyOf !== null && text(keyOf, s.tlsKey, undefined, true)}
      {mode === 'tls-auth' && (
        <SelectField
          label={s.keyDirection}
          value={d['ta-dir'] ?? ''}
          options={[
            { value: '', label: s.directionNone },
            { value: '0', label: '0' },
            { value: '1', label: '1' },
          ]}
          onChange={(value) => {
            setData(withDataKey(d, 'ta-dir', value));
          }}
        />
      )}
      {text('verify-x509-name', s.verifyName, s.verifyNameHint)}
      <SelectField
        label={s.remoteCertTls}
        value={d['remote-cert-tls'] ?? ''}
        options={[
          { value: '', label: s.remoteCertNone },
          { value: 'server', label: s.remoteCertServer },
          { value: 'client', label: s.remoteCertClient },
        ]}
        onChange={(value) => {
          setData(withDataKey(d, 'remote-cert-tls', value));
        }}
      />
    </fieldset>
  );
}
