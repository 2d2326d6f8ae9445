import type {
  BaseConnectionView,
  IpEdit,
  ProfileEdit,
  ProfileEditView,
} from '../../preload/editor';

export function ip(extra: Partial<IpEdit> = {}): IpEdit {
  return {
    method: 'auto',
    addresses: [],
    dns: [],
    dnsSearch: [],
    routes: [],
    neverDefault: false,
    ignoreAutoRoutes: false,
    ignoreAutoDns: false,
    ...extra,
  };
}

/** The General page's fields as profile:get gives them for a profile named `name`. */
function general(name: string): Omit<ProfileEdit, 'vpn' | 'ipv4' | 'ipv6'> {
  return {
    name,
    autoconnect: false,
    autoconnectRetries: -1,
    persistent: false,
    allUsers: true,
    connectWith: [],
    dnsRouting: 'profile',
  };
}

/** An OpenVPN profile as profile:get gives it, with a vpn.data key the editor has no field for. */
export function openvpnEdit(): ProfileEdit {
  return {
    ...general('office'),
    vpn: {
      kind: 'plugin',
      serviceType: 'org.freedesktop.NetworkManager.openvpn',
      data: {
        remote: 'gw.corp.example.com:1194:udp',
        'connection-type': 'password',
        username: 'alice',
        ca: '/etc/vpn/ca.pem',
        'password-flags': '1',
        'x-future-key': 'kept',
      },
      newSecrets: {},
    },
    ipv4: ip({ dns: ['10.0.0.53'] }),
    ipv6: ip(),
  };
}

export const PEER_KEY = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
export const PEER_KEY_2 = 'HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=';

export function wireguardEdit(): ProfileEdit {
  return {
    ...general('home-wg'),
    vpn: {
      kind: 'wireguard',
      privateKey: { action: 'keep' },
      listenPort: 51820,
      fwmark: 0,
      mtu: 0,
      peers: [
        {
          publicKey: PEER_KEY,
          newPresharedKey: null,
          allowedIps: ['10.9.0.0/24'],
          endpoint: 'wg.example.com:51820',
          keepalive: 25,
        },
      ],
    },
    ipv4: ip({ method: 'manual', addresses: ['10.9.0.2/24'] }),
    ipv6: ip({ method: 'disabled' }),
  };
}

export function pluginEdit(): ProfileEdit {
  return {
    ...general('anyconnect'),
    vpn: {
      kind: 'plugin',
      serviceType: 'org.freedesktop.NetworkManager.vpnc',
      data: { gateway: 'vpn.example.com', protocol: 'anyconnect', 'cookie-flags': '2' },
      newSecrets: {},
    },
    ipv4: ip(),
    ipv6: ip(),
  };
}

export function view(
  uuid: string,
  edit: ProfileEdit,
  publicKey: string | null = null,
  baseConnections: BaseConnectionView[] = [],
): ProfileEditView {
  return { uuid, edit, publicKey, baseConnections };
}
