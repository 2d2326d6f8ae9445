/** The prompt's texts for OpenConnect's login steps (a certificate to accept, a browser login). */
export const loginStrings = {
  untrusted: (host: string) => `The server ${host} has a certificate this computer does not trust.`,
  why: (reason: string) => `Reason: ${reason}. Accept it only if you know it is your VPN's.`,
  accept: 'Accept certificate',
};
