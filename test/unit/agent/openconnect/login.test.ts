import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openconnectLogin } from '../../../../main/agent/openconnect/login';
import type { PromptAnswer, PromptRequest, Prompter } from '../../../../main/agent/prompter';
import type { SettingsDict } from '../../../../main/nm/dbus-types';
import { MemoryStore } from '../../../fakes/memory-store';
import { v } from '../../../builders/variant';

// The login against a stand-in for the openconnect program (fake-openconnect.mjs), which prints
// what openconnect 9 prints against ocserv and reads each answer from stdin.

const fake = join(__dirname, '..', '..', '..', 'fakes', 'fake-openconnect.mjs');
// Mutation testing runs the tests on a copy of the project that loses the executable bit.
chmodSync(fake, 0o755);

function profile(
  data: Record<string, string> = {},
  secrets: Record<string, string> = {},
): SettingsDict {
  return {
    connection: { id: v('s', 'work'), uuid: v('s', 'u1'), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openconnect'),
      data: v('a{ss}', { gateway: 'vpn.test:4443', protocol: 'anyconnect', ...data }),
      secrets: v('a{ss}', secrets),
    },
  };
}

/** Answers each prompt with the next reply; records the requests. */
class Script implements Prompter {
  readonly seen: PromptRequest[] = [];
  constructor(private readonly replies: ((r: PromptRequest) => PromptAnswer | null)[]) {}
  prompt(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer | null> {
    this.seen.push(request);
    if (request.reason === 'browser')
      return new Promise((resolve) => {
        signal.addEventListener('abort', () => {
          resolve(null);
        });
      });
    const reply = this.replies.shift();
    if (reply === undefined) throw new Error(`unexpected prompt ${request.title}`);
    return Promise.resolve(reply(request));
  }
}
const typed =
  (value: string, save = false) =>
  (r: PromptRequest) => ({
    values: { [r.fields[0]?.key ?? '']: value },
    save,
  });
const accept = (): PromptAnswer => ({ values: {}, save: false });

function run(
  scenario: string,
  prompter: Prompter,
  store = new MemoryStore(),
  connection = profile(),
) {
  process.env.FAKE_OC_SCENARIO = scenario;
  return openconnectLogin(
    { connection, signal: new AbortController().signal },
    { prompter, store, command: fake, browser: 'true' },
  );
}

const secretsOf = (outcome: Awaited<ReturnType<typeof run>>): unknown =>
  'secrets' in outcome ? (outcome.secrets.vpn?.secrets?.value as unknown) : outcome;

afterEach(() => {
  delete process.env.FAKE_OC_STATE;
  delete process.env.FAKE_OC_SCENARIO;
  delete process.env.FAKE_OC_ARGS;
});

describe('openconnectLogin', () => {
  it('shows the certificate, asks each field in turn and hands NM cookie, gateway and gwcert', async () => {
    const prompter = new Script([accept, typed('alice'), typed('right')]);
    const outcome = await run('cert-login', prompter);
    expect(secretsOf(outcome)).toEqual({
      cookie: 'user=alice',
      gateway: 'https://vpn.test:4443',
      gwcert: 'pin-sha256:FAKE=',
    });
    const [cert, user, password] = prompter.seen;
    expect(cert).toMatchObject({
      reason: 'certificate',
      fields: [],
      certificate: {
        host: 'vpn.test',
        reason: 'signer not found',
        fingerprint: 'pin-sha256:FAKE=',
      },
    });
    expect(user).toMatchObject({
      reason: 'initial',
      message: 'Please enter your username.',
      fields: [{ key: 'form:Username', label: 'Username', secret: false }],
    });
    expect(password?.fields[0]).toMatchObject({ key: 'form:Password', secret: true });
  });

  it('starts over when the server rejects the password: only the password is asked again', async () => {
    const prompter = new Script([accept, typed('alice'), typed('wrong'), typed('right')]);
    expect(secretsOf(await run('cert-login', prompter))).toMatchObject({ cookie: 'user=alice' });
    // The accepted certificate and the user name are given again by themselves.
    expect(prompter.seen.map((r) => r.reason)).toEqual([
      'certificate',
      'initial',
      'initial',
      'rejected',
    ]);
    expect(prompter.seen[3]?.fields[0]?.key).toBe('form:Password');
  });

  it('a refused certificate ends the login as cancelled by the user', async () => {
    const outcome = await run('cert-login', new Script([() => null]));
    expect(outcome).toMatchObject({
      error: 'org.freedesktop.NetworkManager.SecretAgent.UserCanceled',
    });
  });

  it('accepts a certificate pinned before without asking, and fills a saved password', async () => {
    const store = new MemoryStore();
    store.items.set('u1/vpn/certificate:vpn.test:4443', 'pin-sha256:FAKE=');
    store.items.set('u1/vpn/form:Password', 'right');
    const prompter = new Script([typed('alice')]);
    expect(secretsOf(await run('cert-login', prompter, store))).toMatchObject({
      cookie: 'user=alice',
    });
    expect(prompter.seen.map((r) => r.fields[0]?.key)).toEqual(['form:Username']);
  });

  it('never accepts a pin of another certificate', async () => {
    const store = new MemoryStore();
    store.items.set('u1/vpn/certificate:vpn.test:4443', 'pin-sha256:OTHER=');
    const prompter = new Script([() => null]);
    await run('cert-login', prompter, store);
    expect(prompter.seen[0]?.reason).toBe('certificate');
  });

  it('keeps an accepted certificate and a password to save, once logged in', async () => {
    const store = new MemoryStore();
    const outcome = await run(
      'cert-login',
      new Script([accept, typed('alice'), typed('right', true)]),
      store,
    );
    if (!('secrets' in outcome)) throw new Error('no secrets');
    expect(store.items.size).toBe(0); // nothing before NetworkManager has its answer
    await outcome.afterReply?.();
    expect(store.items.get('u1/vpn/certificate:vpn.test:4443')).toBe('pin-sha256:FAKE=');
    expect(store.items.get('u1/vpn/form:Password')).toBe('right');
  });

  describe("openconnect's `resolve` (host:address), one login's like the cookie", () => {
    const login = (data: Record<string, string>, store = new MemoryStore()) =>
      run(
        'cert-login',
        new Script([accept, typed('alice'), typed('right', true)]),
        store,
        profile(data),
      );

    it('is not handed to NM on a profile without resolve-flags: NM would write it into the profile', async () => {
      const store = new MemoryStore();
      const outcome = await login({}, store);
      expect(secretsOf(outcome)).not.toHaveProperty('resolve');
      if (!('secrets' in outcome)) throw new Error('no secrets');
      await outcome.afterReply?.();
      expect([...store.items.keys()].filter((k) => k.includes('resolve'))).toEqual([]);
    });

    it('is not handed to NM when the profile keeps it (resolve-flags 0, system-owned)', async () => {
      expect(secretsOf(await login({ 'resolve-flags': '0' }))).not.toHaveProperty('resolve');
    });

    it("is handed to NM when the profile marks it not saved (2, as the plugin's editor writes), never kept in the keyring", async () => {
      const store = new MemoryStore();
      const outcome = await login({ 'resolve-flags': '2', 'cookie-flags': '2' }, store);
      expect(secretsOf(outcome)).toMatchObject({ resolve: 'vpn.test:10.0.0.1' });
      if (!('secrets' in outcome)) throw new Error('no secrets');
      await outcome.afterReply?.();
      expect(store.items.get('u1/vpn/form:Password')).toBe('right');
      expect([...store.items.keys()].filter((k) => k.includes('resolve'))).toEqual([]);
    });

    it('is handed to NM when it is agent-owned (1): NM does not write those into the profile', async () => {
      const store = new MemoryStore();
      const outcome = await login({ 'resolve-flags': '1' }, store);
      expect(secretsOf(outcome)).toMatchObject({ resolve: 'vpn.test:10.0.0.1' });
      if (!('secrets' in outcome)) throw new Error('no secrets');
      await outcome.afterReply?.();
      expect([...store.items.keys()].filter((k) => k.includes('resolve'))).toEqual([]);
    });
  });

  it('offers a group as a choice, and a one-time code as a challenge that is never saved', async () => {
    const prompter = new Script([
      (r) => ({ values: { [r.fields[0]?.key ?? '']: 'guests' }, save: false }),
      typed('pw'),
      typed('123456', true),
    ]);
    const store = new MemoryStore();
    const outcome = await run('group-otp', prompter, store);
    expect(secretsOf(outcome)).toMatchObject({ cookie: 'group=guests;pw=pw;otp=123456' });
    expect(prompter.seen[0]?.fields[0]).toMatchObject({
      label: 'GROUP',
      options: ['staff', 'guests'],
    });
    expect(prompter.seen[2]).toMatchObject({ reason: 'challenge', canSave: false });
    if ('afterReply' in outcome) await outcome.afterReply?.();
    // The group is kept like a user name; neither the password (not ticked) nor the code.
    expect([...store.items.keys()]).toEqual(['u1/vpn/form:GROUP']);
  });

  it("asks ocserv's one-time code in its own step, and only the code again when it was wrong", async () => {
    const store = new MemoryStore();
    const prompter = new Script([
      typed('alice'),
      typed('right', true),
      typed('000000'),
      typed('111111'),
    ]);
    const outcome = await run('ocserv-otp', prompter, store);
    expect(secretsOf(outcome)).toMatchObject({ cookie: 'user=alice;pw=right;otp=111111' });
    expect(prompter.seen.map((r) => [r.reason, r.message, r.canSave])).toEqual([
      ['initial', 'Please enter your username.', false],
      ['initial', 'Please enter your password.', true],
      ['challenge', 'Please enter your OTP password.', false],
      ['rejected', 'Please enter your OTP password.', false],
    ]);
    if ('afterReply' in outcome) await outcome.afterReply?.();
    // The password to save is the password, not the code asked under the same label.
    expect(store.items.get('u1/vpn/form:Password')).toBe('right');
  });

  it('a code wrong every time ends in a clear refusal', async () => {
    const prompter = new Script([
      typed('alice'),
      typed('right'),
      ...Array.from({ length: 4 }, () => typed('0')),
    ]);
    const outcome = await run('ocserv-otp', prompter);
    expect(outcome).toMatchObject({ text: 'The login to work was refused.' });
  });

  it('waits for a browser login with a message, withdrawn when the login ends', async () => {
    const prompter = new Script([]);
    expect(secretsOf(await run('browser', prompter))).toMatchObject({ cookie: 'saml' });
    expect(prompter.seen).toHaveLength(1);
    expect(prompter.seen[0]).toMatchObject({ reason: 'browser', fields: [] });
  });

  it('passes no secret on the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-oc-'));
    process.env.FAKE_OC_ARGS = join(dir, 'args.json');
    const connection = profile({ stoken_source: 'totp' }, { stoken_string: 'TOKENSECRET' });
    await run('browser', new Script([]), new MemoryStore(), connection);
    const args = readFileSync(join(dir, 'args.json'), 'utf8');
    expect(args).toContain('--token-mode=totp');
    expect(args).not.toContain('TOKENSECRET');
  });

  describe('an HOTP token', () => {
    /** A server that has seen no code yet. */
    function hotpServer(): void {
      const state = join(mkdtempSync(join(tmpdir(), 'tb-oc-')), 'counter');
      writeFileSync(state, '0');
      process.env.FAKE_OC_STATE = state;
    }

    it('kept in the keyring: its new counter is saved, so two logins in a row both succeed', async () => {
      hotpServer();
      const store = new MemoryStore();
      store.items.set('u1/vpn/stoken_string', 'SECRET');
      const connection = profile({ stoken_source: 'hotp', 'stoken_string-flags': '1' });
      const first = await run('hotp', new Script([]), store, connection);
      expect(secretsOf(first)).toMatchObject({
        cookie: 'hotp=SECRET@0',
        stoken_string: 'SECRET,1',
      });
      if ('afterReply' in first) await first.afterReply?.();
      expect(store.items.get('u1/vpn/stoken_string')).toBe('SECRET,1');
      const second = await run('hotp', new Script([]), store, connection);
      expect(secretsOf(second)).toMatchObject({ cookie: 'hotp=SECRET@1' });
      if ('afterReply' in second) await second.afterReply?.();
      expect(store.items.get('u1/vpn/stoken_string')).toBe('SECRET,2');
    });

    it('kept by NetworkManager: the new counter goes back to it as the stoken_string secret', async () => {
      hotpServer();
      const store = new MemoryStore();
      const connection = profile({ stoken_source: 'hotp' }, { stoken_string: 'SECRET,4' });
      const outcome = await run('hotp', new Script([]), store, connection);
      expect(secretsOf(outcome)).toMatchObject({
        cookie: 'hotp=SECRET@4',
        stoken_string: 'SECRET,5',
      });
      if ('afterReply' in outcome) await outcome.afterReply?.();
      expect(store.items.size).toBe(0);
    });

    it('without the new counter the server refuses the next login (what the test guards against)', async () => {
      hotpServer();
      const connection = profile({ stoken_source: 'hotp' }, { stoken_string: 'SECRET' });
      await run('hotp', new Script([]), new MemoryStore(), connection);
      const again = await run('hotp', new Script([]), new MemoryStore(), connection);
      expect(again).toMatchObject({
        error: 'org.freedesktop.NetworkManager.SecretAgent.NoSecrets',
      });
    });
  });

  describe("the plugin's form keys (form:<form id>:<field name>, read from openconnect's HTTP dump)", () => {
    const choose = (label: string) => (r: PromptRequest) => ({
      values: { [r.fields[0]?.key ?? '']: label },
      save: false,
    });

    it('asks under them, hands user name and group (by name) to NM, and saves the password under its key', async () => {
      const store = new MemoryStore();
      const prompter = new Script([choose('Guest users'), typed('alice'), typed('right', true)]);
      const outcome = await run('ocserv-dump', prompter, store);
      expect(secretsOf(outcome)).toEqual({
        cookie: 'group=Guest users;user=alice;pw=right',
        gateway: 'https://vpn.test:4443',
        gwcert: 'pin-sha256:FAKE=',
        'form:main:group_list': 'guests',
        'form:main:username': 'alice',
      });
      expect(prompter.seen.map((r) => r.fields[0]?.key)).toEqual([
        'form:main:group_list',
        'form:main:username',
        'form:main:password',
      ]);
      if ('afterReply' in outcome) await outcome.afterReply?.();
      // Where NetworkManager-openconnect's dialog keeps passwords (its own keyring schema).
      expect(store.items.get('u1/openconnect-form/form:main:password')).toBe('right');
      // Nothing of the dump reaches a prompt: no request, no header, no session cookie.
      const shown = JSON.stringify(prompter.seen);
      for (const secret of ['SESSIONCTX', 'Set-Cookie', '<auth', 'alice</'])
        expect(shown).not.toContain(secret);
    });

    it("fills from the values the plugin's dialog left with NM, and a password saved under the old key", async () => {
      const store = new MemoryStore();
      store.items.set('u1/vpn/form:Password', 'right');
      const connection = profile(
        {},
        { 'form:main:group_list': 'guests', 'form:main:username': 'bob' },
      );
      const prompter = new Script([
        (r) => ({ values: { [r.fields[0]?.key ?? '']: r.fields[0]?.initial ?? '' }, save: false }),
        (r) => ({ values: { [r.fields[0]?.key ?? '']: r.fields[0]?.initial ?? '' }, save: false }),
      ]);
      const outcome = await run('ocserv-dump', prompter, store, connection);
      expect(secretsOf(outcome)).toMatchObject({ cookie: 'group=Guest users;user=bob;pw=right' });
      expect(prompter.seen.map((r) => r.fields[0]?.initial)).toEqual(['Guest users', 'bob']);
    });

    it("a failed login's reason leaves the dump and its headers out", async () => {
      const prompter = new Script([choose('Staff members'), typed('alice'), typed('wrong')]);
      const outcome = await run('ocserv-dump', prompter);
      expect(outcome).toMatchObject({
        error: 'org.freedesktop.NetworkManager.SecretAgent.NoSecrets',
      });
      const text = 'text' in outcome ? outcome.text : '';
      expect(text).toContain('401 Authentication failed');
      expect(text).not.toContain('wrong');
      expect(text).not.toContain('Content-Length');
    });
  });
});
