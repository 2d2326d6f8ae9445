import { defineStrings, fmt } from '../../main/i18n/define';

/** The prompt's texts for OpenConnect's login steps (a certificate to accept, a browser login). */
export const loginStrings = defineStrings('login', {
  untrusted: fmt(
    'The server {host} has a certificate this computer does not trust.',
    (host: string) => ({
      host,
    }),
  ),
  why: fmt('Reason: {reason}. Accept it only if you know it is your VPN’s.', (reason: string) => ({
    reason,
  })),
  accept: 'Accept certificate',
});
