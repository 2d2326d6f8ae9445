import { describe, expect, it } from 'vitest';
import { gatewayUrl, openconnectArgs } from '../../../../main/agent/openconnect/args';

const files = { browser: '/run/tb/browser.sh', tokenFile: '/run/tb/token' };

describe('openconnectArgs', () => {
  it('authenticates with the profile’s protocol and gateway, and a browser wrapper', () => {
    expect(openconnectArgs({ gateway: 'vpn.example.com:4443', protocol: 'gp' }, files)).toEqual([
      '--authenticate',
      '--protocol=gp',
      '--external-browser=/run/tb/browser.sh',
      'https://vpn.example.com:4443',
    ]);
  });

  it('passes certificates, proxy, CSD wrapper, FSID, OS and user agent the way the plugin does', () => {
    const args = openconnectArgs(
      {
        gateway: 'https://vpn/group',
        cacert: '/c/ca.pem',
        usercert: '/c/me.pem',
        userkey: '/c/me.key',
        pem_passphrase_fsid: 'yes',
        proxy: 'http://proxy:3128',
        enable_csd_trojan: 'yes',
        csd_wrapper: '/usr/libexec/openconnect/csd-post.sh',
        reported_os: 'win',
        useragent: 'AnyConnect',
      },
      files,
    );
    expect(args).toEqual([
      '--authenticate',
      '--protocol=anyconnect',
      '--dump-http-traffic',
      '--cafile=/c/ca.pem',
      '--certificate=/c/me.pem',
      '--sslkey=/c/me.key',
      '--key-password-from-fsid',
      '--proxy=http://proxy:3128',
      '--csd-wrapper=/usr/libexec/openconnect/csd-post.sh',
      '--os=win',
      '--useragent=AnyConnect',
      '--external-browser=/run/tb/browser.sh',
      'https://vpn/group',
    ]);
  });

  it('never runs a CSD wrapper the profile did not enable', () => {
    const args = openconnectArgs({ gateway: 'vpn', csd_wrapper: '/x.sh' }, files);
    expect(args.some((a) => a.startsWith('--csd-wrapper'))).toBe(false);
  });

  it('reads a token secret from its file, never from the command line', () => {
    const args = openconnectArgs({ gateway: 'vpn', stoken_source: 'totp' }, files);
    expect(args).toContain('--token-mode=totp');
    expect(args).toContain('--token-secret=@/run/tb/token');
    expect(openconnectArgs({ gateway: 'vpn', stoken_source: 'manual' }, files)).toContain(
      '--token-mode=rsa',
    );
    expect(
      openconnectArgs({ gateway: 'vpn', stoken_source: 'disabled' }, files).join(),
    ).not.toContain('token');
  });
});

describe('gatewayUrl', () => {
  it('adds https:// to a bare host, and knows the port', () => {
    expect(gatewayUrl('10.99.0.1:4443')).toEqual({ url: 'https://10.99.0.1:4443', port: 4443 });
    expect(gatewayUrl('vpn.example.com')).toEqual({ url: 'https://vpn.example.com', port: 443 });
    expect(gatewayUrl('https://vpn/x')).toEqual({ url: 'https://vpn/x', port: 443 });
  });
});
