/**
 * The `openconnect --authenticate` command line for a profile's `vpn.data`, with the keys
 * NetworkManager-openconnect's auth dialog reads. Secrets never go on the command line (any
 * local user can read it in /proc): the token secret is passed as `@file`.
 */

export interface ArgFiles {
  /** Tunnelbar's external-browser wrapper (it tells the login a web page opened). */
  browser: string;
  /** Where the token secret is written when the profile uses a software token. */
  tokenFile: string;
}

/** The plugin's `stoken_source` values and openconnect's `--token-mode` for each. */
const TOKEN_MODES: Record<string, string> = {
  stokenrc: 'rsa',
  manual: 'rsa',
  totp: 'totp',
  hotp: 'hotp',
  yubioath: 'yubioath',
  oidc: 'oidc',
};

/** The gateway as a URL (`https://` added to a bare host) and the port its pin is kept under. */
export function gatewayUrl(gateway: string): { url: string; port: number } {
  const url = /^[a-z]+:\/\//i.test(gateway) ? gateway : `https://${gateway}`;
  try {
    const port = new URL(url).port;
    return { url, port: port === '' ? 443 : Number(port) };
  } catch {
    return { url, port: 443 };
  }
}

/** Whether the profile uses a software token whose secret openconnect must be given. */
export function tokenMode(data: Record<string, string>): string | null {
  return TOKEN_MODES[data.stoken_source ?? ''] ?? null;
}

export function openconnectArgs(data: Record<string, string>, files: ArgFiles): string[] {
  const protocol = data.protocol ?? 'anyconnect';
  const args = ['--authenticate', `--protocol=${protocol}`];
  // AnyConnect's forms are XML with their ids and field names, which openconnect's CLI prints
  // only in its HTTP dump: the transcript reads the names there (form-names.ts) and drops the rest.
  if (protocol === 'anyconnect') args.push('--dump-http-traffic');
  const option = (key: string, flag: string): void => {
    const value = data[key];
    if (value !== undefined && value !== '') args.push(`${flag}=${value}`);
  };
  option('cacert', '--cafile');
  option('usercert', '--certificate');
  option('userkey', '--sslkey');
  if (data.pem_passphrase_fsid === 'yes') args.push('--key-password-from-fsid');
  option('proxy', '--proxy');
  // A CSD wrapper runs a program the server sends: only when the profile enabled it.
  if (data.enable_csd_trojan === 'yes') option('csd_wrapper', '--csd-wrapper');
  option('reported_os', '--os');
  option('useragent', '--useragent');
  const mode = tokenMode(data);
  if (mode !== null) {
    args.push(`--token-mode=${mode}`);
    if (data.stoken_source !== 'stokenrc') args.push(`--token-secret=@${files.tokenFile}`);
  }
  args.push(`--external-browser=${files.browser}`, gatewayUrl(data.gateway ?? '').url);
  return args;
}
