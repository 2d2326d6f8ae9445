// carryOut for a plugin whose auth dialog has external UI mode: the dialog (a script here) says what
// it needs, Tunnelbar's prompt asks it, and NetworkManager gets the dialog's known values with the
// typed ones. Also the OpenConnect path's first check, before any openconnect runs.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Variant } from 'dbus-next';
import { afterAll, describe, expect, it } from 'vitest';
import { carryOut, type AnswerContext, type Outcome } from '../../../main/agent/answer';
import type { PromptAnswer, PromptRequest, Prompter } from '../../../main/agent/prompter';
import type { SecretPlan } from '../../../main/agent/secret-plan';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { MemoryStore } from '../../fakes/memory-store';
import { v } from '../../builders/variant';

const service = 'org.example.fakevpn';

function profile(id: string | null): SettingsDict {
  const connection: Record<string, Variant> = { uuid: v('s', 'u9') };
  if (id !== null) connection.id = v('s', id);
  return {
    connection,
    vpn: {
      'service-type': v('s', service),
      data: v('a{ss}', { gateway: 'vpn.corp.example', 'password-flags': '1' }),
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tb-answer-dialog-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A plugin folder whose external-UI dialog prints `output` (a key file). */
function plugin(output: string): string {
  const folder = mkdtempSync(join(dir, 'plugin-'));
  const dialog = join(folder, 'auth-dialog');
  writeFileSync(dialog, `#!/bin/sh\ncat > /dev/null\ncat <<'OUT'\n${output}OUT\n`);
  chmodSync(dialog, 0o755);
  writeFileSync(
    join(folder, 'fake.name'),
    `[VPN Connection]\nname=fakevpn\nservice=${service}\n\n[GNOME]\nauth-dialog=${dialog}\nsupports-external-ui-mode=true\n`,
  );
  return folder;
}

const group = (name: string, value: string, secret: boolean, ask: boolean): string =>
  `[${name}]\nValue=${value}\nLabel=${name} label\nIsSecret=${String(secret)}\nShouldAsk=${String(ask)}\n\n`;

const ui = '[VPN Plugin UI]\nVersion=2\nDescription=Log in to corp\nTitle=Corp login\n\n';

class ScriptedPrompter implements Prompter {
  readonly seen: PromptRequest[] = [];
  constructor(private readonly reply: PromptAnswer | null) {}
  prompt(request: PromptRequest): Promise<PromptAnswer | null> {
    this.seen.push(request);
    return Promise.resolve(this.reply);
  }
}

function run(
  plan: SecretPlan,
  folder: string,
  prompter: Prompter | null,
  connection = profile('corp'),
  store = new MemoryStore(),
): Promise<Outcome> {
  const ctx: AnswerContext = {
    connection,
    settingName: 'vpn',
    hints: [],
    flags: 0x1,
    signal: new AbortController().signal,
  };
  return carryOut(plan, ctx, { prompter, store, pluginDirs: [folder] });
}

const viaDialog: SecretPlan = { kind: 'auth-dialog', serviceType: service };
const secretsOf = (o: Outcome): unknown => ('secrets' in o ? o.secrets.vpn?.secrets?.value : o);

describe('a plugin’s external-UI auth dialog', () => {
  it('asks what the dialog asks, offers saving for an agent-owned secret, adds the known ones', async () => {
    const folder = plugin(
      ui +
        group('password', '', true, true) +
        group('user', '', false, true) +
        group('token', 'known-token', true, false),
    );
    const prompter = new ScriptedPrompter({ values: { password: 'typed' }, save: false });
    const outcome = await run(viaDialog, folder, prompter);
    expect(prompter.seen).toHaveLength(1);
    expect(prompter.seen[0]).toMatchObject({
      connectionUuid: 'u9',
      connectionId: 'corp',
      vpnType: 'fakevpn',
      title: 'Corp login',
      message: 'Log in to corp',
      reason: 'initial',
      fields: [
        { key: 'password', label: 'password label', secret: true },
        { key: 'user', label: 'user label', secret: false },
      ],
      // One agent-owned secret among the fields is enough to offer saving it.
      canSave: true,
    });
    expect(secretsOf(outcome)).toEqual({ token: 'known-token', password: 'typed' });
  });

  it('saves only the secret fields when "save" is ticked, never one asked in the clear', async () => {
    const folder = plugin(ui + group('password', '', true, true) + group('user', '', false, true));
    // Both agent-owned: only the dialog's "IsSecret" tells the user name from the password.
    const connection = profile('corp');
    connection.vpn = {
      ...connection.vpn,
      data: v('a{ss}', { gateway: 'vpn.corp.example', 'password-flags': '1', 'user-flags': '1' }),
    };
    const store = new MemoryStore();
    const prompter = new ScriptedPrompter({
      values: { password: 'typed', user: 'alice' },
      save: true,
    });
    const outcome = await run(viaDialog, folder, prompter, connection, store);
    expect('afterReply' in outcome).toBe(true);
    if ('afterReply' in outcome) await outcome.afterReply?.();
    expect([...store.items]).toEqual([['u9/vpn/password', 'typed']]);
  });

  it('offers no saving for a field asked in the clear, and names a nameless profile by its plugin', async () => {
    const folder = plugin(ui + group('password', '', false, true) + group('pin', '', true, true));
    const prompter = new ScriptedPrompter(null);
    await run(viaDialog, folder, prompter, profile(null));
    expect(prompter.seen[0]?.connectionId).toBe(service);
    expect(prompter.seen[0]?.canSave).toBe(false);
  });

  it('answers without a prompt when the dialog already knows everything, or needs nothing', async () => {
    const prompter = new ScriptedPrompter(null);
    const known = await run(viaDialog, plugin(ui + group('token', 't', true, false)), prompter);
    expect(secretsOf(known)).toEqual({ token: 't' });
    const nothing = await run(viaDialog, plugin(ui), prompter);
    expect(secretsOf(nothing)).toEqual({ 'no-secret': 'true' });
    expect(prompter.seen).toEqual([]);
  });
});

describe('an OpenConnect login', () => {
  it('with a prompt allowed, goes on to the login, which needs a gateway', async () => {
    const connection: SettingsDict = {
      connection: { id: v('s', 'oc'), uuid: v('s', 'u5') },
      vpn: {
        'service-type': v('s', 'org.freedesktop.NetworkManager.openconnect'),
        data: v('a{ss}', {}),
      },
    };
    const outcome = await run(
      { kind: 'openconnect-login' },
      dir,
      new ScriptedPrompter(null),
      connection,
    );
    expect(outcome).toEqual({
      error: 'org.freedesktop.NetworkManager.SecretAgent.NoSecrets',
      text: 'oc has no gateway to log in to.',
    });
  });

  it('runs the openconnect found on the PATH when no program is named', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    const marker = join(bin, 'ran');
    writeFileSync(join(bin, 'openconnect'), `#!/bin/sh\n: > '${marker}'\nexit 1\n`);
    chmodSync(join(bin, 'openconnect'), 0o755);
    const connection: SettingsDict = {
      connection: { id: v('s', 'oc'), uuid: v('s', 'u5') },
      vpn: {
        'service-type': v('s', 'org.freedesktop.NetworkManager.openconnect'),
        data: v('a{ss}', { gateway: 'vpn.test:4443', protocol: 'anyconnect' }),
      },
    };
    const saved = { path: process.env.PATH, program: process.env.TUNNELBAR_OPENCONNECT };
    process.env.PATH = `${bin}:${saved.path ?? ''}`;
    delete process.env.TUNNELBAR_OPENCONNECT;
    try {
      await run({ kind: 'openconnect-login' }, dir, new ScriptedPrompter(null), connection);
    } finally {
      if (saved.path === undefined) delete process.env.PATH;
      else process.env.PATH = saved.path;
      if (saved.program !== undefined) process.env.TUNNELBAR_OPENCONNECT = saved.program;
    }
    expect(existsSync(marker)).toBe(true);
  });
});
