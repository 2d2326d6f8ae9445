import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TotpCodes } from '../support/one-time-code';
import { runCli } from '../support/run-cli';
import { startOcserv, TWO_FACTOR_OCSERV, type OcservServer } from './infra/ocserv-server';
import { addOpenConnectArgs } from './infra/profiles';
import { startTokenServer, type TokenServer } from './infra/token-server';
import { waitFor } from './infra/wait';
import { startSandbox, type Sandbox } from './infra/sandbox';

// `tunnelbar up --ask` logs in to a real ocserv with the openconnect program and hands the cookie
// to NetworkManager-openconnect, which connects: the tunnel's address comes from ocserv's pool.

let sb: Sandbox;
let oc: OcservServer;
let env: NodeJS.ProcessEnv;
let profile: string;
/** A second server: a group choice, then the password, then a one-time code (ocserv's OTP file). */
let twoFactor: OcservServer;
let twoFactorProfile: string;
let codes: TotpCodes;
/** A login that ends in a challenge openconnect answers from the profile's HOTP token. */
let token: TokenServer;
let tokenProfile: string;
/** A SAML login in the external browser (the "browser" follows the identity provider's redirects). */
let saml: TokenServer;
let samlProfile: string;

beforeAll(async () => {
  sb = await startSandbox();
  oc = await startOcserv(sb);
  // The agent runs here, NetworkManager in its namespace: the login must see the server as NM does.
  const wrapper = join(sb.dir, 'openconnect-in-nm-namespace');
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${sb.names.nmNetns} openconnect "$@"\n`);
  chmodSync(wrapper, 0o755);
  env = { ...sb.env, TUNNELBAR_OPENCONNECT: wrapper };
  profile = `tb-oc-${sb.id}`;
  // Flags 2 (not saved), as the plugin's editor writes them: NetworkManager asks an agent each time.
  const flags = { 'cookie-flags': '2', 'gateway-flags': '2', 'gwcert-flags': '2' };
  await sb.nmcli(addOpenConnectArgs(profile, { gateway: oc.gateway, ...flags }));
  twoFactor = await startOcserv(sb, TWO_FACTOR_OCSERV);
  codes = new TotpCodes(twoFactor.otpSecret ?? '');
  twoFactorProfile = `tb-oc2-${sb.id}`;
  await sb.nmcli(addOpenConnectArgs(twoFactorProfile, { gateway: twoFactor.gateway, ...flags }));
  token = await startTokenServer(sb);
  tokenProfile = `tb-octok-${sb.id}`;
  // The token secret system-owned (flags 0), as the plugin's editor stores it by default.
  const tokenData = { stoken_source: 'hotp', 'stoken_string-flags': '0' };
  await sb.nmcli(
    addOpenConnectArgs(tokenProfile, { gateway: token.gateway, ...flags, ...tokenData }),
  );
  await sb.nmcli([
    'connection',
    'modify',
    tokenProfile,
    'vpn.secrets',
    `stoken_string=${token.tokenSecret}`,
  ]);
  saml = await startTokenServer(sb, 'sso', 4446);
  samlProfile = `tb-ocsso-${sb.id}`;
  await sb.nmcli(addOpenConnectArgs(samlProfile, { gateway: saml.gateway, ...flags }));
  // The system browser: an xdg-open that returns at once and leaves a "browser" that, a second
  // later (a person logging in), follows the identity provider's redirects back to openconnect's
  // listener on localhost:29786. It runs where openconnect runs (NM's namespace), as a browser on
  // that machine would.
  const bin = join(sb.dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\n(sleep 1; curl -sk -L -o /dev/null "$1") &\n', {
    mode: 0o755,
  });
  env.PATH = `${bin}:${process.env.PATH ?? ''}`;
});

afterAll(async () => {
  await (saml as TokenServer | undefined)?.stop();
  await (token as TokenServer | undefined)?.stop();
  await (twoFactor as OcservServer | undefined)?.stop();
  await (oc as OcservServer | undefined)?.stop();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
  await runCli(['down', profile], env).catch(() => undefined);
  await runCli(['down', twoFactorProfile], env).catch(() => undefined);
});

/** The IPv4 addresses in NetworkManager's namespace. */
function nmAddresses(): string {
  return execFileSync('ip', ['-n', sb.names.nmNetns, '-4', '-o', 'addr'], { encoding: 'utf8' });
}

/** The profile's secrets as NetworkManager keeps them, unescaped (nmcli -g escapes ':' and ','). */
async function storedSecrets(name: string): Promise<string> {
  const out = await sb.nmcli(['-s', '-g', 'vpn.secrets', 'connection', 'show', name]);
  return out.replaceAll('\\', '');
}

/** Whether NetworkManager has no active connection of the profile (not even one going down). */
async function inactive(name: string): Promise<boolean> {
  const out = await sb.nmcli(['-g', 'GENERAL.STATE', 'connection', 'show', name]);
  return out.trim() === '';
}

const inPool = (text: string): boolean => /\b10\.30\.0\.\d+/.test(text);

describe('OpenConnect through tunnelbar up --ask', () => {
  it('shows the unknown certificate, asks user name and password, and connects', async () => {
    const input = `yes\n${oc.username}\n${oc.password}\n`;
    const r = await runCli(['up', profile, '--ask'], env, input);
    expect(r.stderr).toContain(`The certificate of ${oc.host} is not trusted`);
    expect(r.stderr).toContain(oc.pin);
    expect(r.stderr).not.toContain(oc.password);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/connected 10\.30\.0\.\d+/);
    expect(inPool(nmAddresses())).toBe(true);
    // openconnect's `resolve` (host:address of this login) is one login's, like the cookie: the
    // profile has no resolve-flags, so NetworkManager would have written it into the profile.
    expect(await storedSecrets(profile)).not.toMatch(/\bresolve\b/);
  });

  it('asks again after a wrong password, saying it was rejected', async () => {
    const input = `yes\n${oc.username}\nwrong\n${oc.password}\n`;
    const r = await runCli(['up', profile, '--ask'], env, input);
    expect(r.stderr).toContain('The previous answer was rejected');
    expect(r.code, r.stderr).toBe(0);
    expect(inPool(nmAddresses())).toBe(true);
  });

  it('a refused certificate stops the login: nothing is sent and no tunnel comes up', async () => {
    const r = await runCli(['up', profile, '--ask'], env, 'no\n');
    expect(r.code).toBe(1);
    expect(inPool(nmAddresses())).toBe(false);
  });

  it('asks the group, the password, then the one-time code in its own step, and connects in the group', async () => {
    const guests = twoFactor.groupNetworks.guests ?? '';
    const input = `yes\nGuest users\n${twoFactor.username}\n${twoFactor.password}\n${codes.next()}\n`;
    const r = await runCli(['up', twoFactorProfile, '--ask'], env, input);
    expect(r.code, r.stderr).toBe(0);
    // The choice as the server offers it, and the code's own question after the password's.
    expect(r.stderr).toContain('Staff members');
    expect(r.stderr).toMatch(/enter your password\.[\s\S]*Please enter your OTP password\./);
    const pool = guests.replace(/\.0$/, '.');
    expect(r.stdout).toContain(`connected ${pool}`);
    expect(nmAddresses()).toContain(pool);
    // The user name and the group (by its name) went back to NetworkManager under the plugin's
    // keys, where NetworkManager-openconnect's own dialog finds them; the password did not. Read
    // until they are there: once, in a full run under load, nmcli read none right after `up`.
    const stored = await waitFor(
      'the form answers stored',
      async () => {
        const text = await storedSecrets(twoFactorProfile);
        return text.includes('form:main:') ? text : false;
      },
      10_000,
      200,
    );
    expect(stored).toContain('form:main:username = tunnelbar');
    expect(stored).toContain('form:main:group_list = guests');
    expect(stored).not.toContain('form:main:password');
  });

  it("values the plugin's dialog left with NetworkManager are offered: empty lines take them", async () => {
    // As NetworkManager-openconnect's dialog leaves them after a login in the Staff group.
    const entries = `form:main:username=${twoFactor.username},form:main:group_list=staff`;
    await sb.nmcli(['connection', 'modify', twoFactorProfile, 'vpn.secrets', entries]);
    const input = `yes\n\n\n${twoFactor.password}\n${codes.next()}\n`;
    const r = await runCli(['up', twoFactorProfile, '--ask'], env, input);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Username [${twoFactor.username}]:`);
    expect(r.stderr).toContain('Group [Staff members]:');
    expect(nmAddresses()).toContain((twoFactor.groupNetworks.staff ?? '').replace(/\.0$/, '.'));
  });

  it('a wrong one-time code is asked again (only the code), then the login succeeds', async () => {
    const staff = twoFactor.groupNetworks.staff ?? '';
    const input = `yes\n1\n${twoFactor.username}\n${twoFactor.password}\n000000\n${codes.next()}\n`;
    const r = await runCli(['up', twoFactorProfile, '--ask'], env, input);
    expect(r.stderr).toContain('The previous answer was rejected');
    expect(r.code, r.stderr).toBe(0);
    expect(nmAddresses()).toContain(staff.replace(/\.0$/, '.'));
  });

  it('a one-time code wrong every time ends with a clear refusal and no tunnel', async () => {
    const wrong = '000000\n'.repeat(4);
    const input = `yes\n1\n${twoFactor.username}\n${twoFactor.password}\n${wrong}`;
    const r = await runCli(['up', twoFactorProfile, '--ask'], env, input);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The login to ${twoFactorProfile} was refused.`);
    expect(nmAddresses()).not.toMatch(/\b10\.32\./);
  });

  it("an HOTP token's new counter is kept by NetworkManager, so the next login succeeds too", async () => {
    const input = `yes\n${token.username}\n${token.password}\n`;
    for (let login = 1; login <= 2; login++) {
      // The login succeeds; the tunnel to this login-only server then fails, as expected.
      const r = await runCli(['up', tokenProfile, '--ask'], env, input);
      expect(r.stderr).not.toContain('refused');
      await runCli(['down', tokenProfile], env).catch(() => undefined);
      // The failed tunnel must be over before the next up, or NetworkManager may not ask again.
      await waitFor('the token profile inactive', () => inactive(tokenProfile));
    }
    // Without the counter kept, the second login would send counter 0's code again: refused.
    expect(token.accepted()).toEqual([0, 1]);
    expect(token.refused()).toBe(0);
    // The token holds no backslash of its own, so the unescaped value is exact.
    expect(await storedSecrets(tokenProfile)).toContain(`stoken_string = ${token.tokenSecret},2`);
  });

  it('a SAML login opens the system browser, says it waits, and hands NM the cookie the server issued', async () => {
    const r = await runCli(['up', samlProfile, '--ask'], env, 'yes\n');
    expect(r.stderr).toContain('Log in in the browser window that opened');
    // The identity provider was visited, the token came back through openconnect's listener,
    // and NetworkManager-openconnect asked for the tunnel with the session cookie it was given
    // (this login-only server then refuses the tunnel: the up fails, as expected).
    expect(saml.events()).toEqual(expect.arrayContaining(['idp', 'sso accepted']));
    expect(saml.events()).toContain('tunnel known');
    expect(saml.events()).not.toContain('tunnel unknown');
    await runCli(['down', samlProfile], env).catch(() => undefined);
  });
});
