import type { WgPeerEdit } from '../../preload/editor';
import { strings } from '../strings';
import { ListField, NumberField, TextField } from './fields';
import { keySetter } from './form';
import type { Problems } from './validate';

const s = strings.editor;

/** One WireGuard peer; its preshared key is never shown, only replaced. */
export function PeerFields(props: {
  index: number;
  peer: WgPeerEdit;
  creating: boolean;
  problems: Problems;
  onChange: (peer: WgPeerEdit) => void;
  onRemove: () => void;
}) {
  const { index, peer, creating, problems, onChange } = props;
  const set = keySetter(peer, onChange);
  const at = `wg.peer.${String(index)}`;
  const n = index + 1;
  return (
    <fieldset className="edit-group peer">
      <legend>{s.peer(n)}</legend>
      <TextField
        label={s.peerPublicKey}
        value={peer.publicKey}
        problem={problems[`${at}.publicKey`]}
        onChange={(publicKey) => {
          onChange({ ...peer, publicKey: publicKey.trim() });
        }}
      />
      <TextField
        label={s.peerPsk}
        secret
        value={peer.newPresharedKey ?? ''}
        placeholder={creating ? undefined : s.peerPskKeep}
        problem={problems[`${at}.psk`]}
        onChange={(psk) => {
          onChange({ ...peer, newPresharedKey: psk === '' ? null : psk.trim() });
        }}
      />
      <ListField
        label={s.allowedIps}
        hint={s.addressesHint}
        value={peer.allowedIps}
        problem={problems[`${at}.allowedIps`]}
        onChange={set('allowedIps')}
      />
      <TextField
        label={s.endpoint}
        value={peer.endpoint ?? ''}
        problem={problems[`${at}.endpoint`]}
        onChange={(endpoint) => {
          onChange({ ...peer, endpoint: endpoint.trim() === '' ? null : endpoint.trim() });
        }}
      />
      <NumberField
        label={s.keepalive}
        value={peer.keepalive}
        empty={null}
        problem={problems[`${at}.keepalive`]}
        onChange={set('keepalive')}
      />
      <button type="button" className="secondary" onClick={props.onRemove}>
        {s.removePeer(n)}
      </button>
    </fieldset>
  );
}
