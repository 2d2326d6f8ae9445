import type { PluginEdit } from '../../preload/editor';
import type { OpenVpnPageId } from './openvpn-pages';
import { OpenVpnAdvanced } from './OpenVpnAdvanced';
import { OpenVpnProxies } from './OpenVpnProxies';
import { OpenVpnSecurity } from './OpenVpnSecurity';
import { OpenVpnTls } from './OpenVpnTls';
import type { Problems } from './validate';

/** One of the OpenVPN pages after the main one. */
export function OpenVpnMorePage(props: {
  page: OpenVpnPageId;
  vpn: PluginEdit;
  creating: boolean;
  problems: Problems;
  onChange: (vpn: PluginEdit) => void;
}) {
  const { page, ...rest } = props;
  switch (page) {
    case 'ovpn-advanced':
      return <OpenVpnAdvanced {...rest} />;
    case 'ovpn-security':
      return <OpenVpnSecurity {...rest} />;
    case 'ovpn-tls':
      return <OpenVpnTls {...rest} />;
    case 'ovpn-proxies':
      return <OpenVpnProxies {...rest} />;
  }
}
