import type { WgPeerEdit, WireguardEdit, WgPrivateKeyEdit } from '../../preload/editor';
import { strings } from '../strings';
import { NumberField, SelectField, TextField } from './fields';
import { PeerFields } from './PeerFields';
import { RowList } from './RowList';
import type { Problems } from './validate';

const s = strings.editor;

export interface WireGuardPageProps {
  vpn: WireguardEdit;
  /** The public key of the stored private key, when main could read it. */
  publicKey: string | null;
  creating: boolean;
  problems: Problems;
  onChange: (vpn: WireguardEdit) => void;
}

type KeyAction = WgPrivateKeyEdit['action'];

const BLANK_PEER: WgPeerEdit = {
  publicKey: '',
  newPresharedKey: null,
  allowedIps: [],
  endpoint: null,
  keepalive: null,
};

function keyStatus(creating: boolean, publicKey: string | null): string {
  if (creating) return s.privateKeyNone;
  return publicKey === null ? s.privateKeyUnknown : s.privateKeySet;
}

/** The WireGuard page: the private key (never shown), listen port, fwmark, MTU and the peers. */
export function WireGuardPage({
  vpn,
  publicKey,
  creating,
  problems,
  onChange,
}: WireGuardPageProps) {
  const actions: { value: KeyAction; label: string }[] = [
    ...(creating ? [] : [{ value: 'keep' as const, label: s.keyKeep }]),
    { value: 'generate', label: s.keyGenerate },
    { value: 'set', label: s.keySet },
  ];
  /** A number NetworkManager holds as 0 when not set, which the empty field means. */
  const unsetWhenZero = (key: 'listenPort' | 'fwmark' | 'mtu', label: string, hint?: string) => (
    <NumberField
      label={label}
      hint={hint}
      value={vpn[key]}
      empty={0}
      problem={problems[`wg.${key}`]}
      onChange={(n) => {
        onChange({ ...vpn, [key]: n ?? 0 });
      }}
    />
  );
  return (
    <div className="edit-page">
      <fieldset className="edit-group">
        <legend>{s.privateKey}</legend>
        <p className="muted">{keyStatus(creating, publicKey)}</p>
        {publicKey !== null && vpn.privateKey.action === 'keep' && (
          <label className="edit-field">
            <span className="edit-label">{s.publicKey}</span>
            <input type="text" readOnly value={publicKey} className="mono" />
          </label>
        )}
        <SelectField
          label={s.privateKey}
          value={vpn.privateKey.action}
          options={actions}
          onChange={(action) => {
            const privateKey: WgPrivateKeyEdit =
              action === 'set' ? { action, key: '' } : { action };
            onChange({ ...vpn, privateKey });
          }}
        />
        {vpn.privateKey.action === 'set' && (
          <TextField
            label={s.newPrivateKey}
            secret
            value={vpn.privateKey.key}
            problem={problems['wg.privateKey']}
            onChange={(key) => {
              onChange({ ...vpn, privateKey: { action: 'set', key } });
            }}
          />
        )}
      </fieldset>
      {unsetWhenZero('listenPort', s.listenPort, s.listenPortHint)}
      {unsetWhenZero('fwmark', s.fwmark)}
      {unsetWhenZero('mtu', s.mtu)}
      <RowList
        label={s.peers}
        rows={vpn.peers}
        blank={BLANK_PEER}
        addLabel={s.addPeer}
        onRows={(peers) => {
          onChange({ ...vpn, peers });
        }}
      >
        {(peer, i, row) => (
          <PeerFields
            index={i}
            peer={peer}
            creating={creating}
            problems={problems}
            onChange={row.set}
            onRemove={row.remove}
          />
        )}
      </RowList>
    </div>
  );
}
