/** D-Bus names, paths and enum values of NetworkManager 1.42 that the core relies on. */

export const NM_BUS_NAME = 'org.freedesktop.NetworkManager';
export const NM_PATH = '/org/freedesktop/NetworkManager';
export const NM_SETTINGS_PATH = '/org/freedesktop/NetworkManager/Settings';
export const NM_AGENT_MANAGER_PATH = '/org/freedesktop/NetworkManager/AgentManager';
export const NM_OBJECT_MANAGER_PATH = '/org/freedesktop';
export const SECRET_AGENT_PATH = '/org/freedesktop/NetworkManager/SecretAgent';

export const IFACE = {
  manager: 'org.freedesktop.NetworkManager',
  settings: 'org.freedesktop.NetworkManager.Settings',
  settingsConnection: 'org.freedesktop.NetworkManager.Settings.Connection',
  active: 'org.freedesktop.NetworkManager.Connection.Active',
  vpnConnection: 'org.freedesktop.NetworkManager.VPN.Connection',
  ip4Config: 'org.freedesktop.NetworkManager.IP4Config',
  ip6Config: 'org.freedesktop.NetworkManager.IP6Config',
  agentManager: 'org.freedesktop.NetworkManager.AgentManager',
  secretAgent: 'org.freedesktop.NetworkManager.SecretAgent',
  objectManager: 'org.freedesktop.DBus.ObjectManager',
  properties: 'org.freedesktop.DBus.Properties',
} as const;

/** NMActiveConnectionState */
export const ActiveState = {
  unknown: 0,
  activating: 1,
  activated: 2,
  deactivating: 3,
  deactivated: 4,
} as const;

/** NMVpnConnectionState */
export const VpnState = {
  unknown: 0,
  prepare: 1,
  needAuth: 2,
  connect: 3,
  ipConfigGet: 4,
  activated: 5,
  failed: 6,
  disconnected: 7,
} as const;

/** NMSecretAgentGetSecretsFlags */
export const GetSecretsFlags = {
  allowInteraction: 0x1,
  requestNew: 0x2,
  userRequested: 0x4,
} as const;

/** NMSettingSecretFlags */
export const SecretFlags = {
  agentOwned: 0x1,
  notSaved: 0x2,
  notRequired: 0x4,
} as const;

/** NMSettingsAddConnection2Flags (the ones Tunnelbar uses). */
export const AddConnection2Flags = {
  toDisk: 0x1,
  /** No autoconnect until the profile is activated by hand (or NetworkManager restarts). */
  blockAutoconnect: 0x20,
} as const;

/** NMSettingsUpdate2Flags (the ones Tunnelbar uses). */
export const Update2Flags = {
  toDisk: 0x1,
} as const;

/** NMSecretAgentCapabilities.VPN_HINTS: without it NM falls back to non-interactive VPN connects. */
export const AGENT_CAPABILITY_VPN_HINTS = 0x1;

export const AGENT_ERROR = {
  userCanceled: 'org.freedesktop.NetworkManager.SecretAgent.UserCanceled',
  agentCanceled: 'org.freedesktop.NetworkManager.SecretAgent.AgentCanceled',
  noSecrets: 'org.freedesktop.NetworkManager.SecretAgent.NoSecrets',
  permissionDenied: 'org.freedesktop.NetworkManager.SecretAgent.PermissionDenied',
  failed: 'org.freedesktop.NetworkManager.SecretAgent.Failed',
} as const;

export const OPENVPN_SERVICE = 'org.freedesktop.NetworkManager.openvpn';
export const OPENCONNECT_SERVICE = 'org.freedesktop.NetworkManager.openconnect';
