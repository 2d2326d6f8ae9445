// STUB (being written): certificate files for the editor's fields.
import type { CertInfoView } from '../../preload/library';
import { TunnelbarError } from '../nm/errors';

export function storeCert(
  _home: string,
  _name: string,
  _base64: string,
): Promise<{ path: string; info: CertInfoView }> {
  return Promise.reject(new TunnelbarError('not-implemented', 'Not implemented yet.'));
}

export function inspectCert(_path: string): Promise<CertInfoView> {
  return Promise.reject(new TunnelbarError('not-implemented', 'Not implemented yet.'));
}
