/** How long a VPN may take to come up or go down in the sandbox (it takes about a second). */
export const VPN_TIMEOUT_MS = 45_000;
