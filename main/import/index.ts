// Public API of the importers and exporters. Everything here is pure except writeInlineFiles and
// removeFiles (the only functions that touch the file system) and the optional readFile callbacks,
// and the bulk importer (bulk-*.ts), which reads folders and talks to NetworkManager.

export { parseOvpn, idFromFileName, type OvpnParseOptions } from '../vpn/openvpn/parse';
export { parseWgQuick, type WgParseOptions } from '../vpn/wireguard/parse';
export { parseImportFile, detectKind, type ImportKind } from '../vpn/detect';
export { tokenizeLine } from '../vpn/openvpn/tokenizer';
export { exportOvpn, type OvpnExportOptions, type OvpnExport } from '../vpn/openvpn/export';
export { exportWgQuick, type WgSecrets, type WgExport } from '../vpn/wireguard/export';
export { toSettingsDict } from '../vpn/settings-dict';
export { fromSettingsDict } from '../vpn/settings-dict-read';
export { inlineFilePath, writeInlineFiles, removeFiles, withInlinePaths } from './inline-files';
export {
  OPENVPN_DATA_KEYS,
  OPENVPN_SECRET_KEYS,
  OPENVPN_SERVICE_TYPE,
  isOpenVpnDataKey,
  knownDataOnly,
} from '../vpn/openvpn/keys';
export { withoutSecrets, isWireGuardProfile } from '../vpn/profile';
export type * from '../vpn/profile';
export {
  formatImportError,
  type ImportError,
  type ImportFailure,
  type ImportNote,
  type ImportResult,
  type ImportSuccess,
  type InlineFile,
  type ReadFile,
} from '../vpn/result';
export {
  runBulkImport,
  DEFAULT_WINDOW,
  type BulkImportOptions,
  type BulkImportDeps,
} from './bulk-import';
export { collectTargets, type WalkEntry } from './bulk-walk';
export { loadExistingProfiles } from './bulk-existing';
export { IMPORT_ADD_FLAGS } from './bulk-nm';
export type { ExistingProfile } from './bulk-index';
export type * from './bulk-types';
