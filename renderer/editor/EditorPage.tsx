import type { ProfileEdit } from '../../preload/editor';
import type { PageId } from './blank';
import { OPENVPN_SERVICE } from './blank';
import type { Form } from './form';
import { GeneralPage, type BaseConnections } from './GeneralPage';
import { DnsRoutingFields } from './DnsRoutingFields';
import { IpPage } from './IpPage';
import { OPENCONNECT_SERVICE } from '../../preload/openconnect-keys';
import { OpenConnectPage } from './OpenConnectPage';
import { OpenVpnPage } from './OpenVpnPage';
import { OpenVpnMorePage } from './OpenVpnMorePage';
import { PluginPage } from './PluginPage';
import type { Problems } from './validate';
import { WireGuardPage } from './WireGuardPage';

/** The page shown in the editor's tab panel. */
export function EditorPage(props: {
  page: PageId;
  form: Form;
  creating: boolean;
  publicKey: string | null;
  bases: BaseConnections;
  problems: Problems;
  onForm: (form: Form) => void;
}) {
  const { page, form, creating, problems, onForm } = props;
  const { edit } = form;
  /** The VPN type's page changed its part of the profile. */
  const setVpn = (vpn: ProfileEdit['vpn']): void => {
    onForm({ ...form, edit: { ...edit, vpn } });
  };
  switch (page) {
    case 'general':
      return (
        <GeneralPage
          edit={edit}
          bases={props.bases}
          problems={problems}
          onChange={(e) => {
            onForm({ ...form, edit: e });
          }}
        />
      );
    case 'ovpn-advanced':
    case 'ovpn-security':
    case 'ovpn-tls':
    case 'ovpn-proxies': {
      const vpn = edit.vpn;
      if (vpn.kind !== 'plugin') return null;
      return (
        <OpenVpnMorePage
          page={page}
          vpn={vpn}
          creating={creating}
          problems={problems}
          onChange={setVpn}
        />
      );
    }
    case 'ipv4':
    case 'ipv6': {
      const family = page === 'ipv4' ? 4 : 6;
      return (
        <>
          <IpPage
            // A new instance per family: the list fields keep their typed text per page.
            key={page}
            family={family}
            ip={edit[page]}
            problems={problems}
            onChange={(ip) => {
              onForm({ ...form, edit: { ...edit, [page]: ip } });
            }}
          />
          <DnsRoutingFields
            value={edit.dnsRouting}
            onChange={(dnsRouting) => {
              onForm({ ...form, edit: { ...edit, dnsRouting } });
            }}
          />
        </>
      );
    }
    case 'vpn': {
      const vpn = edit.vpn;
      if (vpn.kind === 'wireguard') {
        return (
          <WireGuardPage
            vpn={vpn}
            publicKey={props.publicKey}
            creating={creating}
            problems={problems}
            onChange={setVpn}
          />
        );
      }
      if (vpn.serviceType === OPENVPN_SERVICE) {
        return <OpenVpnPage vpn={vpn} creating={creating} problems={problems} onChange={setVpn} />;
      }
      if (vpn.serviceType === OPENCONNECT_SERVICE) {
        return (
          <OpenConnectPage vpn={vpn} creating={creating} problems={problems} onChange={setVpn} />
        );
      }
      return (
        <PluginPage
          serviceType={vpn.serviceType}
          rows={form.rows}
          problems={problems}
          onRows={(rows) => {
            onForm({ ...form, rows });
          }}
        />
      );
    }
  }
}
