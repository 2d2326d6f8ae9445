import { strings } from '../strings';
import { SelectField } from './fields';
import { withDataKey } from './form';
import { ovpnFields, type OpenVpnSubPageProps } from './ovpn-fields';

const s = strings.editor;
const o = strings.ovpn;

function compression(d: Readonly<Record<string, string>>): string {
  if (d.compress !== undefined) return d.compress;
  // Legacy comp-lzo: yes and adaptive compress with LZO; no and no-by-default do not.
  return d['comp-lzo'] === 'yes' || d['comp-lzo'] === 'adaptive' ? 'lzo' : '';
}

/** ping-restart or ping-exit: what happens when the server stops answering (one of the two). */
function pingAction(d: Readonly<Record<string, string>>): '' | 'ping-restart' | 'ping-exit' {
  if (d['ping-exit'] !== undefined) return 'ping-exit';
  if (d['ping-restart'] !== undefined) return 'ping-restart';
  return '';
}

/**
 * The Advanced page (nm-connection-editor's "General" tab of its advanced dialog): port and
 * transport, renegotiation, compression, the tunnel device, MTU and fragmentation, gateways,
 * timeouts and keepalive, what the client sends and accepts.
 */
export function OpenVpnAdvanced(props: OpenVpnSubPageProps) {
  const f = ovpnFields(props);
  const { d } = f;
  const action = pingAction(d);
  const devType = d['dev-type'] ?? (d['tap-dev'] === 'yes' ? 'tap' : '');
  return (
    <div className="edit-page">
      {f.optional('port', s.port)}
      {f.check('proto-tcp', s.useTcp)}
      {f.optional('reneg-seconds', s.reneg)}
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
          f.setData(withDataKey(withDataKey(d, 'comp-lzo', ''), 'compress', value));
        }}
      />
      {f.select('allow-compression', o.allowCompression, o.allowCompressionModes)}
      <SelectField
        label={o.devType}
        value={devType}
        options={Object.entries(o.devTypes).map(([value, label]) => ({ value, label }))}
        onChange={(value) => {
          // dev-type replaces the legacy tap-dev.
          f.setData(withDataKey(withDataKey(d, 'tap-dev', ''), 'dev-type', value));
        }}
      />
      {f.optional('dev', o.devName, o.devNameHint)}
      {f.optional('tunnel-mtu', s.mtu)}
      {f.optional('fragment-size', o.fragment)}
      {f.optional('mssfix', o.mssfix, o.mssfixHint)}
      {f.select('mtu-disc', o.mtuDisc, o.mtuDiscModes)}
      {f.check('float', o.float)}
      {f.check('remote-random', o.remoteRandom)}
      {f.check('remote-random-hostname', o.remoteRandomHostname)}
      {f.check('tun-ipv6', o.tunIpv6)}
      {f.optional('max-routes', o.maxRoutes)}
      {f.optional('connect-timeout', o.connectTimeout)}
      {f.optional('ping', o.ping)}
      <SelectField
        label={o.pingAction}
        value={action}
        options={Object.entries(o.pingActions).map(([value, label]) => ({ value, label }))}
        onChange={(next) => {
          // The seconds move to the other key, as nm-connection-editor's one field does.
          const seconds = action === '' ? '' : (d[action] ?? '');
          const data = withDataKey(withDataKey(d, 'ping-exit', ''), 'ping-restart', '');
          f.setData(next === '' ? data : { ...data, [next]: seconds });
        }}
      />
      {action !== '' && f.text(action, o.pingWait)}
      {f.check('push-peer-info', o.pushPeerInfo)}
      {f.check('allow-pull-fqdn', o.allowPullFqdn)}
    </div>
  );
}
