// What a certificate or key fills, whether a directive names its file (`ca ca.crt`) or the
// configuration holds it (`<ca>…</ca>`): its vpn.data key and the marks finish() reads to choose
// the connection type. The two ways differ where NetworkManager-openvpn's importer does.

import { INLINE_TAGS, type InlineTag } from './keys';
import type { OvpnState } from './state';

/** `value`: the file's path, or the placeholder of an inline block (inlinePlaceholder). */
export function fillCredential(
  st: OvpnState,
  tag: InlineTag,
  value: string,
  line: number,
  from: 'file' | 'inline',
): void {
  switch (tag) {
    case 'pkcs12':
      // OpenVPN allows --pkcs12 with a separate PEM --ca: an earlier ca is kept. The block
      // replaces ca too. Neither counts as a ca.
      if (from === 'inline' || !st.haveCa) st.setRaw('ca', value, line);
      st.setRaw('cert', value, line);
      st.setRaw('key', value, line);
      st.havePkcs12 = true;
      return;
    case 'ca':
      st.haveCa = true;
      break;
    case 'cert':
      st.haveCert = true;
      break;
    case 'key':
      st.haveKey = true;
      break;
    case 'tls-auth':
      st.allowTaDir = true;
      break;
    case 'secret':
      st.allowSecretDir = true;
      // Only the directive makes a static-key profile possible (a `<secret>` block does not).
      if (from === 'file') st.haveSk = true;
      break;
    case 'extra-certs':
    case 'crl-verify':
    case 'tls-crypt':
    case 'tls-crypt-v2':
      break;
  }
  st.setRaw(INLINE_TAGS[tag], value, line);
}
