// Public API of the importers and exporters. Everything here is pure except writeInlineFiles and
// removeFiles (the only functions that touch the file system) and the optional readFile callbacks,
// and the bulk importer (bulk-*.ts), which reads folders and talks to NetworkManager.

export { parseOvpn, idFromFileName, type OvpnParseOptions } from './ovpn-parse';
export { parseWgQuick, type WgParseOptions } from './wg-parse';
export { parseImportFile, detectKind, type ImportKind } from './detect';
export { tokenizeLine } from './ovpn-tokenizer';
export { exportOvpn, type OvpnExportOptions, type OvpnExport } from './ovpn-export';
export { exportWgQuick, type WgSecrets, type WgExport } from './wg-export';
export { toSettingsDict } from './settings-dict';
export { fromSettingsDict } from './settings-dict-read';
export { inlineFilePath, writeInlineFiles, removeFiles, withInlinePaths } from './inline-files';
export {
  OPENVPN_DATA_KEYS,
  OPENVPN_SECRET_KEYS,
  OPENVPN_SERVICE_TYPE,
  isOpenVpnDataKey,
  knownDataOnly,
} from './ovpn-keys';
export { withoutSecrets, isWireGuardProfile } from './profile';
export type * from './profile';
export {
  formatImportError,
  type ImportError,
  type ImportFailure,
  type ImportNote,
  type ImportResult,
  type ImportSuccess,
  type InlineFile,
  type ReadFile,
} from './result';
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
