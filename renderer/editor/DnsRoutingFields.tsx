import type { DnsRouting } from '../../preload/privacy-types';
import { strings } from '../strings';
import { CheckField } from './fields';

const s = strings.dnsRouting;

/**
 * The profile's DNS routing as two boxes, at most one ticked (they contradict each other);
 * neither is what the profile's own settings say. Shown on the IPv4 and IPv6 pages alike: it
 * writes both families.
 */
export function DnsRoutingFields(props: {
  value: DnsRouting;
  onChange: (routing: DnsRouting) => void;
}) {
  const { value, onChange } = props;
  return (
    <fieldset className="dns-routing">
      <legend>{s.legend}</legend>
      <CheckField
        label={s.allThroughVpn}
        checked={value === 'all-through-vpn'}
        onChange={(on) => {
          onChange(on ? 'all-through-vpn' : 'profile');
        }}
      />
      <CheckField
        label={s.ownDomains}
        checked={value === 'own-domains'}
        onChange={(on) => {
          onChange(on ? 'own-domains' : 'profile');
        }}
      />
      <p className="muted hint">{s.hint}</p>
    </fieldset>
  );
}
