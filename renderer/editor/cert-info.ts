// The line a certificate field shows under its path: what the file holds, as cert:inspect said.

import type { CertInfoView } from '../../preload/library';
import { strings } from '../strings';

const s = strings.ovpn;

function day(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

export interface CertInfoLine {
  text: string;
  /** Expired, not yet valid or unreadable: shown as a warning. */
  warn: boolean;
}

export function certInfoLine(info: CertInfoView, now: number): CertInfoLine {
  switch (info.kind) {
    case 'certificate': {
      const parts = [s.certificate(info.subject, info.issuer)];
      let warn = false;
      if (info.notAfter < now) {
        parts.push(s.expired(day(info.notAfter)));
        warn = true;
      } else if (info.notBefore > now) {
        parts.push(s.notYetValid(day(info.notBefore)));
        warn = true;
      } else parts.push(s.validUntil(day(info.notAfter)));
      if (info.count > 1) parts.push(s.certificates(info.count));
      return { text: parts.join('; '), warn };
    }
    case 'private-key':
      return { text: info.encrypted ? s.encryptedKey : s.privateKey, warn: false };
    case 'pkcs12':
      return { text: s.pkcs12, warn: false };
    case 'static-key':
      return { text: s.staticKey, warn: false };
    case 'crl':
      return { text: s.crlFile, warn: false };
    case 'unreadable':
      return { text: info.sentence, warn: true };
  }
}
